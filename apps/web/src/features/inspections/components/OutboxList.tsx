import { Alert, Button, Empty } from 'antd';
import type { InspectionScreen } from '@/features/inspections/hooks/useInspectionScreen';
import { formatDateTime } from '@/shared/format';
import { isOwnCheck } from '@/features/inspections/hooks/useOutbox';

/** Checks kept on the device: sent when the connection returns; one the server refused can be deleted. */
export function OutboxList({ outbox }: { outbox: InspectionScreen['outbox'] }) {
  return (
    <div className="onsite-list">
      {outbox.items.length === 0 ? (
        <Empty description="没有待发送的记录" />
      ) : (
        <>
          <Button size="large" block type="primary" className="onsite-big" loading={outbox.sending} disabled={!outbox.online} onClick={() => void outbox.flush()}>
            {outbox.online ? '立即发送' : '离线中，恢复网络后自动发送'}
          </Button>
          {outbox.items.map((i) => (
            <div key={i.id} className="onsite-finding" data-testid="queued">
              <strong>{i.label}</strong>
              {isOwnCheck(i, outbox.recorder) ? (
                <div className="muted">{formatDateTime(i.queuedAt)} 记录 · {i.refused ? '服务器未接受' : '待发送'}</div>
              ) : (
                <div className="muted" data-testid="queued-by-other">
                  {formatDateTime(i.queuedAt)} 由{i.queuedBy?.name}记录 · 须{i.queuedBy?.name}本人登录后发送
                </div>
              )}
              {i.refused && isOwnCheck(i, outbox.recorder) && (
                <>
                  <Alert type="error" showIcon title={i.refused} style={{ margin: '6px 0' }} />
                  <Button danger block onClick={() => void outbox.discard(i.id)}>删除该记录</Button>
                </>
              )}
            </div>
          ))}
        </>
      )}
    </div>
  );
}
