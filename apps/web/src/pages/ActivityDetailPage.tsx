import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Grid, Input, InputNumber, Modal, Row, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ActivityStatus, activityStatusLabels, districtLabels, permitTierLabels, Role, securityModeLabels, UnitKind } from '@evs/schema';
import { mayOpen } from '@/app/routes';
import { UnitAccounts } from '@/features/users/components/UnitAccounts';
import { ActivityStatusTag, DaysUntil, PermitTierTag, WarningsList } from '@/features/activities/components/ActivityBits';
import {
  ActivityDetailQuery,
  ApproveActivityMutation,
  CancelActivityMutation,
  ReportActivityMutation,
  RequestInstructionMutation,
} from '@/features/activities/operations';
import { DeadlineTags } from '@/features/deadlines/components/DeadlineTags';
import { IssueNoticeModal, NoticeList, type NoticeTarget } from '@/features/supervision/components/Supervision';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { errorMessage } from '@/shared/errors';
import { labelOf } from '@/shared/labels';
import { PageContainer } from '@/shared/PageContainer';
import { useSession } from '@/shared/session';
import { formatCount, formatDateTime } from '@/shared/format';

const planLabels: [string, string][] = [
  ['posts', '岗位分工'],
  ['identificationMarks', '识别标志'],
  ['venueCapacity', '场所核定容量'],
  ['bufferZones', '疏散缓冲区域'],
  ['ticketAndSecurityChecks', '票证查验与安全检查'],
  ['parking', '车辆停放'],
  ['crowdGuidance', '人员疏导'],
  ['emergencyPlan', '应急救援预案'],
];

/** Pages of the later stages, offered once the activity has reached the stage (and the role may open them). */
const STAGE_PAGES: { reached: string | null; pattern: string; to: (id: string) => string; label: string }[] = [
  { reached: 'VETTING', pattern: '/vetting/notice/:activityId', to: (id) => `/vetting/notice/${id}`, label: '审核通报' },
  { reached: 'TRAINING', pattern: '/training/:activityId', to: (id) => `/training/${id}`, label: '岗前培训' },
  { reached: 'READY', pattern: '/inspections/:activityId', to: (id) => `/inspections/${id}`, label: '现场监管' },
  { reached: null, pattern: '/timeline/:activityId', to: (id) => `/timeline/${id}`, label: '活动台账' },
];

/** The police who register activities may open more accounts for an activity's organizer. */
const ORGANIZER_ONBOARDERS: string[] = [Role.EVENT_DETACHMENT, Role.DISTRICT_BUREAU];

const CANCELLERS: string[] = [Role.SECURITY_DETACHMENT, Role.OFFICE, Role.EVENT_DETACHMENT, Role.DISTRICT_BUREAU];

