import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { CheckOutlined, CloseOutlined, FileTextOutlined, ReloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  activityStatusLabels,
  recordCategoryLabels,
  relativeRelationLabels,
  VettingReasonCategory,
  vettingReasonCategoryLabels,
} from '@evs/schema';
import {
  CloseVettingMutation,
  DecideMutation,
  EntryDetailQuery,
  OfficerEntriesQuery,
  PassAllCleanMutation,
  RecheckMutation,
  VettingActivitiesQuery,
} from '@/features/vetting/operations';
import { DecisionTag, PrecheckTags } from '@/features/vetting/components/VettingBits';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { errorMessage } from '@/shared/errors';
import { labelOf } from '@/shared/labels';
import { PageContainer } from '@/shared/PageContainer';
import { formatDateTime } from '@/shared/format';

/** Hits and relatives of one entry, loaded only when the officer opens it (each read is audited). */
function EntryDetail({ id }: { id: string }) {
  const [load, { data, loading, error }] = useLazyQuery(EntryDetailQuery, { fetchPolicy: 'network-only' });
  useEffect(() => {
    void load({ variables: { id } });
  }, [id, load]);
  const e = data?.rosterEntry;
  return (
    <div style={{ padding: '4px 0' }}>
      <ErrorAlert error={error} />
      {loading && <Typography.Text type="secondary">加载中…</Typography.Text>}
      {e && (
        <Space orientation="vertical" style={{ width: '100%' }} size={8}>
          <Typography.Text strong>比中记录（{e.hits.length}）</Typography.Text>
          {e.hits.length === 0 ? (
            <Typography.Text type="secondary">本人及直系亲属均未比中记录</Typography.Text>
          ) : (
            <List
              size="small"
              bordered
              dataSource={e.hits}
              renderItem={(h) => (
                <List.Item>
                  <Space wrap size={[8, 2]}>
                    <Tag color={h.relation ? 'orange' : 'red'}>{h.relation ? labelOf(relativeRelationLabels, h.relation) : '本人'}</Tag>
                    <span>{h.subjectName}</span>
                    <Typography.Text code>{h.subjectIdNumber}</Typography.Text>
                    <Tag>{labelOf(recordCategoryLabels, h.record.category)}</Tag>
                    <span>{h.record.occurredOn}</span>
                    <Typography.Text type="secondary">{h.record.source}{h.record.severity ? ` · ${h.record.severity}` : ''}</Typography.Text>
                    {h.record.name !== h.subjectName && <Typography.Text type="warning">记录姓名：{h.record.name}（按身份证号比中）</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          )}
          <Typography.Text strong>直系亲属（{e.relatives.length}）</Typography.Text>
          <Space wrap>
            {e.relatives.length === 0 && <Typography.Text type="secondary">未登记直系亲属</Typography.Text>}
            {e.relatives.map((r, i) => (
              <Tag key={i}>{labelOf(relativeRelationLabels, r.relation)} {r.name} {r.idNumber}</Tag>
            ))}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>本次查阅已记入审计日志</Typography.Text>
        </Space>
      )}
    </div>
  );
}

interface DecideForm {
  reasonCategory?: VettingReasonCategory;
  note?: string;
}

/** 背景审核工作台 (保安管理支队): suggestions, record hits incl. relatives, decisions one by one or all clean at once. */
export default function VettingWorkbenchPage() {
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const acts = useQuery(VettingActivitiesQuery, { variables: { statuses: ['VETTING'] as never, page: { page: 1, pageSize: 100 } } });
  const list = acts.data?.vettingActivities.items ?? [];
  const activityId = params.get('activity') ?? list[0]?.id;
  const activity = list.find((a) => a.id === activityId);
  const [filter, setFilter] = useState<'ALL' | 'PENDING' | 'HITS' | 'FAILED'>('PENDING');
  const [page, setPage] = useState(1);
  const variables = useMemo(
    () => ({
      activityId: activityId!,
      filter: { decision: filter === 'PENDING' ? 'PENDING' : filter === 'FAILED' ? 'FAILED' : null, withHitsOnly: filter === 'HITS' } as never,
      page: { page, pageSize: 50 },
    }),
    [activityId, filter, page],
  );
  const entries = useQuery(OfficerEntriesQuery, { variables, skip: !activityId });
  const [selected, setSelected] = useState<string[]>([]);
  const [deciding, setDeciding] = useState<{ ids: string[]; versions: number[]; decision: 'PASSED' | 'FAILED'; names: string } | null>(null);
  const [form] = Form.useForm<DecideForm>();
  const [decide, decideState] = useMutation(DecideMutation);
  const [passAll, passAllState] = useMutation(PassAllCleanMutation);
  const [closeVetting, closing] = useMutation(CloseVettingMutation);
  const [recheck, rechecking] = useMutation(RecheckMutation);

  const refresh = () => Promise.all([acts.refetch(), entries.refetch()]);
  const report = (r: { closed: boolean; decided: number; closeBlockers: readonly string[] }) => {
    if (r.closed) message.success(`已作出${r.decided}人的结论，背景审核已结束，已向公司、主办单位和办公室通报`);
    else message.success(`已作出${r.decided}人的结论${r.closeBlockers.length ? `；尚不能结束：${r.closeBlockers.join('；')}` : ''}`);
  };

  const submitDecision = async () => {
    if (!deciding) return;
    const v = await form.validateFields();
    try {
      // The versions as read: if another officer decided or a recheck ran meanwhile, the server refuses.
      const r = await decide({
        variables: {
          input: { entryIds: deciding.ids, expectedVersions: deciding.versions, decision: deciding.decision, reasonCategory: v.reasonCategory ?? null, note: v.note?.trim() || null },
        },
      });
      report(r.data!.decideVetting);
      setDeciding(null);
      setSelected([]);
      form.resetFields();
      await refresh();
    } catch (e) {
      message.error(errorMessage(e), 6);
    }
  };

  const rows = entries.data?.rosterEntries.items ?? [];
  const open = (ids: string[], decision: 'PASSED' | 'FAILED') => {
    const names = rows.filter((r) => ids.includes(r.id)).map((r) => r.guardName).join('、');
    const versions = ids.map((id) => rows.find((r) => r.id === id)?.version ?? 0);
    const one = rows.find((r) => r.id === ids[0]);
    form.setFieldsValue({
      reasonCategory: decision === 'FAILED' ? ((one?.suggestionCategory as VettingReasonCategory | null) ?? (one?.precheckProblems.length ? VettingReasonCategory.PRE_CHECK : undefined)) : undefined,
      note: decision === 'FAILED' && one?.suggestionReason ? one.suggestionReason : '',
    });
    setDeciding({ ids, versions, decision, names });
  };

  return (
    <PageContainer
      subTitle="系统建议，民警决定：本人记录（条例第十七条）建议不通过；直系亲属记录须人工审核"
      extra={activity && <Link to={`/vetting/notice/${activity.id}`}><Button icon={<FileTextOutlined />}>审核通报</Button></Link>}
    >
      <ErrorAlert error={acts.error} style={{ marginBottom: 16 }} />
      {list.length === 0 && !acts.loading ? (
        <Card><Empty description="暂无处于背景审核阶段的活动" /></Card>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <Card size="small">
            <Space wrap style={{ marginBottom: 8 }}>
              <Select
                aria-label="活动"
                style={{ minWidth: 260, maxWidth: '100%' }}
                value={activityId}
                onChange={(id) => { setParams({ activity: id }); setPage(1); setSelected([]); }}
                options={list.map((a) => ({ value: a.id, label: `${a.name}（待审核${a.counts.pending}）` }))}
              />
            </Space>
            {activity && (
              <>
                <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} items={[
                  { label: '活动时间', children: formatDateTime(activity.startsAt) },
                  { label: '上报单位', children: activity.submitterName ?? '—' },
                  { label: '主办单位', children: activity.organizerName },
                  { label: '所需保安员', children: `${activity.guardsRequired}人` },
                  { label: '名单', children: `${activity.counts.total}人：通过${activity.counts.passed}，不通过${activity.counts.failed}，待审核${activity.counts.pending}${activity.counts.unchecked ? `，待重新比对${activity.counts.unchecked}` : ''}` },
                  { label: '状态', children: labelOf(activityStatusLabels, activity.status) },
                ]} />
                {activity.closeBlockers.length > 0 && (
                  <Alert type="info" showIcon style={{ marginTop: 8 }} title={`尚不能结束背景审核：${activity.closeBlockers.join('；')}`} />
                )}
                <Space wrap style={{ marginTop: 12 }}>
                  <Button
                    type="primary"
                    icon={<SafetyOutlined />}
                    loading={passAllState.loading}
                    onClick={() =>
                      modal.confirm({
                        title: '一键通过无异常人员',
                        content: '资格预审通过、本人及直系亲属均未比中记录的待审核人员将全部审核通过。',
                        okText: '通过',
                        onOk: async () => {
                          try {
                            const r = await passAll({ variables: { activityId: activity.id } });
                            report(r.data!.passAllClean);
                            await refresh();
                          } catch (e) {
                            message.error(errorMessage(e));
                          }
                        },
                      })
                    }
                  >
                    一键通过无异常
                  </Button>
                  <Button
                    disabled={activity.closeBlockers.length > 0}
                    loading={closing.loading}
                    onClick={async () => {
                      try {
                        await closeVetting({ variables: { activityId: activity.id } });
                        message.success('背景审核已结束，进入岗前培训');
                        await refresh();
                      } catch (e) {
                        message.error(errorMessage(e), 6);
                      }
                    }}
                  >
                    结束背景审核
                  </Button>
                  {activity.counts.unchecked > 0 && (
                    <Button icon={<ReloadOutlined />} loading={rechecking.loading} onClick={async () => {
                      try {
                        const r = await recheck({ variables: { activityId: activity.id } });
                        message.success(`已重新比对${r.data!.recheckVetting}人`);
                        await refresh();
                      } catch (e) {
                        message.error(errorMessage(e), 8);
                      }
                    }}>
                      重新比对
                    </Button>
                  )}
                </Space>
              </>
            )}
          </Card>

          <Card
            size="small"
            title="名单"
            extra={
              <Select
                aria-label="名单范围"
                value={filter}
                onChange={(v) => { setFilter(v); setPage(1); setSelected([]); }}
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
            <ErrorAlert error={entries.error} style={{ marginBottom: 12 }} />
            {selected.length > 0 && (
              <Space wrap style={{ marginBottom: 12 }}>
                <Typography.Text>已选{selected.length}人</Typography.Text>
                <Button size="small" icon={<CheckOutlined />} onClick={() => open(selected, 'PASSED')}>批量通过</Button>
                <Button size="small" danger icon={<CloseOutlined />} onClick={() => open(selected, 'FAILED')}>批量不通过</Button>
              </Space>
            )}
            <Table
              size="small"
              rowKey="id"
              loading={entries.loading}
              dataSource={rows}
              scroll={{ x: 900 }}
              rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
              pagination={{ current: page, pageSize: 50, total: entries.data?.rosterEntries.total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small' }}
              expandable={{ expandedRowRender: (e) => <EntryDetail id={e.id} />, rowExpandable: () => true }}
              columns={[
                { title: '姓名', dataIndex: 'guardName', width: 80, fixed: 'left' },
                { title: '身份证号', dataIndex: 'idNumber', width: 170 },
                { title: '单位 / 岗位', width: 150, render: (_, e) => <>{e.companyName}{e.post ? <div><Typography.Text type="secondary">{e.post}</Typography.Text></div> : null}</> },
                { title: '资格预审', width: 170, render: (_, e) => <PrecheckTags problems={e.precheckProblems} /> },
                {
                  title: '系统建议',
                  render: (_, e) => (
                    <Space orientation="vertical" size={0}>
                      {e.suggestion ? <DecisionTag decision={e.suggestion} /> : <Tag>未比对</Tag>}
                      <Typography.Text type={e.hitCount ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{e.suggestionReason}</Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: '结论',
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
                  width: 150,
                  fixed: 'right',
                  render: (_, e) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => open([e.id], 'PASSED')} disabled={!e.checked}>通过</Button>
                      <Button size="small" danger onClick={() => open([e.id], 'FAILED')} disabled={!e.checked}>不通过</Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Space>
      )}
      <Modal
        title={deciding ? `${deciding.decision === 'PASSED' ? '审核通过' : '审核不通过'}：${deciding.names}` : ''}
        open={!!deciding}
        onCancel={() => setDeciding(null)}
        onOk={submitDecision}
        okText="确定"
        okButtonProps={{ danger: deciding?.decision === 'FAILED', loading: decideState.loading }}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical">
          {deciding?.decision === 'FAILED' && (
            <Form.Item name="reasonCategory" label="原因类别（公司可见）" rules={[{ required: true, message: '请选择原因类别' }]}>
              <Select options={Object.values(VettingReasonCategory).filter((c) => c !== VettingReasonCategory.CLEAR).map((c) => ({ value: c, label: vettingReasonCategoryLabels[c] }))} />
            </Form.Item>
          )}
          <Form.Item
            name="note"
            label="审核意见（仅保安管理支队可见）"
            extra={deciding?.decision === 'PASSED' ? '比中记录仍予通过时必须填写' : undefined}
            rules={deciding?.decision === 'FAILED' ? [{ required: true, message: '请填写审核意见' }] : []}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
