import { useMutation, useQuery } from '@apollo/client/react';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, InputNumber, Modal, Progress, Row, Select, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Role, TrainingTopic, trainingTopicLabels } from '@evs/schema';
import type { TrainingSessionFieldsFragment } from '@/gql/graphql';
import { ActivityStatusTag } from '@/features/activities/components/ActivityBits';
import { DeadlineTags } from '@/features/deadlines/components/DeadlineTags';
import { CancelTrainingSessionMutation, RecordTrainingResultsMutation, ScheduleTrainingMutation, TrainingOverviewQuery, UpdateTrainingSessionMutation } from '@/features/training/operations';
import { OnsiteActivityQuery } from '@/features/inspections/operations';
import { PostsCard } from '@/features/training/components/PostsCard';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors, errorMessage } from '@/shared/errors';
import { PageContainer } from '@/shared/PageContainer';
import { useRole } from '@/shared/session';
import { formatDateTime } from '@/shared/format';

const TOPICS = Object.values(TrainingTopic);
const standingLabels: Record<string, { text: string; color: string }> = {
  NOT_ASSIGNED: { text: '未安排', color: 'default' },
  SCHEDULED: { text: '待登记', color: 'processing' },
  ABSENT: { text: '缺训', color: 'warning' },
  FAILED: { text: '考核不合格', color: 'error' },
  PARTIAL: { text: '部分科目合格', color: 'gold' },
  PASSED: { text: '三科合格', color: 'success' },
};
const topicNames = (topics: readonly string[]) => topics.map((x) => trainingTopicLabels[x as TrainingTopic]).join('、');

type Session = TrainingSessionFieldsFragment;
interface ResultRow {
  rosterEntryId: string;
  attended: boolean;
  scores: Partial<Record<TrainingTopic, number | null>>;
}

/** Why a score cannot be sent (never clamped or rounded here: the officer corrects it). */
function scoreProblem(v: number | null | undefined): string | null {
  if (v == null) return '请填写成绩';
  if (!Number.isFinite(v) || v < 0 || v > 100) return '成绩应在0到100之间';
  return null;
}

/**
 * 岗前培训 of one activity (seed step 四): sessions between the 批示 and the event, a score for each
 * of the three subjects, and how far the on-duty roster is. A guard is on duty after passing all
 * three subjects, in one session or several. Sessions change or are cancelled only before they start.
 */
