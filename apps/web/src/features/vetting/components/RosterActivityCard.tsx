import { Alert, Card, Descriptions, Select, Space, Typography } from 'antd';
import { activityStatusLabels, securityModeLabels } from '@evs/schema';
import type { RosterState } from '@/features/vetting/hooks/useRoster';
import { errorCode, errorMessage, isTransient } from '@/shared/errors';
import { formatDateTime } from '@/shared/format';
import { labelOf } from '@/shared/labels';

/** The server's refusal of the last 上报, until closed: what it says, and that the page now shows the roster as it is. */
function SubmitRefusal({ roster }: { roster: RosterState }) {
  const e = roster.submitError;
  if (!e) return null;
  return (
    <Alert
      type={errorCode(e) === 'CONFLICT' ? 'warning' : 'error'}
      showIcon
      closable={{ onClose: roster.dismissSubmitError, 'aria-label': '关闭' }}
      style={{ marginBottom: 8 }}
      data-testid="roster-submit-refusal"
      title={errorMessage(e)}
      description={isTransient(e) ? '本次所选人员未上报，请检查网络后重试' : '本次所选人员未上报；页面已按最新情况刷新，下方为当前名单'}
    />
  );
}

/** The activity whose roster is being submitted: choice, figures, what is still to do. */
export function RosterActivityCard({ roster }: { roster: RosterState }) {
  const { activity } = roster;
  return (
    <Card size="small">
      <SubmitRefusal roster={roster} />
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text>活动：</Typography.Text>
        <Select
          aria-label="活动"
          style={{ minWidth: 260, maxWidth: '100%' }}
          value={roster.activityId}
          onChange={roster.selectActivity}
          options={roster.mine.map((a) => ({ value: a.id, label: `${a.name}（${labelOf(activityStatusLabels, a.status)}）` }))}
        />
      </Space>
      {activity && (
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} items={[
          { label: '时间', children: `${formatDateTime(activity.startsAt)} 至 ${formatDateTime(activity.endsAt)}` },
          { label: '地点', children: activity.venue },
          { label: '安保方式', children: labelOf(securityModeLabels, activity.securityMode) },
          { label: '所需保安员', children: `${activity.guardsRequired}人` },
          { label: '名单', children: `${activity.counts.total}人（通过${activity.counts.passed}，不通过${activity.counts.failed}，待审核${activity.counts.pending}）` },
          { label: '名单上限', children: `${roster.limit}人（不含审核不通过人员）${roster.open ? `，还可上报${roster.room}人` : ''}` },
          { label: '状态', children: labelOf(activityStatusLabels, activity.status) },
        ]} />
      )}
      {activity && activity.counts.failed > 0 && roster.open && (
        <Alert type="error" showIcon style={{ marginTop: 8 }} title={`有${activity.counts.failed}名保安员审核未通过，请替换或移出名单`} />
      )}
      {activity?.status === 'TRAINING' && <Alert type="success" showIcon style={{ marginTop: 8 }} title="背景审核已结束，名单不能再调整" />}
    </Card>
  );
}
