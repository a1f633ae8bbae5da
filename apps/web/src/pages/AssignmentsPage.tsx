import { ActivityListView } from '@/features/activities/components/ActivityListView';
import { PageContainer } from '@/shared/PageContainer';

/** 任务安排: the activities this company was selected for. */
export default function AssignmentsPage() {
  return (
    <PageContainer subTitle="本公司中选的活动；请按要求报送保安员名单">
      <ActivityListView emptyText="暂无中选的活动" />
    </PageContainer>
  );
}
