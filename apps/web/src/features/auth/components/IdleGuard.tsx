import { Button, Modal, Typography } from 'antd';
import { useIdleLogout } from '../hooks/useIdleLogout';

/** The idle timeout's last minute (`useIdleLogout`), as a dialog of the signed-in layout. */
export function IdleGuard() {
  const { left, end, stay } = useIdleLogout();
  return (
    <Modal
      open={left !== null}
      title="即将自动退出登录"
      closable={false}
      maskClosable={false}
      footer={[
        <Button key="out" onClick={end}>
          立即退出
        </Button>,
        <Button key="stay" type="primary" onClick={stay}>
          继续使用
        </Button>,
      ]}
    >
      <Typography.Paragraph data-testid="idle-warning">
        您已较长时间未操作，为保护账号安全，系统将在 <strong>{Math.ceil((left ?? 0) / 1000)}</strong> 秒后自动退出登录。
      </Typography.Paragraph>
    </Modal>
  );
}
