import { ActivityStatus, SecurityMode } from '@evs/schema';
import { ActivityListView } from '@/features/activities/components/ActivityListView';
import { PageContainer } from '@/shared/PageContainer';

/** 合理推荐: approved activities waiting for the detachment's candidates, and those already recommended. */
export default function CandidatesPage() {
  return (
    <PageContainer subTitle="已批示、待推荐候选公司的活动（不含自招保安单位）">
      <ActivityListView
        statuses={[ActivityStatus.APPROVED, ActivityStatus.CANDIDATES_RECOMMENDED]}
        emptyText="没有待推荐的活动"
        linkTo={(r) => (r.securityMode === SecurityMode.SELF_RECRUITED ? `/activities/${r.id}` : `/candidates/${r.id}`)}
        action={(r) =>
          r.securityMode === SecurityMode.SELF_RECRUITED ? null : { label: r.status === ActivityStatus.APPROVED ? '推荐候选' : '查看', to: `/candidates/${r.id}` }
        }
        actionText={() => <span>自招保安</span>}
      />
    </PageContainer>
  );
}
