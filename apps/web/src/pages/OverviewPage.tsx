import { OverviewDashboard } from '@/features/dashboard/components/OverviewDashboard';
import { PageContainer } from '@/shared/PageContainer';

/** 领导小组办公室 overview (SPEC §6): headline figures and charts, each drilling down to its list. */
export default function OverviewPage() {
  return (
    <PageContainer subTitle="全市公司、审核、培训、现场检查">
      <OverviewDashboard />
    </PageContainer>
  );
}
