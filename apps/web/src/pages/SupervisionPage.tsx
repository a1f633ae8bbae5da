import { Card, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { Role } from '@evs/schema';
import { NoticeList, OverdueByUnitCard } from '@/features/supervision/components/Supervision';
import { PageContainer } from '@/shared/PageContainer';
import { useSession } from '@/shared/session';

/**
 * 督办 (seed 六 明确责任): overdue stages by responsible unit, and the 督办通知 — the leader group and
 * the office see every unit; any other unit sees and answers its own.
 */
export default function SupervisionPage() {
  const { role, unit } = useSession();
  const cityWide = role === Role.OFFICE || role === Role.LEADER;
  const [open, setOpen] = useState<'open' | 'all'>('open');
  return (
    <PageContainer title="督办">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          每个阶段都有责任单位和截止日期：逾期先提醒责任单位，仍未办理再提醒领导小组办公室；办公室可发出督办通知，责任单位须限期答复，答复和办结情况记入活动台账。
        </Typography.Paragraph>
        <Card title={cityWide ? '逾期事项（按责任单位）' : `${unit.name}的逾期事项`} variant="borderless">
          <OverdueByUnitCard />
        </Card>
        <Card
          title={cityWide ? '督办通知' : '发给本单位的督办通知'}
          variant="borderless"
          extra={<Segmented value={open} onChange={(v) => setOpen(v as 'open' | 'all')} options={[{ value: 'open', label: '办理中' }, { value: 'all', label: '全部' }]} />}
        >
          <NoticeList filter={open === 'open' ? { open: true } : undefined} />
        </Card>
      </Space>
    </PageContainer>
  );
}
