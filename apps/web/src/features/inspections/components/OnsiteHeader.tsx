import { useMutation } from '@apollo/client/react';
import { CloudUploadOutlined, WifiOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Tag, Typography } from 'antd';
import { ActivityStatusTag } from '@/features/activities/components/ActivityBits';
import type { InspectionScreen } from '@/features/inspections/hooks/useInspectionScreen';
import { StartActivityMutation } from '@/features/inspections/operations';
import { errorMessage } from '@/shared/errors';
import { formatDateTime } from '@/shared/format';

/** The activity, the connection, the head count, and (for the detachment on the day) the start. */
export function OnsiteHeader({ screen }: { screen: InspectionScreen }) {
  const { message, modal } = App.useApp();
  const [start, startState] = useMutation(StartActivityMutation);
  const { a, outbox, officer, tooEarly, startableFrom } = screen;
  if (!a) return null;
  return (
    <div className="onsite-head">
      <Flex justify="space-between" align="start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={5} style={{ margin: 0 }} ellipsis>{a.name}</Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {a.venue} · {formatDateTime(a.startsAt)}
          </Typography.Text>
        </div>
        <ActivityStatusTag status={a.status} />
      </Flex>
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        {outbox.online ? (
          <Tag color="success" icon={<WifiOutlined />} data-testid="net-status">在线</Tag>
        ) : (
          <Tag color="warning" icon={<WifiOutlined />} data-testid="net-status">离线，记录保存在本机</Tag>
        )}
        <Tag>在岗 {screen.guards.length} 人 / 所需 {a.guardsRequired} 人</Tag>
        {outbox.waiting > 0 && (
          <Tag color="processing" icon={<CloudUploadOutlined />} data-testid="pending-count">待发送 {outbox.waiting}</Tag>
        )}
      </Flex>
      {!screen.live && screen.cached && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title={`离线：显示 ${formatDateTime(screen.cached.savedAt)} 缓存的在岗名单`} />
      )}
      {officer && a.status === 'READY' && tooEarly && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="start-refused"
          title={`活动${formatDateTime(a.startsAt)}开始，现场监管最早于活动当天开始：可于 ${formatDateTime(startableFrom!)} 起开始`} />
      )}
      {officer && a.status === 'READY' && (
        <Button type="primary" size="large" block className="onsite-big" style={{ marginTop: 8 }} loading={startState.loading} disabled={tooEarly}
          onClick={() =>
            modal.confirm({
              title: '活动开始，进入现场监管？',
              content: '确认后活动转为“进行中”，开始现场检查；保安服务公司和主办单位将收到通知。此操作不能撤销。',
              okText: '确认开始',
              cancelText: '取消',
              onOk: async () => {
                try {
                  await start({ variables: { id: a.id } });
                  message.success('活动已开始，可以开始现场检查');
                  await screen.activity.refetch();
                } catch (e) {
                  message.error(errorMessage(e));
                }
              },
            })
          }>
          {tooEarly ? '尚未到现场监管开始时间' : '活动开始，进入现场监管'}
        </Button>
      )}
    </div>
  );
}
