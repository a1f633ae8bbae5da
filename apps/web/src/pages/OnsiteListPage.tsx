import { useQuery } from '@apollo/client/react';
import { Card, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useLocation } from 'react-router';
import { ActivityStatusTag } from '@/features/activities/components/ActivityBits';
import { OnsiteActivitiesQuery } from '@/features/inspections/operations';
import { onsiteListVariables } from '@/features/inspections/preload';
import { ListScaffold } from '@/shared/ListScaffold';
import { PageContainer } from '@/shared/PageContainer';
import { formatDateTime } from '@/shared/format';
import { usePolicyAfterPreload } from '@/shared/preload';

/** The activities in training (/training) or on the day (/inspections), each opening its own screen. */
export default function OnsiteListPage() {
  const training = useLocation().pathname.startsWith('/training');
  const variables = onsiteListVariables(training);
  const fetchPolicy = usePolicyAfterPreload(OnsiteActivitiesQuery, variables); // answered by the first load's preload?
  const { data, loading, error } = useQuery(OnsiteActivitiesQuery, { variables, fetchPolicy });
  const items = [...(data?.activities.items ?? [])].sort((a, b) => {
    const rank = (s: string) => (s === 'CLOSED' ? 1 : 0);
    return rank(a.status) - rank(b.status) || dayjs(a.startsAt).valueOf() - dayjs(b.startsAt).valueOf();
  });
  return (
    <PageContainer subTitle={training ? '岗前培训与补训、签到与考核' : '活动当天的现场检查（手机可用）'}>
      <Card variant="borderless">
        <ListScaffold
          label={training ? '培训活动' : '现场检查活动'}
          rowKey="id"
          rowName={(a) => a.name}
          loading={loading && !data}
          error={error}
          dataSource={items}
          scrollX={720}
          empty="暂无活动"
          columns={[
            {
              title: '活动',
              dataIndex: 'name',
              card: 'title',
              render: (v: string, a) => (
                <>
                  <Link to={training ? `/training/${a.id}` : `/inspections/${a.id}`}>{v}</Link>
                  <div><Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{a.code} · {a.venue}</Typography.Text></div>
                </>
              ),
            },
            { title: '开始', dataIndex: 'startsAt', width: 130, render: (v: string) => formatDateTime(v) },
            { title: '状态', dataIndex: 'status', width: 100, render: (v) => <ActivityStatusTag status={v} /> },
            { title: '公司', key: 'company', render: (_, a) => a.selectedCompany?.name },
            {
              title: '截止',
              key: 'deadline',
              width: 160,
              render: (_, a) =>
                // late may be a later stage's deadline (one rule, stages.ts): name the current one only when it is its own
                a.deadlines.lateStages.length ? <Tag color="error">{a.deadlines.next?.late ? `${a.deadlines.next.label}已逾期` : '后续阶段已逾期'}</Tag>
                  : a.deadlines.next ? <Tag>{a.deadlines.next.label} 剩{a.deadlines.next.daysLeft}天</Tag> : null,
            },
            {
              title: '操作',
              key: 'actions',
              width: 100,
              card: 'action',
              actions: (a) => [
                { key: 'open', type: 'primary', label: training ? '培训' : a.status === 'CLOSED' ? '查看' : '检查', to: training ? `/training/${a.id}` : `/inspections/${a.id}` },
              ],
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