/** One activity: its fields, the security plan (条例第六条), derived tier and warnings, history, and the actions the role may take. */
export default function ActivityDetailPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { data, loading, error, refetch } = useQuery(ActivityDetailQuery, { variables: { id } });
  const [report, reporting] = useMutation(ReportActivityMutation);
  const [approve, approving] = useMutation(ApproveActivityMutation);
  const [cancel, cancelling] = useMutation(CancelActivityMutation);
  const [requestInstruction, requesting] = useMutation(RequestInstructionMutation);
  const [dialog, setDialog] = useState<'approve' | 'cancel' | 'request' | null>(null);
  const [organizerAccounts, setOrganizerAccounts] = useState(false);
  const [noticeTarget, setNoticeTarget] = useState<NoticeTarget | null>(null);
  const [form] = Form.useForm<{ text: string }>();
  const [requestForm] = Form.useForm<{ scale: string; staffing: string; proposedCandidates: number; opinion?: string }>();
  const [actionError, setActionError] = useState<unknown>(null);
  // On a phone the history's dates go above each step, leaving the width to the text.
  const wide = Grid.useBreakpoint().sm ?? true;

  if (loading && !data) return <PageContainer><Card><Skeleton active /></Card></PageContainer>;
  const a = data?.activity;
  if (!a) return <PageContainer title="活动"><ErrorAlert error={error} /></PageContainer>;

  const role = session.role;
  const reporterSide = role === Role.EVENT_DETACHMENT || (role === Role.DISTRICT_BUREAU && session.unit.district === a.district);
  const open = a.status !== 'CLOSED' && a.status !== 'CANCELLED';
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setActionError(null);
    try {
      await fn();
      message.success(done);
      setDialog(null);
      form.resetFields();
      await refetch();
    } catch (e) {
      setActionError(e);
      message.error(errorMessage(e));
    }
  };

  const actions = (
    <>
      {reporterSide && a.status === 'DRAFT' && (
        <>
          <Button onClick={() => navigate(`/activities/${a.id}/edit`)}>修改</Button>
          <Button
            type="primary"
            loading={reporting.loading}
            onClick={() =>
              modal.confirm({
                title: '通报此活动？',
                content: '通报后活动信息不能再修改（被领导退回时除外）；保安管理支队和领导小组办公室将立即收到通报，由保安管理支队受理并向领导请示。',
                okText: '确认通报',
                cancelText: '取消',
                onOk: () => run(() => report({ variables: { id: a.id, expectedVersion: a.version } }), '已通报保安管理支队和领导小组办公室'),
              })
            }
          >
            通报
          </Button>
        </>
      )}
      {role === Role.SECURITY_DETACHMENT && a.status === 'REPORTED' && !a.requestedAt && (
        <Button
          type="primary"
          onClick={() => {
            requestForm.setFieldsValue({
              scale: `预计每场${a.expectedAttendance}人，${permitTierLabels[a.permitTier]}，场所${a.venue}`,
              staffing: `所需保安员${a.guardsRequired}人（按配比建议${a.suggestedGuards}人）`,
              proposedCandidates: 3,
            });
            setDialog('request');
          }}
        >
          受理并请示
        </Button>
      )}
      {role === Role.LEADER && a.status === 'REPORTED' && a.requestedAt && (
        <Button type="primary" onClick={() => setDialog('approve')}>
          批示
        </Button>
      )}
      {role === Role.OFFICE && open && a.deadlines.next && (
        <Button
          onClick={() =>
            setNoticeTarget({
              activityId: a.id,
              activityName: a.name,
              stage: a.deadlines.next!.stage,
              stageLabel: a.deadlines.next!.label,
              unitName: a.deadlines.next!.responsibleUnitName,
              dueOn: a.deadlines.next!.dueOn,
            })
          }
        >
          督办
        </Button>
      )}
      {role === Role.SECURITY_DETACHMENT && a.status === 'APPROVED' && a.securityMode === 'SERVICE_COMPANY' && (
        <Link to={`/candidates/${a.id}`}>
          <Button type="primary">推荐候选</Button>
        </Link>
      )}
      {a.candidates.length > 0 && role !== Role.COMPANY && (
        <Link to={`/comparison/${a.id}`}>
          <Button type={role === Role.ORGANIZER && a.status === 'CANDIDATES_RECOMMENDED' ? 'primary' : 'default'}>候选比选</Button>
        </Link>
      )}
      {open && CANCELLERS.includes(role) && (role !== Role.DISTRICT_BUREAU || reporterSide) && (
        <Button danger onClick={() => setDialog('cancel')}>
          取消活动
        </Button>
      )}
    </>
  );

  // Stages reached: every one the history records, and those up to the current status in lifecycle order.
  const lifecycle = Object.values(ActivityStatus).filter((st) => st !== ActivityStatus.CANCELLED) as string[];
  const reached = new Set([...a.transitions.map((t) => t.toStatus as string), ...lifecycle.slice(0, lifecycle.indexOf(a.status) + 1)]);
  const stagePages = STAGE_PAGES.filter((p) => (p.reached === null || reached.has(p.reached)) && mayOpen(role, p.pattern));

  return (
    <PageContainer
      title={a.name}
      subTitle={
        <Space size={6} wrap>
          <ActivityStatusTag status={a.status} />
          <span>{a.code}</span>
        </Space>
      }
      extra={actions}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ErrorAlert error={actionError} />
        {a.status === 'DRAFT' && a.returnReason && <Typography.Text type="danger">领导退回：{a.returnReason}</Typography.Text>}
        {a.status === 'REPORTED' && !a.requestedAt && (
          <Alert type="info" showIcon title="已通报，等待保安管理支队受理并向领导请示" />
        )}
        {a.status === 'REPORTED' && a.requestedAt && (
          <Alert type="info" showIcon title={`保安管理支队已于 ${formatDateTime(a.requestedAt)} 请示，等待领导批示（条例第十四条：受理之日起7日内决定）`} />
        )}
        {a.closeStatement && <Alert type="error" showIcon title="总结时仍有严重问题未纠正" description={a.closeStatement} data-testid="close-statement" />}
        <WarningsList warnings={a.warnings} />
        {stagePages.length > 0 && (
          <Space wrap data-testid="activity-stage-pages">
            {stagePages.map((p) => (
              <Link key={p.pattern} to={p.to(a.id)}>
                <Button size="small">{p.label}</Button>
              </Link>
            ))}
          </Space>
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <Card title="活动信息" variant="borderless">
              <Descriptions
                column={{ xs: 1, sm: 2 }}
                size="small"
                items={[
                  { key: 'type', label: '活动类型', children: a.type },
                  { key: 'district', label: '辖区', children: labelOf(districtLabels, a.district) },
                  {
                    key: 'organizer',
                    label: '主办单位',
                    children: (
                      <Space size={4} wrap>
                        {a.organizerName}
                        {a.organizerUnitId && ORGANIZER_ONBOARDERS.includes(session.role) && (
                          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOrganizerAccounts(true)}>
                            账号
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                  { key: 'undertaker', label: '承办单位', children: a.undertakerName ?? '—' },
                  { key: 'venue', label: '场所', children: a.venue },
                  { key: 'address', label: '地址', children: a.address },
                  { key: 'time', label: '时间', children: `${formatDateTime(a.startsAt)} 至 ${formatDateTime(a.endsAt)}` },
                  { key: 'days', label: '距开始', children: <DaysUntil days={a.daysUntilStart} status={a.status} /> },
                  { key: 'applied', label: '受理日期', children: a.appliedOn },
                  { key: 'tier', label: '许可层级', children: <PermitTierTag tier={a.permitTier} /> },
                  { key: 'attendance', label: '预计人数', children: `${formatCount(a.expectedAttendance)} 人/场` },
                  { key: 'guards', label: '所需保安员', children: `${a.guardsRequired} 人（按配比建议 ${a.suggestedGuards} 人）` },
                  { key: 'mode', label: '安保方式', children: labelOf(securityModeLabels, a.securityMode) },
                  { key: 'age', label: '年龄上限', children: `${a.effectiveAgeLimit} 岁${a.ageLimit ? '（本活动指定）' : ''}` },
                  { key: 'contact', label: '联系人', children: `${a.contactName} ${a.contactPhone}` },
                  { key: 'reporter', label: '登记单位', children: a.reporterUnit?.name ?? '—' },
                  ...(a.approvalNote
                    ? [{ key: 'note', label: '领导批示', children: <span data-testid="approval">{a.approvalNote}{a.approvedByName ? `（${a.approvedByName}${a.approvedAt ? `，${formatDateTime(a.approvedAt)}` : ''}）` : ''}</span>, span: 2 }]
                    : []),
                  ...(a.selectedCompany
                    ? [{ key: 'company', label: '中选公司', children: <Space wrap><Tag color="geekblue">{a.selectedCompany.name}</Tag>{a.selectionReason}</Space>, span: 2 }]
                    : []),
                  ...(a.recommendationJustification ? [{ key: 'just', label: '推荐不足3家说明', children: a.recommendationJustification, span: 2 }] : []),
                  ...(a.cancelReason ? [{ key: 'cancel', label: '取消原因', children: a.cancelReason, span: 2 }] : []),
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            {open && a.status !== 'DRAFT' && (
              <Card title="各阶段截止与责任单位" variant="borderless" style={{ marginBottom: 16 }}>
                <DeadlineTags stages={a.deadlines.stages} daysUntilStart={a.deadlines.daysUntilStart} />
              </Card>
            )}
            <Card title="台账" variant="borderless">
              <Timeline
                items={a.transitions.map((t) => ({
                  key: t.id,
                  color: t.toStatus === 'CANCELLED' ? 'red' : t.toStatus === 'DRAFT' && t.fromStatus ? 'gray' : 'blue',
                  title: wide ? formatDateTime(t.at) : undefined,
                  content: (
                    <>
                      {!wide && <Typography.Text type="secondary">{formatDateTime(t.at)}</Typography.Text>}
                      <div>
                        <strong>{labelOf(activityStatusLabels, t.toStatus)}</strong> · {t.actorName}
                      </div>
                      {t.comment && <Typography.Text type="secondary">{t.comment}</Typography.Text>}
                    </>
                  ),
                }))}
              />
            </Card>
          </Col>
        </Row>
        <Card title="安全工作方案（条例第六条）" variant="borderless">
          {planLabels.some(([k]) => (a.plan as Record<string, unknown>)[k] != null) ? (
            <Descriptions
              column={1}
              size="small"
              items={planLabels.map(([k, label]) => {
                const v = (a.plan as Record<string, unknown>)[k];
                return { key: k, label, children: v == null ? <Typography.Text type="secondary">未填写</Typography.Text> : k === 'venueCapacity' ? `${v} 人` : String(v) };
              })}
            />
          ) : (
            <Empty description="未填写安全工作方案" />
          )}
        </Card>
        {a.instructionRequests.length > 0 && (
          <Card title="请示与批示" variant="borderless" data-testid="instruction-requests">
            {[...a.instructionRequests].reverse().map((r) => (
              <Descriptions
                key={r.id}
                size="small"
                column={{ xs: 1, sm: 2 }}
                style={{ marginBottom: 12 }}
                items={[
                  { key: 'by', label: '请示', children: `${r.requestedByName}，${formatDateTime(r.requestedAt)}` },
                  { key: 'tier', label: '许可层级', children: labelOf(permitTierLabels, r.assessment.permitTier) },
                  { key: 'scale', label: '规模研判', children: r.assessment.scale, span: 2 },
                  { key: 'staffing', label: '人员配备', children: `${r.assessment.staffing}（所需${r.assessment.guardsRequired}人，建议${r.assessment.suggestedGuards}人）`, span: 2 },
                  { key: 'n', label: '拟推荐', children: `${r.assessment.proposedCandidates} 家候选公司` },
                  ...(r.assessment.opinion ? [{ key: 'op', label: '其他意见', children: r.assessment.opinion }] : []),
                  {
                    key: 'answer',
                    label: '批示',
                    span: 2,
                    children: r.answeredAt ? `${r.approved ? '同意' : '退回'}：${r.answer}（${r.answeredByName}，${formatDateTime(r.answeredAt)}）` : '待领导批示',
                  },
                ]}
              />
            ))}
          </Card>
        )}
        {(role === Role.OFFICE || role === Role.LEADER) && (
          <Card title="督办通知" variant="borderless">
            <NoticeList filter={{ activityId: a.id }} />
          </Card>
        )}
        {a.candidates.length > 0 && (
          <Card title="候选公司" variant="borderless">
            <Table
              rowKey="companyId"
              size="small"
              pagination={false}
              dataSource={a.candidates}
              scroll={{ x: 480 }}
              columns={[
                { title: '名次', dataIndex: 'rank', width: 60 },
                { title: '公司', dataIndex: 'companyName', render: (n: string, c) => <>{n} {c.selected && <Tag color="green">中选</Tag>}</> },
                { title: '得分', dataIndex: 'score', width: 80 },
                { title: '报价（元）', dataIndex: 'quote', width: 140, render: (q: number | null) => (q == null ? '未报价' : formatCount(q)) },
              ]}
            />
          </Card>
        )}
      </Space>

      <IssueNoticeModal target={noticeTarget} onClose={() => setNoticeTarget(null)} onIssued={() => void refetch()} />
      <Modal
        title="受理通报，向领导请示"
        open={dialog === 'request'}
        okText="提交请示"
        confirmLoading={requesting.loading}
        onCancel={() => setDialog(null)}
        onOk={() => requestForm.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          请示提交后，领导小组（领导批示）和领导小组办公室将同时收到；领导的批示答复本请示。许可层级：{labelOf(permitTierLabels, a.permitTier)}。
        </Typography.Paragraph>
        <Form
          form={requestForm}
          layout="vertical"
          onFinish={async (v) => {
            await run(
              () => requestInstruction({ variables: { id: a.id, input: { scale: v.scale, staffing: v.staffing, proposedCandidates: v.proposedCandidates, opinion: v.opinion || null } } }),
              '已向领导请示，并通报领导小组办公室',
            );
          }}
        >
          <Form.Item name="scale" label="规模研判" rules={[{ required: true, whitespace: true, message: '请填写规模研判' }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="staffing" label="人员配备意见" rules={[{ required: true, whitespace: true, message: '请填写人员配备意见' }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item
            name="proposedCandidates"
            label="拟推荐候选公司（家）"
            rules={[
              { required: true, message: '请填写拟推荐家数' },
              { type: 'integer', min: 3, max: 20, message: '拟推荐候选公司应为3到20之间的整数（不少于3家）' },
            ]}
          >
            <InputNumber style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="opinion" label="其他意见">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={dialog === 'approve' ? '领导批示' : '取消活动'}
        open={dialog === 'approve' || dialog === 'cancel'}
        onCancel={() => setDialog(null)}
        destroyOnHidden
        footer={
          dialog === 'approve'
            ? [
                <Button
                  key="back"
                  danger
                  loading={approving.loading}
                  onClick={async () => {
                    const { text } = await form.validateFields();
                    if (!text?.trim()) {
                      form.setFields([{ name: 'text', errors: ['退回须写明原因'] }]);
                      return;
                    }
                    await run(() => approve({ variables: { id: a.id, approved: false, note: text, expectedVersion: a.version } }), '已退回');
                  }}
                >
                  退回修改
                </Button>,
                <Button
                  key="ok"
                  type="primary"
                  loading={approving.loading}
                  onClick={async () => {
                    const { text } = await form.validateFields();
                    await run(() => approve({ variables: { id: a.id, approved: true, note: text || null, expectedVersion: a.version } }), '已批示同意');
                  }}
                >
                  同意
                </Button>,
              ]
            : [
                <Button key="close" onClick={() => setDialog(null)}>
                  返回
                </Button>,
                <Button
                  key="ok"
                  danger
                  type="primary"
                  loading={cancelling.loading}
                  onClick={async () => {
                    const { text } = await form.validateFields();
                    await run(() => cancel({ variables: { id: a.id, reason: text, expectedVersion: a.version } }), '活动已取消');
                  }}
                >
                  确认取消
                </Button>,
              ]
        }
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="text"
            label={dialog === 'approve' ? '批示意见（同意时可留空；退回时必填）' : '取消原因'}
            rules={dialog === 'cancel' ? [{ required: true, whitespace: true, message: '请填写取消原因' }] : []}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount placeholder={dialog === 'approve' ? '如：同意，请保安管理支队按规模推荐候选公司' : ''} />
          </Form.Item>
        </Form>
      </Modal>
      {a.organizerUnitId && (
        <Modal title={`主办单位账号：${a.organizerName}`} open={organizerAccounts} footer={null} width={760} onCancel={() => setOrganizerAccounts(false)} destroyOnHidden>
          <UnitAccounts unit={{ id: a.organizerUnitId, name: a.organizerName, kind: UnitKind.ORGANIZER }} />
        </Modal>
      )}
    </PageContainer>
  );
}
