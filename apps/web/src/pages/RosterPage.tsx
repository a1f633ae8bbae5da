import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { FileTextOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { activityStatusLabels, Role, securityModeLabels } from '@evs/schema';
import { ImportPanel } from '@/features/vetting/components/ImportPanel';
import {
  ImportGuardsMutation,
  RemoveEntryMutation,
  ReplaceEntryMutation,
  RosterCandidatesQuery,
  SubmitRosterMutation,
  SubmitterEntriesQuery,
  VettingActivitiesQuery,
} from '@/features/vetting/operations';
import { postWithProgress } from '@/features/vetting/upload';
import { DecisionTag, PrecheckTags, ReasonText } from '@/features/vetting/components/VettingBits';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { errorMessage } from '@/shared/errors';
import { labelOf } from '@/shared/labels';
import { PageContainer } from '@/shared/PageContainer';
import { useRole } from '@/shared/session';
import { formatDateTime } from '@/shared/format';

const PAGE = 50;

/** Candidates of the register with their pre-check; checkbox selection that survives paging. */
function CandidatePicker({
  activityId,
  selected,
  onChange,
  single,
}: {
  activityId: string;
  selected: string[];
  onChange: (ids: string[]) => void;
  single?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [onlyEligible, setOnlyEligible] = useState(!!single);
  const { data, loading, error } = useQuery(RosterCandidatesQuery, {
    variables: { activityId, search: search || null, onlyEligible, page: { page, pageSize: PAGE } },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder="按姓名查找" allowClear onSearch={(v) => { setSearch(v.trim()); setPage(1); }} style={{ width: 200 }} />
        <Select
          aria-label="人员范围"
          value={onlyEligible ? 'eligible' : 'all'}
          onChange={(v) => { setOnlyEligible(v === 'eligible'); setPage(1); }}
          style={{ width: 160 }}
          options={[{ value: 'all', label: '全部在职人员' }, { value: 'eligible', label: '仅预审无问题' }]}
        />
        {!single && <Typography.Text type="secondary">已选 {selected.length} 人</Typography.Text>}
      </Space>
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Table
        size="small"
        rowKey="guardId"
        loading={loading}
        dataSource={data?.rosterCandidates.items ?? []}
        scroll={{ x: 560 }}
        pagination={{ current: page, pageSize: PAGE, total: data?.rosterCandidates.total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small' }}
        rowSelection={{
          type: single ? 'radio' : 'checkbox',
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          getCheckboxProps: (g) => ({ disabled: g.onRoster, name: g.name }),
          onChange: (keys) => onChange(keys as string[]),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '身份证号', dataIndex: 'idNumber', width: 180 },
          {
            title: '资格预审',
            render: (_, g) => (g.onRoster ? <Tag>已在名单中</Tag> : <PrecheckTags problems={g.problems} />),
          },
        ]}
      />
    </>
  );
}

/** 名单报送: the selected company (or the self-recruiting organizer) submits and maintains its roster. */
export default function RosterPage() {
  const { message, modal } = App.useApp();
  const client = useApolloClient();
  const role = useRole();
  const [params, setParams] = useSearchParams();
  const statuses = role === Role.ORGANIZER ? ['APPROVED', 'VETTING', 'TRAINING'] : ['COMPANY_SELECTED', 'VETTING', 'TRAINING'];
  const acts = useQuery(VettingActivitiesQuery, { variables: { statuses: statuses as never, page: { page: 1, pageSize: 100 } } });
  const mine = useMemo(() => (acts.data?.vettingActivities.items ?? []).filter((a) => a.canSubmit), [acts.data]);
  const activityId = params.get('activity') ?? mine.find((a) => a.status !== 'TRAINING')?.id ?? mine[0]?.id;
  const activity = mine.find((a) => a.id === activityId);
  const open = activity && (activity.status === 'VETTING' || activity.status === 'COMPANY_SELECTED' || activity.status === 'APPROVED');

  const entries = useQuery(SubmitterEntriesQuery, { variables: { activityId: activityId!, page: { page: 1, pageSize: 500 } }, skip: !activityId });
  const [selected, setSelected] = useState<string[]>([]);
  const [tab, setTab] = useState('pick');
  const [submit, submitting] = useMutation(SubmitRosterMutation);
  const [replace, replacing] = useMutation(ReplaceEntryMutation);
  const [remove] = useMutation(RemoveEntryMutation);
  const [replacing_, setReplacing] = useState<{ entryId: string; name: string } | null>(null);
  const [replacement, setReplacement] = useState<string[]>([]);

  const refresh = async () => {
    await Promise.all([acts.refetch(), entries.refetch(), client.refetchQueries({ include: ['RosterCandidates'] })]);
  };

  const doSubmit = async () => {
    try {
      const r = await submit({ variables: { input: { activityId: activityId!, guardIds: selected } } });
      const res = r.data!.submitRoster;
      const flagged = res.entries.filter((e) => e.precheckProblems.length > 0).length;
      message.success(`已上报${res.entries.length}人${flagged ? `，其中${flagged}人资格预审不符` : ''}；活动状态：${labelOf(activityStatusLabels, res.activityStatus)}`);
      if (res.warning) message.warning(res.warning, 8);
      setSelected([]);
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  /** Adds eligible guards (no pre-check problem, not on the roster) to the selection until the roster would reach the number required. */
  const fillToRequired = async () => {
    if (!activity) return;
    const need = activity.guardsRequired - (activity.counts.total - activity.counts.failed) - selected.length;
    if (need <= 0) {
      message.info('已选人数加上名单人数已达到所需人数');
      return;
    }
    const r = await client.query({
      query: RosterCandidatesQuery,
      variables: { activityId: activity.id, onlyEligible: true, page: { page: 1, pageSize: Math.min(500, need + selected.length) } },
      fetchPolicy: 'network-only',
    });
    const chosen = new Set(selected);
    for (const g of r.data?.rosterCandidates.items ?? []) {
      if (chosen.size >= selected.length + need) break;
      chosen.add(g.guardId);
    }
    setSelected([...chosen]);
  };

  const doReplace = async () => {
    if (!replacing_ || !replacement[0]) return;
    try {
      const r = await replace({ variables: { entryId: replacing_.entryId, guardId: replacement[0] } });
      message.success(`已用${r.data!.replaceRosterEntry.guardName}替换${replacing_.name}，待审核`);
      setReplacing(null);
      setReplacement([]);
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const rows = entries.data?.rosterEntries.items ?? [];
  return (
    <PageContainer
      subTitle="从本单位名册选择或批量导入保安员，上报后立即进行资格预审与背景审查"
      extra={activity && <Link to={`/vetting/notice/${activity.id}`}><Button icon={<FileTextOutlined />}>审核通报</Button></Link>}
    >
      <ErrorAlert error={acts.error} style={{ marginBottom: 16 }} />
      {mine.length === 0 && !acts.loading ? (
        <Card><Empty description={role === Role.ORGANIZER ? '暂无需要报送自招保安员名单的活动' : '暂无中选的活动'} /></Card>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <Card size="small">
            <Space wrap style={{ marginBottom: 8 }}>
              <Typography.Text>活动：</Typography.Text>
              <Select
                aria-label="活动"
                style={{ minWidth: 260, maxWidth: '100%' }}
                value={activityId}
                onChange={(id) => { setParams({ activity: id }); setSelected([]); }}
                options={mine.map((a) => ({ value: a.id, label: `${a.name}（${labelOf(activityStatusLabels, a.status)}）` }))}
              />
            </Space>
            {activity && (
              <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} items={[
                { label: '时间', children: `${formatDateTime(activity.startsAt)} 至 ${formatDateTime(activity.endsAt)}` },
                { label: '地点', children: activity.venue },
                { label: '安保方式', children: labelOf(securityModeLabels, activity.securityMode) },
                { label: '所需保安员', children: `${activity.guardsRequired}人` },
                { label: '名单', children: `${activity.counts.total}人（通过${activity.counts.passed}，不通过${activity.counts.failed}，待审核${activity.counts.pending}）` },
                { label: '状态', children: labelOf(activityStatusLabels, activity.status) },
              ]} />
            )}
            {activity && activity.counts.failed > 0 && open && (
              <Alert type="error" showIcon style={{ marginTop: 8 }} title={`有${activity.counts.failed}名保安员审核未通过，请替换或移出名单`} />
            )}
            {activity?.status === 'TRAINING' && <Alert type="success" showIcon style={{ marginTop: 8 }} title="背景审核已结束，名单不能再调整" />}
          </Card>

          <Card size="small" title={`当前名单（${rows.length}人）`}>
            <ErrorAlert error={entries.error} style={{ marginBottom: 12 }} />
            <Table
              size="small"
              rowKey="id"
              loading={entries.loading}
              dataSource={rows}
              scroll={{ x: 720 }}
              pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
              locale={{ emptyText: '尚未上报名单' }}
              columns={[
                { title: '姓名', dataIndex: 'guardName', width: 90, fixed: 'left' },
                { title: '身份证号', dataIndex: 'idNumber', width: 180 },
                { title: '资格预审', render: (_, e) => <PrecheckTags problems={e.precheckProblems} /> },
                { title: '审核结论', width: 150, render: (_, e) => <Space orientation="vertical" size={0}><DecisionTag decision={e.decision} reused={e.reused} /><ReasonText reason={e.decision === 'PENDING' ? null : e.reasonCategory} />{!e.checked && <Typography.Text type="warning">待重新比对</Typography.Text>}</Space> },
                {
                  title: '操作',
                  width: 130,
                  render: (_, e) =>
                    activity?.status === 'VETTING' && (
                      <Space size={4} wrap>
                        {e.decision === 'FAILED' && (
                          <Button size="small" type="primary" danger onClick={() => setReplacing({ entryId: e.id, name: e.guardName })}>
                            替换
                          </Button>
                        )}
                        <Popconfirm title={`将${e.guardName}移出名单？`} onConfirm={async () => {
                          try {
                            await remove({ variables: { entryId: e.id } });
                            await refresh();
                          } catch (err) {
                            message.error(errorMessage(err));
                          }
                        }}>
                          <Button size="small">移出</Button>
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]}
            />
          </Card>

          {open && activityId && (
            <Card size="small" title="添加人员">
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  {
                    key: 'pick',
                    label: '从名册选择',
                    children: (
                      <>
                        <Space wrap style={{ marginBottom: 12 }}>
                          <Button onClick={fillToRequired}>按所需人数补选预审无问题的人员</Button>
                          <Button
                            type="primary"
                            icon={<SendOutlined />}
                            disabled={!selected.length}
                            loading={submitting.loading}
                            onClick={() =>
                              modal.confirm({
                                title: `上报 ${selected.length} 名保安员？`,
                                content: '上报后名单交保安管理支队进行背景审核（本人及直系亲属）；审核期间可追加、移出或替换未通过人员。',
                                okText: '确认上报',
                                cancelText: '取消',
                                onOk: doSubmit,
                              })
                            }
                          >
                            上报名单（{selected.length}人）
                          </Button>
                        </Space>
                        <CandidatePicker activityId={activityId} selected={selected} onChange={setSelected} />
                      </>
                    ),
                  },
                  {
                    key: 'import',
                    label: '批量导入名册',
                    children: (
                      <>
                        <Typography.Paragraph type="secondary">
                          按模板填写保安员及其直系亲属（父亲、母亲、配偶、子女）的姓名和身份证号。先预览：所有问题行都会列出（行号、列、原因），不会保存；
                          确认后保存无误的行，同一身份证号重复导入只更新不重复。导入后的人员自动勾选，可直接上报。
                        </Typography.Paragraph>
                        <ImportPanel
                          noun="保安员"
                          templateUrl="/templates/guards.xlsx"
                          run={async (file, mode, onProgress) =>
                            (await postWithProgress(ImportGuardsMutation, { input: { file, mode } }, onProgress)).importGuards
                          }
                          onCommitted={(r) => {
                            setSelected((s) => [...new Set([...s, ...r.ids])]);
                            void client.refetchQueries({ include: ['RosterCandidates'] });
                            message.success(`已导入并勾选${r.ids.length}人，请在“从名册选择”中确认后上报`);
                          }}
                        />
                      </>
                    ),
                  },
                ]}
              />
            </Card>
          )}
        </Space>
      )}
      <Modal
        title={replacing_ ? `替换未通过人员：${replacing_.name}` : ''}
        open={!!replacing_}
        onCancel={() => { setReplacing(null); setReplacement([]); }}
        onOk={doReplace}
        okText="替换"
        okButtonProps={{ disabled: !replacement.length, loading: replacing.loading }}
        width={720}
        destroyOnHidden
      >
        {replacing_ && activityId && <CandidatePicker activityId={activityId} selected={replacement} onChange={setReplacement} single />}
      </Modal>
    </PageContainer>
  );
}
