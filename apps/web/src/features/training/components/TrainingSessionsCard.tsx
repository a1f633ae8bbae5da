import { useMutation } from '@apollo/client/react';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TrainingTopic } from '@evs/schema';
import { errorMessage } from '@/shared/errors';
import { formatDateTime } from '@/shared/format';
import { CancelTrainingSessionMutation } from '../operations';
import { sessionHeadcount, topicNames, type TrainingSession } from '../training';

interface Props {
  sessions: TrainingSession[];
  /** The officer may record results (the activity in training or ready). */
  manage: boolean;
  /** The officer may change and cancel a session not yet begun (in training or ready, and back in vetting after a withdrawn pass). */
  arrange: boolean;
  onRecord: (s: TrainingSession) => void;
  onEdit: (s: TrainingSession) => void;
  onCancelled: () => Promise<unknown>;
}

/** 培训安排: every session with its sign-in sheet and Excel; before it starts it may change or be cancelled, once it has begun its results are recorded. */
export function TrainingSessionsCard({ sessions, manage, arrange, onRecord, onEdit, onCancelled }: Props) {
  const { message, modal } = App.useApp();
  const [cancelSession] = useMutation(CancelTrainingSessionMutation);

  const cancel = (s: TrainingSession) => {
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
          await onCancelled();
        } catch (e) {
          message.error(errorMessage(e));
          throw e;
        }
      },
    });
  };

  const columns = [
    { title: '时间', dataIndex: 'startsAt', render: (v: string) => formatDateTime(v) },
    {
      title: '类型',
      render: (_: unknown, s: TrainingSession) => (
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
    { title: '人数', render: (_: unknown, s: TrainingSession) => sessionHeadcount(s) },
    {
      title: '操作',
      render: (_: unknown, s: TrainingSession) => (
        <Space wrap>
          <Link to={`/training/sessions/${s.id}/sheet`}><Button size="small" icon={<PrinterOutlined />}>签到表</Button></Link>
          <Button size="small" icon={<DownloadOutlined />} href={`/exports/training/${s.id}.xlsx`}>Excel</Button>
          {manage && !s.cancelledAt && s.started && (
            <Button size="small" type={s.resultsRecorded ? 'default' : 'primary'} onClick={() => onRecord(s)}>
              {s.resultsRecorded ? '修改结果' : '登记结果'}
            </Button>
          )}
          {manage && !s.cancelledAt && !s.started && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>开始后可登记结果（{formatDateTime(s.startsAt)} 起）</Typography.Text>
          )}
          {arrange && !s.cancelledAt && !s.started && (
            <>
              <Button size="small" onClick={() => onEdit(s)}>修改</Button>
              <Button size="small" danger onClick={() => cancel(s)}>取消</Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title="培训安排" variant="borderless">
      {sessions.length === 0 ? <Empty description="尚未安排培训" /> : <Table rowKey="id" size="small" columns={columns} dataSource={sessions} pagination={false} scroll={{ x: 900 }} />}
    </Card>
  );
}
