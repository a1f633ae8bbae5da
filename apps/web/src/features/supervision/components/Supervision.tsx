import { useMutation, useQuery } from '@apollo/client/react';
import { App, DatePicker, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { Role } from '@evs/schema';
import type { SupervisionNoticeFieldsFragment } from '@/gql/graphql';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { ListScaffold } from '@/shared/ListScaffold';
import { applyFieldErrors, errorMessage } from '@/shared/errors';
import { OverdueByUnit } from './OverdueByUnit';
import { useSession } from '@/shared/session';
import {
  AnswerSupervisionNoticeMutation,
  CloseSupervisionNoticeMutation,
  IssueSupervisionNoticeMutation,
  OverdueByUnitQuery,
  SupervisionNoticesQuery,
} from '@/features/supervision/operations';
import { formatDateTime, toApiDate, todayInBeijing } from '@/shared/format';
import { serverNow } from '@/shared/clock';
import { MULTILINE, MultilineText } from '@/shared/MultilineText';

type Notice = SupervisionNoticeFieldsFragment;

export interface NoticeTarget {
  activityId: string;
  activityName: string;
  stage: string;
  stageLabel: string;
  unitName: string;
  dueOn: string;
}

/** 督办通知: the office asks the responsible unit to act on the stage an activity waits on, and answer by a date. */
export function IssueNoticeModal({ target, onClose, onIssued }: { target: NoticeTarget | null; onClose: () => void; onIssued?: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string; dueOn: dayjs.Dayjs }>();
  const [issue, { loading, error, reset }] = useMutation(IssueSupervisionNoticeMutation, { refetchQueries: ['OverdueByUnit', 'SupervisionNotices', 'MyHome'] });
  return (
    <Modal
      open={!!target}
      title={target ? `督办：${target.activityName}` : ''}
      okText="发出督办通知"
      confirmLoading={loading}
      onCancel={() => { reset(); onClose(); }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {target && (
        <Typography.Paragraph>
          阶段：<strong>{target.stageLabel}</strong>（截止 {target.dueOn}）；责任单位：<strong>{target.unitName}</strong>。
          通知发出后，责任单位须在答复期限内答复，答复与办结情况记入活动台账。
        </Typography.Paragraph>
      )}
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ dueOn: serverNow().add(2, 'day') }}
        onFinish={async (v) => {
          if (!target) return;
          try {
            await issue({ variables: { input: { activityId: target.activityId, stage: target.stage as never, text: v.text, dueOn: toApiDate(v.dueOn) } } });
            message.success(`督办通知已发给${target.unitName}`);
            onIssued?.();
            onClose();
          } catch (e) {
            applyFieldErrors(form, e);
          }
        }}
      >
        <Form.Item name="text" label="督办内容" rules={[{ required: true, whitespace: true, message: '请填写督办内容' }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder="如：该活动推荐候选已逾期，请于期限内完成推荐并说明逾期原因" />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label="答复期限"
          rules={[
            { required: true, message: '请选择答复期限' },
            { validator: (_, v?: dayjs.Dayjs) => (v && v.isBefore(serverNow(), 'day') ? Promise.reject(new Error(`答复期限不能早于今天（${todayInBeijing()}）`)) : Promise.resolve()) },
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Overdue items grouped by responsible unit; the office can 督办 each one without an open notice. */
/** The overdue list as a query (for homes and the 督办 page). */
export function OverdueByUnitCard() {
  const { data, loading, error } = useQuery(OverdueByUnitQuery, { fetchPolicy: 'cache-and-network' });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return loading ? <Typography.Text type="secondary">加载中…</Typography.Text> : null;
  return <OverdueByUnit units={data.overdueByUnit} />;
}

/** 督办通知 with the unit's answer and the office's outcome; each side acts on its own part. */
export function NoticeList({ filter }: { filter?: { activityId?: string; open?: boolean; mine?: boolean } }) {
  const { role } = useSession();
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(SupervisionNoticesQuery, { variables: { filter: filter ?? null, page: { page: 1, pageSize: 100 } }, fetchPolicy: 'cache-and-network' });
  const [answer] = useMutation(AnswerSupervisionNoticeMutation, { refetchQueries: ['MyHome', 'OverdueByUnit'] });
  const [closeNotice] = useMutation(CloseSupervisionNoticeMutation, { refetchQueries: ['MyHome', 'OverdueByUnit'] });
  const [acting, setActing] = useState<{ notice: Notice; kind: 'answer' | 'close' } | null>(null);
  const [text, setText] = useState('');
  const items = data?.supervisionNotices.items ?? [];
  return (
    <>
      <ListScaffold<Notice>
        label="督办通知"
        rowKey="id"
        rowName={(n) => `${n.activityName} ${n.stageLabel}`}
        size="small"
        loading={loading && !data}
        error={error}
        dataSource={items}
        pagination={false}
        scrollX={900}
        empty="没有督办通知"
        rowProps={() => ({ 'data-testid': 'notice-row' })}
        columns={[
          { title: '活动', key: 'activity', card: 'title', render: (_: unknown, n: Notice) => <Link to={`/activities/${n.activityId}`}>{n.activityName}</Link> },
          { title: '阶段', dataIndex: 'stageLabel', width: 90 },
          { title: '责任单位', dataIndex: 'unitName' },
          {
            title: '督办内容',
            key: 'text',
            render: (_: unknown, n: Notice) => (
              <Space direction="vertical" size={2}>
                <MultilineText>{n.text}</MultilineText>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {n.issuedByName} {formatDateTime(n.issuedAt)}，限 {n.dueOn} 前答复
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '答复',
            key: 'answer',
            render: (_: unknown, n: Notice) =>
              n.answer ? (
                <Space direction="vertical" size={2}>
                  <span data-testid="notice-answer" style={MULTILINE}>{n.answer}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{n.answeredByName} {formatDateTime(n.answeredAt)}</Typography.Text>
                </Space>
              ) : n.answerLate ? <Tag color="red">逾期未答复</Tag> : <Tag>待答复</Tag>,
          },
          {
            title: '办结',
            key: 'outcome',
            render: (_: unknown, n: Notice) =>
              n.closedAt ? (
                <Space direction="vertical" size={2}>
                  <span data-testid="notice-outcome" style={MULTILINE}>{n.outcome}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{n.closedByName} {formatDateTime(n.closedAt)}</Typography.Text>
                </Space>
              ) : <Tag color="processing">办理中</Tag>,
          },
          {
            title: '操作',
            key: 'actions',
            width: 110,
            card: 'action',
            actions: (n: Notice) => [
              n.mine && !n.answer && !n.closedAt && { key: 'answer', label: '答复', type: 'primary', onClick: () => { setText(''); setActing({ notice: n, kind: 'answer' }); } },
              role === Role.OFFICE && !n.closedAt && { key: 'close', label: '办结', onClick: () => { setText(''); setActing({ notice: n, kind: 'close' }); } },
            ],
          },
        ]}
      />
      <Modal
        open={!!acting}
        title={acting?.kind === 'answer' ? `答复督办：${acting.notice.activityName}` : `办结督办：${acting?.notice.activityName ?? ''}`}
        okText={acting?.kind === 'answer' ? '提交答复' : '确认办结'}
        onCancel={() => setActing(null)}
        onOk={async () => {
          if (!acting) return;
          if (!text.trim()) {
            message.error(acting.kind === 'answer' ? '请填写答复' : '请填写办结情况');
            return;
          }
          try {
            if (acting.kind === 'answer') await answer({ variables: { id: acting.notice.id, answer: text } });
            else await closeNotice({ variables: { id: acting.notice.id, outcome: text } });
            message.success(acting.kind === 'answer' ? '已答复，领导小组办公室将收到通知' : '已办结');
            setActing(null);
            await refetch();
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
        destroyOnHidden
      >
        {acting && <Typography.Paragraph type="secondary" style={MULTILINE}>督办内容：{acting.notice.text}</Typography.Paragraph>}
        <Input.TextArea rows={4} maxLength={1000} showCount aria-label={acting?.kind === 'answer' ? '答复内容' : '办结情况'} value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
    </>
  );
}
