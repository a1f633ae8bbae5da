import { useMutation, useQuery } from '@apollo/client/react';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, InputNumber, Modal, Progress, Row, Select, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Role, TrainingTopic, trainingTopicLabels } from '@evs/schema';
import type { TrainingSessionFieldsFragment } from '@/gql/graphql';
import { ActivityStatusTag } from '@/features/activities/ActivityBits';
import { DeadlineTags } from '@/features/onsite/DeadlineTags';
import {
  OnsiteActivityQuery,
  RecordTrainingResultsMutation,
  ScheduleTrainingMutation,
  TrainingOverviewQuery,
} from '@/features/onsite/operations';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors, errorMessage } from '@/shared/errors';
import { PageContainer } from '@/shared/PageContainer';
import { useRole } from '@/shared/session';

const TOPICS = Object.values(TrainingTopic);
const standingLabels: Record<string, { text: string; color: string }> = {
  NOT_ASSIGNED: { text: '未安排', color: 'default' },
  SCHEDULED: { text: '待登记', color: 'processing' },
  ABSENT: { text: '缺训', color: 'warning' },
  FAILED: { text: '考核不合格', color: 'error' },
  PASSED: { text: '合格', color: 'success' },
};

type Session = TrainingSessionFieldsFragment;
interface ResultRow {
  rosterEntryId: string;
  attended: boolean;
  passed: boolean;
  scores: Partial<Record<TrainingTopic, number | null>>;
}

