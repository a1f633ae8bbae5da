import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { vettingReasonCategoryLabels } from '@evs/schema';
import type { EntryFilter, VettingWorkbench } from '@/features/vetting/hooks/useVettingWorkbench';
import { EntryDetail } from './EntryDetail';
import { DecisionTag, PrecheckTags } from './VettingBits';
import { labelOf } from '@/shared/labels';
import { ListScaffold } from '@/shared/ListScaffold';

type Entry = VettingWorkbench['rows'][number];

/** One page of the roster under review: suggestion, record hits (opened on demand), decision per row or for the selection. */
export function WorkbenchEntryList({ wb }: { wb: VettingWorkbench }) {
  return (
    <Card
      size="small"
      title="名单"
      extra={
        <Select
          aria-label="名单范围"
          value={wb.filter}
          onChange={(v: EntryFilter) => wb.setFilter(v)}
          style={{ width: 140 }}
          options={[
            { value: 'PENDING', label: '待审核' },
            { value: 'HITS', label: '比中记录' },
            { value: 'FAILED', label: '不通过' },
            { value: 'ALL', label: '全部' },
          ]}
        />
      }
    >
      <ListScaffold<Entry>
        label="待审核名单"
        size="small"
        rowKey="id"
        rowName={(e) => e.guardName}
        loading={wb.entries.loading}
        error={wb.entries.error}
        dataSource={wb.rows}
        scrollX={900}
        empty="没有符合条件的人员"
        toolbar={
          !wb.closed && wb.selected.length > 0 && (
            <Space wrap>
              <Typography.Text>已选{wb.selected.length}人</Typography.Text>
              <Button size="small" icon={<CheckOutlined />} onClick={() => wb.openDecision(wb.selected, 'PASSED')}>批量通过</Button>
              <Button size="small" danger icon={<CloseOutlined />} onClick={() => wb.openDecision(wb.selected, 'FAILED')}>批量不通过</Button>
            </Space>
          )
        }
        // After the close, one withdrawal at a time: each is weighed on its own.
        rowSelection={wb.closed ? undefined : { selectedRowKeys: wb.selected, onChange: (k) => wb.setSelected(k as string[]) }}
        pagination={{ current: wb.page, pageSize: wb.pageSize, total: wb.entries.data?.rosterEntries.total ?? 0, onChange: wb.setPage }}
        expandable={{ expandedRowRender: (e) => <EntryDetail id={e.id} />, rowExpandable: () => true }}
        columns={[
          { title: '姓名', dataIndex: 'guardName', width: 80, fixed: 'left', card: 'title' },
          { title: '身份证号', dataIndex: 'idNumber', width: 170 },
          { title: '单位 / 岗位', key: 'company', width: 150, render: (_, e) => <>{e.companyName}{e.post ? <div><Typography.Text type="secondary">{e.post}</Typography.Text></div> : null}</> },
          { title: '资格预审', key: 'precheck', width: 170, render: (_, e) => <PrecheckTags problems={e.precheckProblems} /> },
          {
            title: '系统建议',
            key: 'suggestion',
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                <Space size={4} wrap>
                  {e.suggestion ? <DecisionTag decision={e.suggestion} /> : <Tag>未比对</Tag>}
                  {e.relativesChecked === false && (
                    <Tooltip title="比对时“审查直系亲属”设置关闭，只比对了本人；设置开启后须重新比对方可通过">
                      <Tag color="orange">未审查直系亲属</Tag>
                    </Tooltip>
                  )}
                </Space>
                <Typography.Text type={e.hitCount ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{e.suggestionReason}</Typography.Text>
              </Space>
            ),
          },
          {
            title: '审核结论',
            key: 'decision',
            width: 150,
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                <DecisionTag decision={e.decision} reused={e.reused} />
                {e.decision !== 'PENDING' && e.reasonCategory && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{labelOf(vettingReasonCategoryLabels, e.reasonCategory)}{e.decidedByName ? ` · ${e.decidedByName}` : ''}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '决定',
            key: 'actions',
            // wide enough for 撤销通过（改为不通过） on one line
            width: wb.closed ? 210 : 150,
            fixed: 'right',
            card: 'action',
            // In vetting, either decision; after it closed, a pass can be withdrawn (a 不通过 stands), and an entry put
            // back to 待审核 (a revocation that failed it was cancelled or corrected away) is decided as in vetting.
            actions: (e) =>
              wb.closed && e.decision !== 'PENDING'
                ? [e.decision === 'PASSED' && { key: 'withdraw', label: '撤销通过（改为不通过）', danger: true, onClick: () => wb.openDecision([e.id], 'FAILED') }]
                : [
                    { key: 'pass', label: '通过', disabled: !e.checked, onClick: () => wb.openDecision([e.id], 'PASSED') },
                    { key: 'fail', label: '不通过', danger: true, disabled: !e.checked, onClick: () => wb.openDecision([e.id], 'FAILED') },
                  ],
            render: () => <Typography.Text type="secondary">—</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
