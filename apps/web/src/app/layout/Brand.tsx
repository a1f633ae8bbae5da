export function Brand({ collapsed = false }: { collapsed?: boolean }) {
  return (
    <div className="brand" style={collapsed ? { justifyContent: 'center', padding: 0 } : undefined}>
      <img className="brand-logo" src="/favicon.svg" alt="" />
      {!collapsed && (
        <div className="brand-title">
          <strong>安保前置审核系统</strong>
          <span>盘锦市公安局</span>
        </div>
      )}
    </div>
  );
}
