import type { InspectionScreen } from '@/features/inspections/hooks/useInspectionScreen';
import { formatDateTime } from '@/shared/format';
import { EmptyNote, Notice } from './plain';

/** What another account on this phone is told of the checks others left on it: their number, nothing else. */
export const othersNotice = (n: number) => `本机有${n}条其他账号离线登记的检查记录（已加密），须登记人本人登录后发送`;

/**
 * Checks kept on the device: sent when the connection returns; one the server refused can be deleted.
 * Only the signed-in officer's own are listed; of other accounts' (a shared phone), sealed under their
 * recorders' keys, only how many there are.
 */
export function OutboxList({ outbox }: { outbox: InspectionScreen['outbox'] }) {
  const { items, locked, keyMissing, others } = outbox;
  const inMemory = items.filter((i) => i.memoryOnly).length;
  return (
    <div className="onsite-list">
      {items.length === 0 && locked === 0 && others === 0 && <EmptyNote>没有待发送的记录</EmptyNote>}
      {items.length > 0 && (
        <button type="button" className="onsite-btn primary" disabled={!outbox.online || outbox.sending} aria-busy={outbox.sending} onClick={() => void outbox.flush()}>
          {!outbox.online ? '离线中，恢复网络后自动发送' : outbox.sending ? '正在发送…' : '立即发送'}
        </button>
      )}
      {inMemory > 0 && (
        <Notice tone="warning" testId="outbox-in-memory" title={`有${inMemory}条记录只保存在本页面中，请勿刷新或退出，联网后将自动发送`} />
      )}
      {items.map((i) => (
        <div key={i.id} className="onsite-finding" data-testid="queued">
          <strong>{i.label}</strong>
          <div className="muted">
            {formatDateTime(i.queuedAt)} 记录 · {i.refused ? '服务器未接受' : '待发送'}
            {i.memoryOnly && ' · 仅保存在本页面'}
          </div>
          {i.refused && (
            <>
              <Notice tone="error" title={i.refused} />
              <button type="button" className="onsite-btn danger" style={{ marginTop: 6 }} onClick={() => void outbox.discard(i.id)}>删除该记录</button>
            </>
          )}
        </div>
      ))}
      {locked > 0 && (
        <Notice
          tone="warning"
          testId="queued-locked"
          title={
            keyMissing || !outbox.online
              ? `本机有${locked}条您离线登记的检查记录（已加密），联网后自动解密发送`
              : `本机有${locked}条您离线登记的检查记录暂时无法解密，记录仍加密保留在本机，请稍后重试或联系系统管理员`
          }
        />
      )}
      {others > 0 && <Notice tone="info" testId="queued-by-other" title={othersNotice(others)} />}
    </div>
  );
}
