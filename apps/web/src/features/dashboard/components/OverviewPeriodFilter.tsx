import { DatePicker, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { District, districtLabels } from '@evs/schema';
import { serverNow } from '@/shared/clock';
import { toApiDate } from '@/shared/format';

const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
  { label: '近12个月及未来6个月', value: [serverNow().subtract(12, 'month').startOf('month'), serverNow().add(6, 'month').endOf('month')] },
  { label: '本年度', value: [serverNow().startOf('year'), serverNow().endOf('year')] },
  { label: '本季度', value: [serverNow().startOf('month').subtract(serverNow().month() % 3, 'month'), serverNow().startOf('month').subtract(serverNow().month() % 3, 'month').add(2, 'month').endOf('month')] },
  { label: '本月', value: [serverNow().startOf('month'), serverNow().endOf('month')] },
  { label: '未来30天', value: [serverNow(), serverNow().add(30, 'day')] },
];

interface Props {
  from: string;
  to: string;
  district: string | null;
  /** A district bureau's own district: the filter stays on it. */
  ownDistrict: string | null;
  update: (patch: Record<string, string | null>) => void;
}

/** 总览's period (with presets) and district, kept in the URL by `useOverviewFilters`. */
export function OverviewPeriodFilter({ from, to, district, ownDistrict, update }: Props) {
  return (
    <>
      <DatePicker.RangePicker
        aria-label="统计期间"
        allowClear={false}
        value={[dayjs(from), dayjs(to)]}
        presets={presets}
        onChange={(v) => v?.[0] && v[1] && update({ from: toApiDate(v[0]), to: toApiDate(v[1]) })}
        style={{ maxWidth: 280 }}
        inputReadOnly
      />
      <Select
        aria-label="辖区"
        data-testid="overview-district"
        style={{ width: 130 }}
        value={district ?? ''}
        disabled={!!ownDistrict}
        onChange={(v) => update({ district: v || null })}
        options={[{ value: '', label: '全市' }, ...Object.values(District).map((d) => ({ value: d, label: districtLabels[d] }))]}
      />
    </>
  );
}