/** 岗前培训 of one activity: sessions, sign-in sheets, results, and how far the on-duty roster is. */
export default function TrainingPage() {
  const { activityId = '' } = useParams();
  const role = useRole();
  const officer = role === Role.SECURITY_DETACHMENT;
  const { message } = App.useApp();
  const activity = useQuery(OnsiteActivityQuery, { variables: { id: activityId } });
  const overview = useQuery(TrainingOverviewQuery, { variables: { activityId } });
  const [schedule, scheduling] = useMutation(ScheduleTrainingMutation);
  const [record, recording] = useMutation(RecordTrainingResultsMutation);
  const [scheduleOpen, setScheduleOpen] = useState<false | 'main' | 'makeup'>(false);
  const [resultsFor, setResultsFor] = useState<Session | null>(null);
  const [rows, setRows] = useState<ResultRow[]>([]);
  const [resultError, setResultError] = useState<unknown>(null);
  const [form] = Form.useForm();

  const a = activity.data?.activity;
  const t = overview.data?.training;
  if ((activity.loading && !a) || (overview.loading && !t)) return <PageContainer><Card><Skeleton active /></Card></PageContainer>;
  if (!a || !t) return <PageContainer title="岗前培训"><ErrorAlert error={activity.error ?? overview.error} /></PageContainer>;
  const canSchedule = officer && (a.status === 'TRAINING' || a.status === 'READY');
  const waiting = t.trainees.filter((x) => x.standing !== 'PASSED');

  const openSchedule = (kind: 'main' | 'makeup') => {
    form.resetFields();
    form.setFieldsValue({
      startsAt: dayjs().add(1, 'day').hour(9).minute(0).second(0).millisecond(0),
      place: '盘锦市公安局警务训练基地',
      topics: TOPICS,
      periods: kind === 'makeup' ? 4 : 6,
      rosterEntryIds: waiting.map((x) => x.rosterEntryId),
    });
    setScheduleOpen(kind);
  };

  const openResults = (s: Session) => {
    setResultError(null);
    setRows(
      s.attendance.map((x) => ({
        rosterEntryId: x.rosterEntryId,
        attended: x.attended ?? true,
        passed: x.passed ?? true,
        scores: Object.fromEntries(s.topics.map((topic) => [topic, x.scores.find((y) => y.topic === topic)?.score ?? null])),
      })),
    );
    setResultsFor(s);
  };
  const setRow = (i: number, patch: Partial<ResultRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const saveResults = async () => {
    if (!resultsFor) return;
    setResultError(null);
    try {
      const r = await record({
        variables: {
          sessionId: resultsFor.id,
          results: rows.map((row) => ({
            rosterEntryId: row.rosterEntryId,
            attended: row.attended,
            passed: row.attended && row.passed,
            scores: row.attended
              ? resultsFor.topics.flatMap((topic) => (row.scores[topic as TrainingTopic] == null ? [] : [{ topic, score: row.scores[topic as TrainingTopic]! }]))
              : [],
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

  const sessionColumns = [
    { title: '时间', dataIndex: 'startsAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    { title: '类型', dataIndex: 'isMakeup', render: (v: boolean) => (v ? <Tag color="orange">补训</Tag> : <Tag color="blue">集中培训</Tag>) },
    { title: '地点', dataIndex: 'place' },
    { title: '授课人', dataIndex: 'instructor' },
    { title: '科目', dataIndex: 'topics', render: (v: TrainingTopic[]) => v.map((x) => trainingTopicLabels[x]).join('、') },
    { title: '学时', dataIndex: 'periods' },
    {
      title: '人数',
      render: (_: unknown, s: Session) =>
        `${s.attendance.length}人${s.resultsRecorded ? `，到${s.attendance.filter((x) => x.attended).length}，合格${s.attendance.filter((x) => x.passed).length}` : ''}`,
    },
    {
      title: '操作',
      render: (_: unknown, s: Session) => (
        <Space wrap>
          <Link to={`/training/sessions/${s.id}/sheet`}><Button size="small" icon={<PrinterOutlined />}>签到表</Button></Link>
          <Button size="small" icon={<DownloadOutlined />} href={`/exports/training/${s.id}.xlsx`}>Excel</Button>
          {canSchedule && (
            <Button size="small" type={s.resultsRecorded ? 'default' : 'primary'} onClick={() => openResults(s)}>
              {s.resultsRecorded ? '修改结果' : '登记结果'}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={`岗前培训：${a.name}`}
      subTitle={<><ActivityStatusTag status={a.status} /> {a.selectedCompany?.name}</>}
      extra={
        <>
          <Link to={`/timeline/${a.id}`}><Button>台账</Button></Link>
          {canSchedule && t.sessions.length > 0 && waiting.length > 0 && <Button onClick={() => openSchedule('makeup')}>安排补训</Button>}
          {canSchedule && <Button type="primary" onClick={() => openSchedule('main')} disabled={waiting.length === 0}>安排培训</Button>}
          {a.status === 'READY' || a.status === 'IN_PROGRESS' ? <Link to={`/inspections/${a.id}`}><Button type="primary">现场监管</Button></Link> : null}
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title="在岗名单" variant="borderless">
            <Progress aria-label="已上岗人数" type="dashboard" percent={Math.min(100, Math.round((t.onDutyCount / Math.max(1, t.guardsRequired)) * 100))} format={() => <span data-testid="on-duty">{`${t.onDutyCount}/${t.guardsRequired}`}</span>} />
            <Descriptions column={1} size="small" items={[
              { label: '已通过审核', children: `${t.clearedCount} 人` },
              { label: '培训合格（在岗名单）', children: `${t.onDutyCount} 人` },
              { label: '所需保安员', children: `${t.guardsRequired} 人` },
            ]} />
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              在岗名单 = 审核通过 ∧ 参加培训 ∧ 考核合格；达到所需人数时活动自动转为“待上岗”。
            </Typography.Paragraph>
          </Card>
          <Card title="截止时间" variant="borderless" style={{ marginTop: 16 }}>
            <DeadlineTags stages={a.deadlines.stages} daysUntilStart={a.deadlines.daysUntilStart} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title="培训安排" variant="borderless">
            {t.sessions.length === 0 ? <Empty description="尚未安排培训" /> : <Table rowKey="id" size="small" columns={sessionColumns} dataSource={t.sessions} pagination={false} scroll={{ x: 820 }} />}
          </Card>
          <Card title={`已通过审核人员（${t.trainees.length}）`} variant="borderless" style={{ marginTop: 16 }}>
            <Table
              rowKey="rosterEntryId"
              size="small"
              dataSource={t.trainees}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: '姓名', dataIndex: 'guardName' },
                { title: '保安员证号', dataIndex: 'certificateNo' },
                { title: '公司', dataIndex: 'companyName', responsive: ['md'] },
                { title: '培训情况', dataIndex: 'standing', render: (v: string) => <Tag color={standingLabels[v]?.color}>{standingLabels[v]?.text ?? v}</Tag> },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Modal
        open={!!scheduleOpen}
        title={scheduleOpen === 'makeup' ? '安排补训' : '安排岗前培训'}
        okText="安排"
        confirmLoading={scheduling.loading}
        onCancel={() => setScheduleOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
        width={560}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            try {
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
              setScheduleOpen(false);
              await overview.refetch();
            } catch (e) {
              const rest = applyFieldErrors(form, e);
              message.error(rest.length ? errorMessage(e) : '请检查标出的项目');
            }
          }}
        >
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
          <Form.Item name="periods" label="学时（每学时45分钟）" rules={[{ required: true, message: '请填写学时' }]}>
            <InputNumber min={1} max={40} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="rosterEntryIds" label="参训人员" extra="默认为全部已通过审核、尚未培训合格的人员">
            <Select mode="multiple" allowClear maxTagCount="responsive" options={waiting.map((x) => ({ value: x.rosterEntryId, label: `${x.guardName}（${standingLabels[x.standing]?.text}）` }))} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={!!resultsFor}
        title={resultsFor ? `登记结果：${dayjs(resultsFor.startsAt).format('MM-DD HH:mm')} ${resultsFor.isMakeup ? '补训' : '集中培训'}` : ''}
        okText="保存结果"
        confirmLoading={recording.loading}
        onCancel={() => setResultsFor(null)}
        onOk={saveResults}
        width={900}
        destroyOnHidden
      >
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
                    onChange={(v) => setRow(x.i, { attended: v, passed: v ? rows[x.i].passed : false })} />
                ),
              },
              ...resultsFor.topics.map((topic) => ({
                title: trainingTopicLabels[topic as TrainingTopic],
                width: 110,
                render: (_: unknown, x: { i: number }) => (
                  <InputNumber aria-label={`${trainingTopicLabels[topic as TrainingTopic]}-${x.i + 1}`} min={0} max={100} disabled={!rows[x.i]?.attended}
                    value={rows[x.i]?.scores[topic as TrainingTopic] ?? null}
                    onChange={(v) => setRow(x.i, { scores: { ...rows[x.i].scores, [topic]: v } })} style={{ width: 90 }} />
                ),
              })),
              {
                title: '考核',
                width: 100,
                render: (_: unknown, x: { i: number }) => (
                  <Switch aria-label={`合格-${x.i + 1}`} checked={rows[x.i]?.attended && rows[x.i]?.passed} disabled={!rows[x.i]?.attended}
                    checkedChildren="合格" unCheckedChildren="不合格" onChange={(v) => setRow(x.i, { passed: v })} />
                ),
              },
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
