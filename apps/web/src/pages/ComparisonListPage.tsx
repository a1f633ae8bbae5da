import { ActivityStatus } from '@evs/schema';
import { ActivityListView } from '@/features/activities/components/ActivityListView';
import { PageContainer } from '@/shared/PageContainer';

/** 候选比选: the organizer's activities with recommended candidates. */
export default function ComparisonListPage() {
  return (
    <PageContainer subTitle="已推荐候选公司的活动：填报报价、逐项比较并遴选">
      <ActivityListView
        statuses={[ActivityStatus.CANDIDATES_RECOMMENDED, ActivityStatus.COMPANY_SELECTED]}
        showDistrict={false}
        emptyText="暂无待比选的活动"
        linkTo={(r) => `/comparison/${r.id}`}
        action={(r) => ({ label: r.status === ActivityStatus.CANDIDATES_RECOMMENDED ? '比选' : '查看', to: `/comparison/${r.id}` })}
      />
    </PageContainer>
  );
}
