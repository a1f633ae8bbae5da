import { Descriptions } from 'antd';
import { districtLabels } from '@evs/schema';
import { labelOf } from '@/shared/labels';
import { formatDateTime } from '@/shared/format';
import type { Suggestions, SuggestionsActivity } from '../hooks/useCandidateSuggestions';

/** The activity and what a candidate needs: time, venue, guards needed (with the margin), the age rule. */
export function SuggestionsHeader({ activity: a, suggestions: s }: { activity: SuggestionsActivity; suggestions: Suggestions }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 4 }}
      items={[
        { key: 'time', label: '时间', children: formatDateTime(a.startsAt) },
        { key: 'venue', label: '场所', children: `${a.venue}（${labelOf(districtLabels, a.district)}）` },
        { key: 'need', label: '所需保安员', children: `${s.guardsRequired} 人，含富余 ${Math.round(s.capacityMargin * 100)}% 需 ${s.guardsNeeded} 人` },
        { key: 'age', label: '年龄条件', children: `${s.minAge}–${s.maxAge} 岁（活动首日），持保安员证，${s.reuseWindowDays} 天内未审核不通过` },
      ]}
    />
  );
}
