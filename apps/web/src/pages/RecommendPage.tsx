import { Alert, Card, Skeleton, Space } from 'antd';
import { useParams } from 'react-router';
import { ActivityStatusTag } from '@/features/activities/components/ActivityBits';
import { RecommendSubmitCard } from '@/features/recommendation/components/RecommendSubmitCard';
import { SuggestionsHeader } from '@/features/recommendation/components/SuggestionsHeader';
import { SuggestionsTable } from '@/features/recommendation/components/SuggestionsTable';
import { WeightsCard } from '@/features/recommendation/components/WeightsCard';
import { RECOMMENDERS } from '@/features/recommendation/access';
import { useCandidateSuggestions } from '@/features/recommendation/hooks/useCandidateSuggestions';
import '@/features/recommendation/recommendation.css';
import { canAccess } from '@/shared/access';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { PageContainer } from '@/shared/PageContainer';
import { useRole } from '@/shared/session';

/** 合理推荐: every company ranked for this activity, scores explained, reasons for the excluded; pick ≥ 3. */
export default function RecommendPage() {
  const { id = '' } = useParams();
  const mayRecommend = canAccess(useRole(), RECOMMENDERS);
  const state = useCandidateSuggestions(id);
  const { suggestions: s, activity: a } = state;

  if (state.firstLoad) return <PageContainer title="推荐候选"><Card><Skeleton active /></Card></PageContainer>;
  if (!s || !a) return <PageContainer title="推荐候选"><ErrorAlert error={state.error} /></PageContainer>;
  // Only 保安管理支队 recommends, and only while the activity is 已批示; everyone else reads.
  const editable = mayRecommend && a.status === 'APPROVED';
  const readOnlyNote = mayRecommend ? '本活动当前不在“已批示”阶段，推荐结果仅供查看' : '推荐候选由保安管理支队办理，推荐结果仅供查看';

  return (
    <PageContainer title={`推荐候选：${a.name}`} subTitle={<ActivityStatusTag status={a.status} />} header={<SuggestionsHeader activity={a} suggestions={s} />}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <WeightsCard weights={s.weights} />
        <SuggestionsTable state={state} suggestions={s} editable={editable} />
        {editable ? (
          <RecommendSubmitCard state={state} activityId={id} qualifiedCount={s.qualifiedCount} />
        ) : (
          <Alert type="info" showIcon title={readOnlyNote} />
        )}
      </Space>
    </PageContainer>
  );
}
