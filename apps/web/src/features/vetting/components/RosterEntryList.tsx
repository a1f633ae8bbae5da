import { Card, Space, Typography } from 'antd';
import type { RosterState } from '@/features/vetting/hooks/useRoster';
import { DecisionTag, PrecheckTags, ReasonText } from './VettingBits';
import { ListScaffold } from '@/shared/ListScaffold';

type Entry = RosterState['rows'][number];

/** The roster as submitted, with each guard's pre-check and 审核结论; during vetting a failed guard is replaced or removed. */
export function RosterEntryList({ roster }: { roster: RosterState }) {
  const vetting = roster.activity?.status === 'VETTING';
  return (
    <Card size="small" title={`当前名单（${roster.rows.length}人）`}>
      <ListScaffold<Entry>
        label="当前名单"
        size="small"
        rowKey="id"
        rowName={(e) => e.guardName}
        loading={roster.entries.loading}
        error={roster.entries.error}
        dataSource={roster.rows}
        scrollX={720}
        pagination={{ pageSize: 20 }}
        empty="尚未上报名单"
        columns={[
          { title: '姓名', dataIndex: 'guardName', width: 90, fixed: 'left', card: 'title' },
          { title: '身份证号', dataIndex: 'idNumber', width: 180 },
          { title: '资格预审', key: 'precheck', render: (_, e) => <PrecheckTags problems={e.precheckProblems} /> },
          {
            title: '审核结论',
            key: 'decision',
            width: 150,
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                <DecisionTag decision={e.decision} reused={e.reused} />
                <ReasonText reason={e.decision === 'PENDING' ? null : e.reasonCategory} />
                {!e.checked && <Typography.Text type="warning">待重新比对</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 130,
            card: 'action',
            actions: (e) =>
              vetting
                ? [
                    e.decision === 'FAILED' && { key: 'replace', label: '替换', type: 'primary', danger: true, onClick: () => roster.startReplace(e.id, e.guardName) },
                    { key: 'remove', label: '移出', confirm: `将${e.guardName}移出名单？`, onClick: () => void roster.removeEntry(e.id) },
                  ]
                : [],
          },
        ]}
      />
    </Card>
  );
}
