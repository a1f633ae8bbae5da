import { Button, Empty, Flex, List, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { districtLabels, Role } from '@evs/schema';
import type { OverdueByUnitQuery } from '@/gql/graphql';
import { labelOf } from '@/shared/labels';
import { useSession } from '@/shared/session';
import type { NoticeTarget } from './Supervision';

type OverdueUnit = OverdueByUnitQuery['overdueByUnit'][number];

/**
 * The 督办 dialog (antd's Form, DatePicker and Modal, about 55 KB) loads when the office first taps
 * 督办: the office and leaders' home shows this list above the overview's charts, and on a phone's
 * mobile data the dialog's code competed with the first chart for bandwidth and CPU.
 */
const IssueNoticeModal = lazy(() => import('./Supervision').then((m) => ({ default: m.IssueNoticeModal })));

/** Overdue items grouped by responsible unit; the office can 督办 each one without an open notice. */
export function OverdueByUnit({ units }: { units: OverdueUnit[] }) {
  const { role } = useSession();
  const [target, setTarget] = useState<NoticeTarget | null>(null);
  if (!units.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有逾期事项" />;
  return (
    <>
      <List
        dataSource={units}
        data-testid="overdue-by-unit"
        renderItem={(u) => (
          <List.Item data-testid="overdue-unit" style={{ display: 'block' }}>
            <Flex justify="space-between" align="center" style={{ marginBottom: 6 }}>
              <Typography.Text strong>{u.unitName}</Typography.Text>
              <Tag color="orange">逾期 {u.items.length} 项</Tag>
            </Flex>
            {u.items.map((i) => (
              <Flex key={`${i.activityId}:${i.stage}`} justify="space-between" align="center" gap={8} wrap data-testid="overdue-item" style={{ padding: '4px 0' }}>
                <span>
                  <Link to={`/activities/${i.activityId}`}>{i.activityName}</Link>
                  <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                    {labelOf(districtLabels, i.district)} · {i.stageLabel}：{i.task} · 截止 {i.dueOn}，已逾期 {i.daysOverdue} 天
                    {i.reminderLevel > 0 ? `，已提醒${i.reminderLevel === 2 ? '责任单位和办公室' : '责任单位'}` : ''}
                  </Typography.Text>
                </span>
                {i.openNoticeId ? (
                  <Tag color="blue">已督办</Tag>
                ) : role === Role.OFFICE ? (
                  <Button size="small" type="primary" onClick={() => setTarget({ ...i, unitName: u.unitName })}>督办</Button>
                ) : null}
              </Flex>
            ))}
          </List.Item>
        )}
      />
      {target && (
        <Suspense fallback={null}>
          <IssueNoticeModal target={target} onClose={() => setTarget(null)} />
        </Suspense>
      )}
    </>
  );
}
