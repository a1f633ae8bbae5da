import { MultilineText } from '@/shared/MultilineText';
import { Alert, Descriptions } from 'antd';
import { formatDateTime, formatTime } from '@/shared/format';
import { QUOTES_AWAITED_ID, selectionBlocker, type Comparison } from '../hooks/useComparison';

type Activity = Comparison['activity'];

/** The activity under comparison: code, time, venue, guards required. */
export function ComparisonHeader({ activity: a }: { activity: Activity }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 4 }}
      items={[
        { key: 'code', label: '编号', children: a.code },
        { key: 'time', label: '时间', children: `${formatDateTime(a.startsAt)} 至 ${formatTime(a.endsAt)}` },
        { key: 'venue', label: '场所', children: a.venue },
        { key: 'guards', label: '所需保安员', children: `${a.guardsRequired} 人` },
      ]}
    />
  );
}

/** Who decides (the police recommend, the organizer chooses), a short list's justification, the selection made. */
export function ComparisonNotes({ activity: a }: { activity: Activity }) {
  return (
    <>
      <Alert type="info" showIcon title="公安机关依据资质与评分推荐候选公司，由主办单位自主比选、遴选；每项评分及权重如下。绿色底色为该行最优。" />
      {a.recommendationJustification && <Alert type="warning" showIcon title={<MultilineText>{`推荐不足3家：${a.recommendationJustification}`}</MultilineText>} />}
      {a.selectedCompany && (
        <Alert type="success" showIcon title={`已遴选：${a.selectedCompany.name}`} description={a.selectionReason ? <MultilineText>{`遴选理由：${a.selectionReason}`}</MultilineText> : undefined} />
      )}
    </>
  );
}

/**
 * Why 遴选 is disabled while a quote is awaited (the organizer compares on price too, SPEC §2 step 4): in view,
 * for a keyboard or screen-reader user too (a disabled button's tooltip is out of their reach).
 */
export function QuotesAwaitedNote({ comparison: c }: { comparison: Comparison }) {
  const blocker = c.canSelect ? selectionBlocker(c) : null;
  if (!blocker) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={<span id={QUOTES_AWAITED_ID}>{blocker}</span>}
      description="报价是比选的一项。请点击各候选公司的“报价”录入后再遴选；目前不能承担本活动的候选公司（见“公司现状”一行）无需报价。"
    />
  );
}
