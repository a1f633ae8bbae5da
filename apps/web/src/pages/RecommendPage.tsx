import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Descriptions, Input, Progress, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { companyStatusLabels, districtLabels } from '@evs/schema';
import { ActivityStatusTag } from '@/features/activities/components/ActivityBits';
import { CandidateSuggestionsQuery, RecommendCandidatesMutation } from '@/features/recommendation/operations';
import { WeightsCard } from '@/features/recommendation/components/WeightsCard';
import '@/features/recommendation/recommendation.css';
import type { CandidateSuggestionsQuery as Result } from '@/gql/graphql';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { labelOf } from '@/shared/labels';
import { PageContainer } from '@/shared/PageContainer';
import { formatDateTime } from '@/shared/format';

type Item = Result['candidateSuggestions']['items'][number];
const MIN = 3;
const PAGE_SIZE = 20;

function PartsTable({ item }: { item: Item }) {
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={item.parts}
      scroll={{ x: 560 }}
      columns={[
        { title: '评分项', dataIndex: 'label', width: 100 },
        { title: '权重', dataIndex: 'weight', width: 70 },
        { title: '原始指标', dataIndex: 'raw' },
        { title: '归一化分', dataIndex: 'normalized', width: 90 },
        { title: '加权得分', dataIndex: 'points', width: 90, render: (p: number) => <strong>{p}</strong> },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4}>合计</Table.Summary.Cell>
          <Table.Summary.Cell index={1}>
            <strong>{item.score}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** 合理推荐: every company ranked for this activity, scores explained, reasons for the excluded; pick ≥ 3. */
export default function RecommendPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [page, setPage] = useState({ page: 1, pageSize: PAGE_SIZE });
  const [showExcluded, setShowExcluded] = useState(true);
  // One page of the ranking at a time (the qualified come first); the server keeps the figures.
  const { data: current, previousData, loading, error } = useQuery(CandidateSuggestionsQuery, {
    variables: { activityId: id, page, qualifiedOnly: !showExcluded },
    fetchPolicy: 'network-only',
  });
  const data = current ?? previousData;
  const [recommend, recommending] = useMutation(RecommendCandidatesMutation);
  const [selected, setSelected] = useState<string[] | null>(null);
  const [justification, setJustification] = useState('');
  const [submitError, setSubmitError] = useState<unknown>(null);
  const s = data?.candidateSuggestions;
  const a = data?.activity;
  const editable = a?.status === 'APPROVED';

  // Names of every company seen on any page, so the chosen ones can be named wherever they are listed.
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!s) return;
    setNames((known) => new Map([...known, ...s.items.map((i) => [i.companyId, i.companyName] as const)]));
    // The first answer sets the choice: what was recommended, or else the first three qualified.
    setSelected((chosen) =>
      chosen ?? (s.recommendedCompanyIds.length ? s.recommendedCompanyIds : s.items.filter((i) => i.qualified).slice(0, MIN).map((i) => i.companyId)),
    );
  }, [s]);
  const chosen = useMemo(() => selected ?? [], [selected]);
  const chosenNames = chosen.map((c) => names.get(c) ?? '…');

  if (loading && !data) return <PageContainer title="推荐候选"><Card><Skeleton active /></Card></PageContainer>;
  if (!s || !a) return <PageContainer title="推荐候选"><ErrorAlert error={error} /></PageContainer>;

  // Not fewer than 3 while 3 or more qualify (seed step 二): fewer only when fewer qualify — then all of them.
  const required = Math.min(MIN, s.qualifiedCount);
  const tooFew = chosen.length < required;
  const short = chosen.length < MIN;
  const submit = () => {
    setSubmitError(null);
    modal.confirm({
      title: `推荐 ${chosen.length} 家候选公司？`,
      content: `推荐后名单不能再改：主办单位（及登记单位、领导小组办公室）将收到通知，由主办单位报价、比选并遴选一家。候选：${chosenNames.join('、')}。${short ? '推荐不足3家的说明将在总览中标出。' : ''}`,
      okText: '确认推荐',
      cancelText: '取消',
      onOk: async () => {
        try {
          await recommend({ variables: { activityId: id, companyIds: chosen, justification: short ? justification : null } });
          message.success(`已推荐 ${chosen.length} 家候选公司，已通知主办单位和领导小组办公室`);
          navigate(`/activities/${id}`);
        } catch (e) {
          setSubmitError(e);
        }
      },
    });
  };

  return (
    <PageContainer
      title={`推荐候选：${a.name}`}
      subTitle={<ActivityStatusTag status={a.status} />}
      header={
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
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <WeightsCard weights={s.weights} />
        <Card
          variant="borderless"
          title={`全部公司 ${s.companyCount} 家，具备资格 ${s.qualifiedCount} 家`}
          extra={
            <Space size={6}>
              <span>显示不具备资格的公司</span>
              <Switch
                size="small"
                aria-label="显示不具备资格的公司"
                checked={showExcluded}
                onChange={(on) => {
                  setShowExcluded(on);
                  setPage((p) => ({ ...p, page: 1 }));
                }}
              />
            </Space>
          }
        >
          <Table<Item>
            rowKey="companyId"
            size="middle"
            dataSource={s.items}
            loading={loading}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: s.total,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => `共 ${total} 家`,
              onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
            }}
            scroll={{ x: 900 }}
            rowSelection={
              editable
                ? {
                    selectedRowKeys: chosen,
                    preserveSelectedRowKeys: true,
                    onChange: (keys) => setSelected(keys as string[]),
                    getCheckboxProps: (r) => ({ disabled: !r.qualified, 'aria-label': r.companyName }),
                  }
                : undefined
            }
            expandable={{ expandedRowRender: (r) => <PartsTable item={r} />, expandRowByClick: false }}
            rowClassName={(r) => (r.qualified ? '' : 'row-excluded')}
            columns={[
              { title: '名次', dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
              {
                title: '公司',
                key: 'company',
                render: (_, r) => (
                  <Space orientation="vertical" size={0}>
                    <Space size={4} wrap>
                      <Typography.Text strong={r.qualified} type={r.qualified ? undefined : 'secondary'}>{r.companyName}</Typography.Text>
                      {r.recommended && <Tag color="blue">已推荐</Tag>}
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {labelOf(districtLabels, r.district)} · {labelOf(companyStatusLabels, r.status)} · 许可证至 {r.licenseExpiry}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: '得分',
                dataIndex: 'score',
                width: 150,
                sorter: (x, y) => x.score - y.score,
                render: (v: number, r) => <Progress aria-label="得分" percent={v} size="small" status={r.qualified ? 'normal' : 'exception'} format={() => v.toFixed(1)} />,
              },
              {
                title: '可用 / 需要',
                key: 'guards',
                width: 110,
                render: (_, r) => (
                  <Typography.Text type={r.eligibleGuards < r.guardsNeeded ? 'danger' : undefined}>
                    {r.eligibleGuards} / {r.guardsNeeded}
                  </Typography.Text>
                ),
              },
              { title: '平均年龄', dataIndex: 'averageAge', width: 90, render: (v: number | null) => (v == null ? '—' : `${v} 岁`) },
              { title: '服务活动', key: 'served', width: 100, render: (_, r) => `${r.activitiesServed}（同规模${r.similarActivities}）` },
              {
                title: '资格',
                key: 'exclusions',
                width: 300,
                render: (_, r) =>
                  r.qualified ? (
                    <Tag color="success">具备资格</Tag>
                  ) : (
                    <Space orientation="vertical" size={2}>
                      {r.exclusions.map((e) => (
                        <Typography.Text key={e.code} type="danger" style={{ fontSize: 12 }}>
                          ✕ {e.message}
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
        {editable ? (
          <Card variant="borderless">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                已选 <strong>{chosen.length}</strong> 家：{chosenNames.join('、') || '—'}
              </Typography.Text>
              {tooFew && (
                <Alert
                  type="error"
                  showIcon
                  data-testid="too-few"
                  title={`本活动符合条件的公司有 ${s.qualifiedCount} 家，应推荐不少于 ${required} 家（公安机关只推荐、不指定）`}
                />
              )}
              {short && !tooFew && (
                <>
                  <Alert type="warning" showIcon title={`本活动符合条件的公司仅 ${s.qualifiedCount} 家（${chosenNames.join('、')}），已全部推荐；须书面说明，总览和领导小组办公室将看到此说明`} />
                  <Input.TextArea
                    rows={3}
                    maxLength={1000}
                    showCount
                    value={justification}
                    onChange={(e) => setJustification(e.target.value)}
                    placeholder="如：符合规模要求的保安服务公司仅两家"
                    aria-label="不足3家说明"
                  />
                </>
              )}
              <ErrorAlert error={submitError} />
              <Button type="primary" loading={recommending.loading} disabled={chosen.length === 0 || tooFew || (short && !justification.trim())} onClick={submit}>
                推荐候选（{chosen.length} 家）
              </Button>
            </Space>
          </Card>
        ) : (
          <Alert type="info" showIcon title="本活动当前不在“已批示”阶段，推荐结果仅供查看" />
        )}
      </Space>
    </PageContainer>
  );
}
