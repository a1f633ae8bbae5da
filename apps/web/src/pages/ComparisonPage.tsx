import { Card, Skeleton, Space } from 'antd';
import { useParams } from 'react-router';
import { ActivityStatusTag } from '@/features/activities/components/ActivityBits';
import { ComparisonDialogs } from '@/features/recommendation/components/ComparisonDialogs';
import { ComparisonHeader, ComparisonNotes, QuotesAwaitedNote } from '@/features/recommendation/components/ComparisonHeader';
import { ComparisonTable } from '@/features/recommendation/components/ComparisonTable';
import { WeightsCard } from '@/features/recommendation/components/WeightsCard';
import { useComparison } from '@/features/recommendation/hooks/useComparison';
import '@/features/recommendation/recommendation.css';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { formatDateTime } from '@/shared/format';
import { PageContainer } from '@/shared/PageContainer';

/**
 * 候选比选: candidates as columns, measures as rows, the best value of each row marked; the organizer
 * enters quotes and selects one company with a reason. The police recommend; the organizer chooses.
 */
export default function ComparisonPage() {
  const { id = '' } = useParams();
  const state = useComparison(id);
  const c = state.comparison;

  if (state.firstLoad) return <PageContainer title="候选比选"><Card><Skeleton active /></Card></PageContainer>;
  if (!c) return <PageContainer title="候选比选"><ErrorAlert error={state.error} /></PageContainer>;
  const a = c.activity;

  return (
    <PageContainer title={`候选比选：${a.name}`} subTitle={<ActivityStatusTag status={a.status} />} header={<ComparisonHeader activity={a} />}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ComparisonNotes activity={a} />
        <QuotesAwaitedNote comparison={c} />
        <WeightsCard weights={c.weights} extra={c.weightsAsOf ? `推荐时（${formatDateTime(c.weightsAsOf)}）的权重` : '现行设置的权重'} />
        <ComparisonTable comparison={c} onQuote={state.openQuote} onSelect={state.openSelect} />
      </Space>
      <ComparisonDialogs state={state} />
    </PageContainer>
  );
}
