import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, EditOutlined, TrophyOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useParams } from 'react-router';
import { quoteProblem } from '@evs/schema';
import { ActivityStatusTag } from '@/features/activities/components/ActivityBits';
import { CandidateComparisonQuery, SelectCompanyMutation, SubmitQuoteMutation } from '@/features/recommendation/operations';
import { WeightsCard } from '@/features/recommendation/components/WeightsCard';
import '@/features/recommendation/recommendation.css';
import type { CandidateComparisonQuery as Result } from '@/gql/graphql';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors } from '@/shared/errors';
import { PageContainer } from '@/shared/PageContainer';
import { formatDateTime, formatTime } from '@/shared/format';

type Comparison = Result['candidateComparison'];
type Candidate = Comparison['candidates'][number];
type Line = { key: string; label: string; hint?: string | null; group?: boolean; cells: Record<string, Comparison['rows'][number]['cells'][number]> };

/**
 * 候选比选: candidates as columns, measures as rows, the best value of each row marked; the organizer
 * enters quotes and selects one company with a reason. The police recommend; the organizer chooses.
 */
export default function ComparisonPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(CandidateComparisonQuery, { variables: { activityId: id }, fetchPolicy: 'cache-and-network' });
  const [submitQuote, quoting] = useMutation(SubmitQuoteMutation);
  const [selectCompany, selecting] = useMutation(SelectCompanyMutation);
  const [quoteFor, setQuoteFor] = useState<Candidate | null>(null);
  const [selectFor, setSelectFor] = useState<Candidate | null>(null);
  const [quoteForm] = Form.useForm<{ amount: number; note?: string }>();
  const [selectForm] = Form.useForm<{ reason: string }>();
  const [dialogError, setDialogError] = useState<unknown>(null);

  if (loading && !data) return <PageContainer title="候选比选"><Card><Skeleton active /></Card></PageContainer>;
  const c = data?.candidateComparison;
  if (!c) return <PageContainer title="候选比选"><ErrorAlert error={error} /></PageContainer>;
  const a = c.activity;

  // Rows grouped under a header line per group (资质, 人员, 业绩, 评分, 报价).
  const lines: Line[] = [];
  let group = '';
  for (const r of c.rows) {
    if (r.group !== group) {
      group = r.group;
      lines.push({ key: `g-${group}`, label: group, group: true, cells: {} });
    }
    lines.push({ key: r.key, label: r.label, hint: r.hint, cells: Object.fromEntries(r.cells.map((cell) => [cell.companyId, cell])) });
  }

  const openQuote = (cand: Candidate) => {
    setDialogError(null);
    setQuoteFor(cand);
    quoteForm.setFieldsValue({ amount: cand.quote ?? undefined, note: cand.quoteNote ?? undefined });
  };
  const saveQuote = async () => {
    const v = await quoteForm.validateFields();
    try {
      await submitQuote({ variables: { activityId: id, companyId: quoteFor!.companyId, amount: v.amount, note: v.note || null } });
      message.success('报价已保存');
      setQuoteFor(null);
      await refetch();
    } catch (e) {
      applyFieldErrors(quoteForm, e);
      setDialogError(e);
    }
  };
  const confirmSelect = async () => {
    const v = await selectForm.validateFields();
    try {
      await selectCompany({ variables: { activityId: id, companyId: selectFor!.companyId, reason: v.reason } });
      message.success(`已遴选 ${selectFor!.companyName}，已通知中选公司和保安管理支队`);
      setSelectFor(null);
      await refetch();
    } catch (e) {
      applyFieldErrors(selectForm, e);
      setDialogError(e);
    }
  };

  const columns = [
    {
      title: '比选指标',
      dataIndex: 'label',
      key: 'label',
      fixed: 'left' as const,
      width: 132,
      render: (label: string, line: Line) =>
        line.group ? (
          label
        ) : (
          <Space size={4}>
            <span>{label}</span>
            {line.hint && (
              <Tooltip title={line.hint}>
                <Typography.Text type="secondary" style={{ cursor: 'help' }}>ⓘ</Typography.Text>
              </Tooltip>
            )}
          </Space>
        ),
    },
    ...c.candidates.map((cand) => ({
      key: cand.companyId,
      width: 190,
      title: (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Space size={4} wrap>
            <Tag color="blue">第{cand.rank}名</Tag>
            {cand.selected && (
              <Tag color="success" icon={<CheckCircleFilled />}>
                中选
              </Tag>
            )}
          </Space>
          <Typography.Text strong style={{ whiteSpace: 'normal' }}>{cand.companyName}</Typography.Text>
          {c.canSelect && (
            <Space size={4} wrap>
              <Button size="small" icon={<EditOutlined />} onClick={() => openQuote(cand)} aria-label={`报价 ${cand.companyName}`}>
                报价
              </Button>
              <Button size="small" type="primary" onClick={() => { setDialogError(null); selectForm.resetFields(); setSelectFor(cand); }} aria-label={`遴选 ${cand.companyName}`}>
                遴选
              </Button>
            </Space>
          )}
        </Space>
      ),
      onCell: (line: Line) => ({ className: line.cells[cand.companyId]?.best ? 'cmp-best' : undefined }),
      render: (_: unknown, line: Line) => {
        if (line.group) return null;
        const cell = line.cells[cand.companyId];
        if (!cell) return '—';
        return (
          <Space size={4} align="start">
            <span>{cell.display}</span>
            {cell.best && <TrophyOutlined style={{ color: '#52c41a' }} aria-label="本行最优" />}
          </Space>
        );
      },
    })),
  ];

  return (
    <PageContainer
      title={`候选比选：${a.name}`}
      subTitle={<ActivityStatusTag status={a.status} />}
      header={
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'code', label: '编号', children: a.code },
            { key: 'time', label: '时间', children: `${formatDateTime(a.startsAt)} 至 ${formatTime(a.endsAt)}` },
            { key: 'venue', label: '场所', children: a.venue },
            { key: 'guards', label: '所需保安员', children: `${a.guardsRequired} 人` },
          ]}
        />
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title="公安机关依据资质与评分推荐候选公司，由主办单位自主比选、遴选；每项评分及权重如下。绿色底色为该行最优。"
        />
        {a.recommendationJustification && <Alert type="warning" showIcon title={`推荐不足3家：${a.recommendationJustification}`} />}
        {a.selectedCompany && (
          <Alert type="success" showIcon title={`已遴选：${a.selectedCompany.name}`} description={a.selectionReason ? `遴选理由：${a.selectionReason}` : undefined} />
        )}
        <WeightsCard weights={c.weights} />
        <Card variant="borderless" styles={{ body: { padding: 0 } }}>
          <Table<Line>
            className="cmp-table"
            rowKey="key"
            size="small"
            bordered
            pagination={false}
            dataSource={lines}
            columns={columns}
            rowClassName={(line) => (line.group ? 'cmp-group' : '')}
            scroll={{ x: 132 + 190 * c.candidates.length }}
            locale={{ emptyText: '尚未推荐候选公司' }}
          />
        </Card>
      </Space>

      <Modal title={`填报报价：${quoteFor?.companyName ?? ''}`} open={!!quoteFor} onCancel={() => setQuoteFor(null)} onOk={saveQuote} okText="保存" confirmLoading={quoting.loading} destroyOnHidden>
        <ErrorAlert error={dialogError} style={{ marginBottom: 12 }} />
        <Form form={quoteForm} layout="vertical" preserve={false}>
          <Form.Item
            name="amount"
            label="报价（元）"
            rules={[
              { required: true, message: '请填写报价' },
              { validator: (_, v: number | null) => (v == null || !quoteProblem(v) ? Promise.resolve() : Promise.reject(new Error(quoteProblem(v)!))) },
            ]}
          >
            <InputNumber style={{ width: '100%' }} placeholder="如 96000" />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} maxLength={500} placeholder="如：含交通、餐费" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={`遴选：${selectFor?.companyName ?? ''}`}
        open={!!selectFor}
        onCancel={() => setSelectFor(null)}
        onOk={confirmSelect}
        okText="确认遴选"
        confirmLoading={selecting.loading}
        destroyOnHidden
      >
        <ErrorAlert error={dialogError} style={{ marginBottom: 12 }} />
        <Typography.Paragraph type="secondary">遴选后将通知中选公司报送保安员名单，并通报保安管理支队；遴选后不能更改。</Typography.Paragraph>
        <Form form={selectForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label="遴选理由" rules={[{ required: true, whitespace: true, message: '请填写遴选理由' }]}>
            <Input.TextArea rows={3} maxLength={1000} placeholder="如：可用保安员充足，年龄结构年轻，报价合理" />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
