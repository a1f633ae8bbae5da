import { Typography } from 'antd';
import { ActivityStatus } from '@evs/schema';
import { ActivityListView } from '@/features/activities/components/ActivityListView';
import { PageContainer } from '@/shared/PageContainer';
import { useRole } from '@/shared/session';

/** 请示批示: reported activities — waiting for the detachment's 请示, or (请示 made) for the leader's 批示. */
export default function ApprovalsPage() {
  const role = useRole();
  return (
    <PageContainer subTitle="已通报的活动：保安管理支队受理请示后，由领导批示">
      <ActivityListView
        statuses={[ActivityStatus.REPORTED]}
        emptyText="没有等待批示的活动"
        action={(r) => (r.requestedAt && role === 'LEADER' ? { label: '批示', to: `/activities/${r.id}` } : null)}
        actionText={(r) => (r.requestedAt ? <Typography.Text>待领导批示</Typography.Text> : <Typography.Text type="secondary">待支队请示</Typography.Text>)}
      />
    </PageContainer>
  );
}
