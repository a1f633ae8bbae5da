import { ActivityStatus } from '@evs/schema';
import { ActivityListView, LinkButton } from '@/features/activities/ActivityListView';
import { PageContainer } from '@/shared/PageContainer';
import { useRole } from '@/shared/session';

/** 请示批示: reported activities waiting for the leader's 批示. */
export default function ApprovalsPage() {
  const role = useRole();
  return (
    <PageContainer subTitle="已通报、等待领导批示的活动">
      <ActivityListView
        statuses={[ActivityStatus.REPORTED]}
        emptyText="没有等待批示的活动"
        action={role === 'LEADER' ? (r) => <LinkButton to={`/activities/${r.id}`}>批示</LinkButton> : undefined}
      />
    </PageContainer>
  );
}
