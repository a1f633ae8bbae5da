import type { InspectionScreen } from '@/features/inspections/hooks/useInspectionScreen';
import { formatDateTime } from '@/shared/format';
import { isOwnCheck } from '@/features/inspections/hooks/useOutbox';
import { EmptyNote, Notice } from './plain';

/**
 * Checks kept on the device: sent when the connection returns; one the server refused can be deleted.
 * Another officer's checks (a shared phone) wait for that officer's own login, shown without their content.
 */
export function OutboxList({ outbox }: { outbox: InspectionScreen['outbox'] }) {
  return (
    <div className="onsite-list">
      {outbox.items.length === 0 ? (
        <EmptyNote>没有待发送的记录</EmptyNote>
      ) : (
        <>
          <button type="button" className="onsite-btn primary" disabled={!outbox.online || outbox.sending} aria-busy={outbox.sending} onClick={() => void outbox.flush()}>
            {!outbox.online ? '离线中，恢复网络后自动发送' : outbox.sending ? '正在发送…' : '立即发送'}
          </button>
          {outbox.items.map((i) => (
            <div key={i.id} className="onsite-finding" data-testid="queued">
              {/* another officer's check: who recorded it and when, not whom it is about nor what was found */}
              <strong>{isOwnCheck(i, outbox.recorder) ? i.label : '检查记录'}</strong>
              {isOwnCheck(i, outbox.recorder) ? (
                <div className="muted">{formatDateTime(i.queuedAt)} 记录 · {i.refused ? '服务器未接受' : '待发送'}</div>
              ) : (
                <div className="muted" data-testid="queued-by-other">
                  {formatDateTime(i.queuedAt)} 由{i.queuedBy?.name}记录 · 须{i.queuedBy?.name}本人登录后发送
                </div>
              )}
              {i.refused && isOwnCheck(i, outbox.recorder) && (
                <>
                  <Notice tone="error" title={i.refused} />
                  <button type="button" className="onsite-btn danger" style={{ marginTop: 6 }} onClick={() => void outbox.discard(i.id)}>删除该记录</button>
                </>
              )}
            </div>
          ))}
        </>
      )}
    </div>
  );
}
