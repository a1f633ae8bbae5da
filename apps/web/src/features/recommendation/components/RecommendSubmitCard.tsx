import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { MIN_CANDIDATES, type CandidateSuggestionsState } from '../hooks/useCandidateSuggestions';

/**
 * The choice and its submission: not fewer than 3 while 3 or more qualify (seed step 二); fewer only
 * when fewer qualify — then all of them, with a written justification.
 */
export function RecommendSubmitCard({ state, activityId, qualifiedCount }: { state: CandidateSuggestionsState; activityId: string; qualifiedCount: number }) {
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [justification, setJustification] = useState('');
  const [submitError, setSubmitError] = useState<unknown>(null);
  const { chosen, chosenNames } = state;
  const required = Math.min(MIN_CANDIDATES, qualifiedCount);
  const tooFew = chosen.length < required;
  const short = chosen.length < MIN_CANDIDATES;

  const submit = () => {
    setSubmitError(null);
    modal.confirm({
      title: `推荐 ${chosen.length} 家候选公司？`,
      content: `推荐后名单不能再改：主办单位（及登记单位、领导小组办公室）将收到通知，由主办单位报价、比选并遴选一家。候选：${chosenNames.join('、')}。${short ? '推荐不足3家的说明将在总览中标出。' : ''}`,
      okText: '确认推荐',
      cancelText: '取消',
      onOk: async () => {
        try {
          await state.recommend(short ? justification : null);
          message.success(`已推荐 ${chosen.length} 家候选公司，已通知主办单位和领导小组办公室`);
          navigate(`/activities/${activityId}`);
        } catch (e) {
          setSubmitError(e);
        }
      },
    });
  };

  return (
    <Card variant="borderless">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          已选 <strong>{chosen.length}</strong> 家：{chosenNames.join('、') || '—'}
        </Typography.Text>
        {tooFew && (
          <Alert
            type="error"
            showIcon
            data-testid="too-few"
            title={`本活动符合条件的公司有 ${qualifiedCount} 家，应推荐不少于 ${required} 家（公安机关只推荐、不指定）`}
          />
        )}
        {short && !tooFew && (
          <>
            <Alert type="warning" showIcon title={`本活动符合条件的公司仅 ${qualifiedCount} 家（${chosenNames.join('、')}），已全部推荐；须书面说明，总览和领导小组办公室将看到此说明`} />
            <Input.TextArea
              rows={3}
              maxLength={1000}
              showCount
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              placeholder="如：符合规模要求的保安服务公司仅两家"
              aria-label="不足3家说明"
            />
          </>
        )}
        <ErrorAlert error={submitError} />
        <Button type="primary" loading={state.recommending} disabled={chosen.length === 0 || tooFew || (short && !justification.trim())} onClick={submit}>
          推荐候选（{chosen.length} 家）
        </Button>
      </Space>
    </Card>
  );
}
