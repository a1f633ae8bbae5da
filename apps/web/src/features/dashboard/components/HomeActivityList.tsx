import { RightOutlined } from '@ant-design/icons';
import { Badge, Empty, Flex, List, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { activityStatusLabels, districtLabels, lateStageLabels } from '@evs/schema';
import { activateByKey } from '@/shared/activate';
import { formatDateTime } from '@/shared/format';
import { labelOf } from '@/shared/labels';
import { WARN_TEXT } from '../palette';
import type { HomeData } from '../hooks/useMyHome';

const daysText = (d: number) => (d > 0 ? `${d} 天后开始` : d === 0 ? '今天开始' : `已开始 ${-d} 天`);

/** Activities with their stage, what waits on whom, and (when known) vetting figures. */
export function HomeActivityList({ items, emptyText, showVetting }: { items: HomeData['activities']; emptyText: string; showVetting: boolean }) {
  const navigate = useNavigate();
  return (
    <List
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      renderItem={(a) => (
        <List.Item
          style={{ cursor: 'pointer' }}
          onClick={() => navigate(a.link)}
          data-testid="home-activity"
          extra={<RightOutlined style={{ color: '#bfbfbf' }} />}
        >
          <div className="list-item-action" {...activateByKey(() => navigate(a.link))}>
          <List.Item.Meta
            title={
              <Flex wrap gap={6} align="center">
                <Typography.Text strong>{a.name}</Typography.Text>
                <Tag color="blue">{labelOf(activityStatusLabels, a.status)}</Tag>
                {a.lateStage && <Tag color="orange">{labelOf(lateStageLabels, a.lateStage)}</Tag>}
                {a.myTurn && <Tag color="magenta">待我处理</Tag>}
              </Flex>
            }
            description={
              <Flex vertical gap={2}>
                <span className="home-activity-meta">
                  {a.code} · {labelOf(districtLabels, a.district)} · {a.venue} · {formatDateTime(a.startsAt)}（{daysText(a.daysLeft)}）· 需保安员 {a.guardsRequired} 人
                </span>
                <span>
                  <Badge status={a.myTurn ? 'processing' : 'default'} text={a.waitingOn} />
                  {showVetting && a.vettingPassed + a.vettingFailed + a.vettingPending > 0 && (
                    <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
                      审核：通过 {a.vettingPassed} · 不通过 {a.vettingFailed} · 待审 {a.vettingPending}
                    </Typography.Text>
                  )}
                  {a.nextTrainingAt && (
                    <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
                      培训：{formatDateTime(a.nextTrainingAt)}
                    </Typography.Text>
                  )}
                  {a.findingsOpen > 0 && (
                    <Typography.Text style={{ marginLeft: 12, fontSize: 12, color: WARN_TEXT }}>未纠正问题 {a.findingsOpen}</Typography.Text>
                  )}
                </span>
              </Flex>
            }
          />
          </div>
        </List.Item>
      )}
    />
  );
}
