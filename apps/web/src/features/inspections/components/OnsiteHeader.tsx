import { activityStatusLabels } from '@evs/schema';
import type { InspectionScreen } from '@/features/inspections/hooks/useInspectionScreen';
import { formatDateTime } from '@/shared/format';
import { labelOf } from '@/shared/labels';
import { Chip, Notice } from './plain';

/** What the officer is told when no key could be had: a check recorded now is kept by this page only. */
export const NO_KEY_NOTICE = '未能取得本机加密密钥：新登记的检查记录只保存在本页面中，不会存入手机。请保持本页面打开、勿刷新或退出，联网后将自动发送并加密保存。';

const statusTone = { IN_PROGRESS: 'success', READY: 'info', CLOSED: undefined, CANCELLED: 'error' } as const;

/** The activity, the connection, the head count, and (for the detachment on the day) the start. */
export function OnsiteHeader({ screen, onStart }: { screen: InspectionScreen; onStart: () => void }) {
  const { a, outbox, officer, tooEarly, startableFrom } = screen;
  if (!a) return null;
  return (
    <div className="onsite-head">
      <div className="onsite-between">
        <div style={{ minWidth: 0 }}>
          <h1>{a.name}</h1>
          <span className="muted">
            {a.venue} · {formatDateTime(a.startsAt)}
          </span>
        </div>
        <Chip tone={statusTone[a.status as keyof typeof statusTone]}>{labelOf(activityStatusLabels, a.status)}</Chip>
      </div>
      <div className="onsite-row" style={{ marginTop: 8 }}>
        {outbox.online ? (
          <Chip tone="success" testId="net-status">在线</Chip>
        ) : (
          <Chip tone="warning" testId="net-status">{outbox.keyMissing ? '离线' : '离线，记录保存在本机'}</Chip>
        )}
        <Chip>在岗 {screen.guards.length} 人 / 所需 {a.guardsRequired} 人</Chip>
        {outbox.waiting > 0 && (
          <Chip tone="processing" testId="pending-count">待发送 {outbox.waiting}</Chip>
        )}
      </div>
      {outbox.keyMissing && <Notice tone="warning" testId="outbox-no-key" title={NO_KEY_NOTICE} />}
      {!screen.live && screen.cached && <Notice tone="warning" title={`离线：显示 ${formatDateTime(screen.cached.savedAt)} 缓存的在岗名单`} />}
      {officer && a.status === 'READY' && tooEarly && (
        <Notice tone="warning" testId="start-refused"
          title={`活动${formatDateTime(a.startsAt)}开始，现场监管最早于活动当天开始：可于 ${formatDateTime(startableFrom!)} 起开始`} />
      )}
      {officer && a.status === 'READY' && (
        <button type="button" className="onsite-btn primary" style={{ marginTop: 8 }} disabled={tooEarly} onClick={onStart}>
          {tooEarly ? '尚未到现场监管开始时间' : '活动开始，进入现场监管'}
        </button>
      )}
    </div>
  );
}