export default function TrainingPage() {
  const { activityId = '' } = useParams();
  const role = useRole();
  const officer = role === Role.SECURITY_DETACHMENT;
  const { message, modal } = App.useApp();
  const activity = useQuery(OnsiteActivityQuery, { variables: { id: activityId } });
  const overview = useQuery(TrainingOverviewQuery, { variables: { activityId } });
  const [schedule, scheduling] = useMutation(ScheduleTrainingMutation);
  const [update, updating] = useMutation(UpdateTrainingSessionMutation);
  const [cancelSession] = useMutation(CancelTrainingSessionMutation);
  const [record, recording] = useMutation(RecordTrainingResultsMutation);
  const [scheduleOpen, setScheduleOpen] = useState<false | 'main' | 'makeup' | Session>(false);
  const [resultsFor, setResultsFor] = useState<Session | null>(null);
  const [rows, setRows] = useState<ResultRow[]>([]);
  const [resultError, setResultError] = useState<unknown>(null);
  const [form] = Form.useForm();

  const a = activity.data?.activity;
  const t = overview.data?.training;
  if ((activity.loading && !a) || (overview.loading && !t)) return <PageContainer><Card><Skeleton active /></Card></PageContainer>;
  if (!a || !t) return <PageContainer title="岗前培训"><ErrorAlert error={activity.error ?? overview.error} /></PageContainer>;
  const canSchedule = officer && (a.status === 'TRAINING' || a.status === 'READY') && dayjs().isBefore(a.startsAt);
  const waiting = t.trainees.filter((x) => x.standing !== 'PASSED');
  const liveSessions = t.sessions.filter((s) => !s.cancelledAt);
  const editing = typeof scheduleOpen === 'object' ? scheduleOpen : null;

  /** A default time inside the window (after now, before the event): tomorrow 09:00, or the next whole hour. */
  const defaultStart = () => {
    const tomorrow = dayjs().add(1, 'day').hour(9).minute(0).second(0).millisecond(0);
    return tomorrow.isBefore(dayjs(a.startsAt).subtract(2, 'hour')) ? tomorrow : dayjs().add(1, 'hour').startOf('hour');
  };

  const openSchedule = (kind: 'main' | 'makeup' | Session) => {
    form.resetFields();
    if (typeof kind === 'object') {
      form.setFieldsValue({ startsAt: dayjs(kind.startsAt), place: kind.place, instructor: kind.instructor, topics: kind.topics, periods: kind.periods });
    } else {
      form.setFieldsValue({
        startsAt: defaultStart(),
        place: '盘锦市公安局警务训练基地',
        topics: TOPICS,
        periods: kind === 'makeup' ? 4 : 6,
        rosterEntryIds: waiting.map((x) => x.rosterEntryId),
      });
    }
    setScheduleOpen(kind);
  };

  const openResults = (s: Session) => {
    setResultError(null);
    setRows(
      s.attendance.map((x) => ({
        rosterEntryId: x.rosterEntryId,
        attended: x.attended ?? true,
        scores: Object.fromEntries(s.topics.map((topic) => [topic, x.scores.find((y) => y.topic === topic)?.score ?? null])),
      })),
    );
    setResultsFor(s);
  };
  const setRow = (i: number, patch: Partial<ResultRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const saveResults = async () => {
    if (!resultsFor) return;
    setResultError(null);
    const problems = rows.flatMap((row, i) =>
      row.attended
        ? resultsFor.topics.flatMap((topic) => {
            const p = scoreProblem(row.scores[topic as TrainingTopic]);
            return p ? [`第${i + 1}行（${resultsFor.attendance[i].guardName}）“${trainingTopicLabels[topic as TrainingTopic]}”${p}`] : [];
          })
        : [],
    );
    if (problems.length) {
      setResultError(new Error(problems.join('；')));
      return;
    }
    try {
      const r = await record({
        variables: {
          sessionId: resultsFor.id,
          results: rows.map((row) => ({
            rosterEntryId: row.rosterEntryId,
            attended: row.attended,
            scores: row.attended ? resultsFor.topics.map((topic) => ({ topic, score: row.scores[topic as TrainingTopic]! })) : [],
          })),
        },
      });
      message.success(r.data?.recordTrainingResults.resultsRecorded ? '培训结果已登记' : '已保存');
      setResultsFor(null);
      await Promise.all([overview.refetch(), activity.refetch()]);
    } catch (e) {
      setResultError(e);
    }
  };

  const cancel = (s: Session) => {
    let reason = '';
    modal.confirm({
      title: `取消 ${formatDateTime(s.startsAt)} 的${s.isMakeup ? '补训' : '培训'}？`,
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>取消后参训人员可另行安排，保安服务公司将收到通知。请写明原因：</Typography.Text>
          <Input.TextArea rows={3} maxLength={500} aria-label="取消原因" onChange={(e) => (reason = e.target.value)} />
        </Space>
      ),
      okText: '确认取消',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: async () => {
        if (!reason.trim()) {
          message.error('请填写取消原因');
          throw new Error('reason');
        }
        try {
          await cancelSession({ variables: { id: s.id, reason } });
          message.success('培训已取消，已通知保安服务公司');
          await overview.refetch();
        } catch (e) {
          message.error(errorMessage(e));
          throw e;
        }
      },
    });
  };

  const sessionColumns = [
    { title: '时间', dataIndex: 'startsAt', render: (v: string) => formatDateTime(v) },
    {
      title: '类型',
      render: (_: unknown, s: Session) => (
        <Space size={4} wrap>
          {s.isMakeup ? <Tag color="orange">补训</Tag> : <Tag color="blue">集中培训</Tag>}
          {s.cancelledAt && <Tag color="default">已取消</Tag>}
        </Space>
      ),
    },
    { title: '地点', dataIndex: 'place' },
    { title: '授课人', dataIndex: 'instructor' },
    { title: '科目', dataIndex: 'topics', render: (v: TrainingTopic[]) => topicNames(v) },
    { title: '学时', dataIndex: 'periods' },
    {
      title: '人数',
      render: (_: unknown, s: Session) =>
        s.cancelledAt
          ? `取消原因：${s.cancelReason}`
          : `${s.attendance.length}人${s.resultsRecorded ? `，到${s.attendance.filter((x) => x.attended).length}，本次科目全部合格${s.attendance.filter((x) => x.passed).length}` : ''}`,
    },
    {
      title: '操作',
      render: (_: unknown, s: Session) => (
        <Space wrap>
          <Link to={`/training/sessions/${s.id}/sheet`}><Button size="small" icon={<PrinterOutlined />}>签到表</Button></Link>
          <Button size="small" icon={<DownloadOutlined />} href={`/exports/training/${s.id}.xlsx`}>Excel</Button>
          {officer && !s.cancelledAt && (a.status === 'TRAINING' || a.status === 'READY') && (
            s.started ? (
              <Button size="small" type={s.resultsRecorded ? 'default' : 'primary'} onClick={() => openResults(s)}>
                {s.resultsRecorded ? '修改结果' : '登记结果'}
              </Button>
            ) : (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>开始后可登记结果（{formatDateTime(s.startsAt)} 起）</Typography.Text>
                <Button size="small" onClick={() => openSchedule(s)}>修改</Button>
                <Button size="small" danger onClick={() => cancel(s)}>取消</Button>
              </>
            )
          )}
        </Space>
      ),
    },
  ];

  const submitSchedule = async (v: { startsAt: dayjs.Dayjs; place: string; instructor: string; topics: TrainingTopic[]; periods: number; rosterEntryIds?: string[] }) => {
    try {
      if (editing) {
        await update({ variables: { id: editing.id, input: { startsAt: v.startsAt.toISOString(), place: v.place, instructor: v.instructor, topics: v.topics, periods: v.periods } } });
        message.success('已修改培训安排，并通知保安服务公司');
      } else {
        await schedule({
          variables: {
            activityId,
            input: {
              startsAt: v.startsAt.toISOString(),
              place: v.place,
              instructor: v.instructor,
              topics: v.topics,
              periods: v.periods,
              isMakeup: scheduleOpen === 'makeup',
              rosterEntryIds: v.rosterEntryIds,
            },
          },
        });
        message.success('已安排培训，并通知保安服务公司');
      }
      setScheduleOpen(false);
      await overview.refetch();
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      message.error(rest.length ? errorMessage(e) : '请检查标出的项目');
    }
  };

  return (
    <PageContainer
      title={`岗前培训：${a.name}`}
      subTitle={<><ActivityStatusTag status={a.status} /> {a.selectedCompany?.name}</>}
      extra={
        <>
          <Link to={`/timeline/${a.id}`}><Button>台账</Button></Link>
          {canSchedule && liveSessions.length > 0 && waiting.length > 0 && <Button onClick={() => openSchedule('makeup')}>安排补训</Button>}
          {canSchedule && <Button type="primary" onClick={() => openSchedule('main')} disabled={waiting.length === 0}>安排培训</Button>}
          {a.status === 'READY' || a.status === 'IN_PROGRESS' ? <Link to={`/inspections/${a.id}`}><Button type="primary">现场监管</Button></Link> : null}
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title="在岗名单" variant="borderless">
            <Progress aria-label="已上岗人数" type="dashboard" percent={t.guardsRequired > 0 ? Math.round((Math.min(t.onDutyCount, t.guardsRequired) / t.guardsRequired) * 100) : 0} format={() => <span data-testid="on-duty">{`${t.onDutyCount}/${t.guardsRequired}`}</span>} />
            <Descriptions column={1} size="small" items={[
              { label: '已通过审核', children: `${t.clearedCount} 人` },
              { label: '三科合格（在岗名单）', children: `${t.onDutyCount} 人` },
              { label: '所需保安员', children: `${t.guardsRequired} 人` },
            ]} />
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              在岗名单 = 审核通过 ∧ 法律法规、基本勤务技能、突发情况处置三个科目均考核合格（可在一次或多次培训中完成）；达到所需人数时活动自动转为“待上岗”。
              培训安排在批示之后、活动开始之前；开始前可修改或取消，开始后方可登记结果。
            </Typography.Paragraph>
          </Card>
          <Card title="截止时间" variant="borderless" style={{ marginTop: 16 }}>
            <DeadlineTags stages={a.deadlines.stages} daysUntilStart={a.deadlines.daysUntilStart} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title="培训安排" variant="borderless">
            {t.sessions.length === 0 ? <Empty description="尚未安排培训" /> : <Table rowKey="id" size="small" columns={sessionColumns} dataSource={t.sessions} pagination={false} scroll={{ x: 900 }} />}
          </Card>
          <Card title={`已通过审核人员（${t.trainees.length}）`} variant="borderless" style={{ marginTop: 16 }}>
            <Table
              rowKey="rosterEntryId"
              size="small"
              dataSource={t.trainees}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: '姓名', dataIndex: 'guardName' },
                { title: '保安员证号', dataIndex: 'certificateNo', responsive: ['md'] },
                { title: '公司', dataIndex: 'companyName', responsive: ['lg'] },
                { title: '培训情况', dataIndex: 'standing', render: (v: string) => <Tag color={standingLabels[v]?.color}>{standingLabels[v]?.text ?? v}</Tag> },
                {
                  title: '科目',
                  render: (_: unknown, x: { passedTopics: string[]; missingTopics: string[] }) => (
                    <Space size={4} wrap data-testid="trainee-topics">
                      {TOPICS.map((topic) => (
                        <Tag key={topic} color={x.passedTopics.includes(topic) ? 'success' : 'default'}>
                          {trainingTopicLabels[topic]}{x.passedTopics.includes(topic) ? ' ✓' : ''}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <PostsCard activityId={a.id} securityMode={a.securityMode} status={a.status} companyId={a.selectedCompany?.id ?? null} />
        </Col>
      </Row>

      <Modal
        open={!!scheduleOpen}
        title={editing ? '修改培训安排' : scheduleOpen === 'makeup' ? '安排补训' : '安排岗前培训'}
        okText={editing ? '保存修改' : '安排'}
        confirmLoading={scheduling.loading || updating.loading}
        onCancel={() => setScheduleOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
        width={560}
      >
        <Typography.Paragraph type="secondary">
          培训时间应在现在至活动开始（{formatDateTime(a.startsAt)}）之间。未合格科目的人员可在补训中只培训所缺科目。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submitSchedule}>
          <Form.Item name="startsAt" label="培训时间" rules={[{ required: true, message: '请选择培训时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="place" label="培训地点" rules={[{ required: true, whitespace: true, message: '请填写培训地点' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="instructor" label="授课人" rules={[{ required: true, whitespace: true, message: '请填写授课人' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="topics" label="培训科目" rules={[{ required: true, message: '请至少选择一个培训科目' }]}>
            <Checkbox.Group options={TOPICS.map((x) => ({ value: x, label: trainingTopicLabels[x] }))} />
          </Form.Item>
          <Form.Item
            name="periods"
            label="学时（每学时45分钟）"
            rules={[
              { required: true, message: '请填写学时' },
              { type: 'integer', min: 1, max: 40, message: '学时应为1到40之间的整数' },
            ]}
          >
            <InputNumber style={{ width: 160 }} />
          </Form.Item>
          {!editing && (
            <Form.Item name="rosterEntryIds" label="参训人员" extra="默认为全部已通过审核、尚未三科合格的人员">
              <Select mode="multiple" allowClear maxTagCount="responsive" options={waiting.map((x) => ({ value: x.rosterEntryId, label: `${x.guardName}（${standingLabels[x.standing]?.text}）` }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>

      <Modal
        open={!!resultsFor}
        title={resultsFor ? `登记结果：${formatDateTime(resultsFor.startsAt)} ${resultsFor.isMakeup ? '补训' : '集中培训'}` : ''}
        okText="保存结果"
        confirmLoading={recording.loading}
        onCancel={() => setResultsFor(null)}
        onOk={saveResults}
        width={900}
        destroyOnHidden
      >
        {resultsFor && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`每科成绩不低于 ${resultsFor.passScore} 分为合格；${topicNames(TOPICS)}三科均合格者进入在岗名单。`} />}
        <ErrorAlert error={resultError} style={{ marginBottom: 12 }} />
        {resultsFor && (
          <Table
            rowKey="rosterEntryId"
            size="small"
            pagination={false}
            scroll={{ x: 640, y: 480 }}
            dataSource={resultsFor.attendance.map((x, i) => ({ ...x, i }))}
            columns={[
              { title: '#', dataIndex: 'i', width: 44, render: (i: number) => i + 1 },
              { title: '姓名', dataIndex: 'guardName', width: 100 },
              {
                title: '到课',
                width: 80,
                render: (_: unknown, x: { i: number }) => (
                  <Switch aria-label={`到课-${x.i + 1}`} checked={rows[x.i]?.attended} checkedChildren="到" unCheckedChildren="缺"
                    onChange={(v) => setRow(x.i, { attended: v })} />
                ),
              },
              ...resultsFor.topics.map((topic) => ({
                title: trainingTopicLabels[topic as TrainingTopic],
                width: 150,
                render: (_: unknown, x: { i: number }) => {
                  const v = rows[x.i]?.scores[topic as TrainingTopic] ?? null;
                  const problem = rows[x.i]?.attended && v != null ? scoreProblem(v) : null;
                  return (
                    <Space size={4}>
                      <InputNumber aria-label={`${trainingTopicLabels[topic as TrainingTopic]}-${x.i + 1}`} disabled={!rows[x.i]?.attended}
                        status={problem ? 'error' : undefined} value={v}
                        onChange={(n) => setRow(x.i, { scores: { ...rows[x.i].scores, [topic]: n } })} style={{ width: 80 }} />
                      {rows[x.i]?.attended && v != null && !problem && (
                        <Tag color={v >= resultsFor.passScore ? 'success' : 'error'}>{v >= resultsFor.passScore ? '合格' : '不合格'}</Tag>
                      )}
                    </Space>
                  );
                },
              })),
            ]}
          />
        )}
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Button size="small" onClick={() => setRows((rs) => rs.map((r) => ({ ...r, scores: Object.fromEntries(resultsFor!.topics.map((topic) => [topic, r.scores[topic as TrainingTopic] ?? 85])) })))}>
            空白成绩填85分
          </Button>
        </Flex>
      </Modal>
    </PageContainer>
  );
}
