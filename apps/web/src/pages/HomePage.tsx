import { useQuery } from '@apollo/client/react';
import { RightOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Flex, List, Row, Steps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { districtLabels, roleLabels, unitKindLabels } from '@evs/schema';
import { featureRoutes, listedFor, titleFor } from '@/app/routes';
import { LATEST_NOTICES } from '@/features/dashboard/preload';
import { NotificationsQuery } from '@/features/notifications/operations';
import { RoleHome } from '@/features/dashboard/components/RoleHome';
import { labelOf } from '@/shared/labels';
import { PageContainer } from '@/shared/PageContainer';
import { useSession } from '@/shared/session';
import { formatDateTime, formatDateWithWeekday } from '@/shared/format';
import { usePolicyAfterPreload } from '@/shared/preload';

const palette = ['#1d4f9c', '#13a8a8', '#d48806', '#389e0d', '#722ed1', '#c41d7f', '#0958d9', '#cf1322'];

const lifecycle = ['请示通报', '请示批示', '合理推荐', '遴选', '背景审核', '岗前培训', '现场监管', '总结'];

function greeting() {
  const h = dayjs().hour();
  return h < 6 ? '凌晨好' : h < 12 ? '上午好' : h < 14 ? '中午好' : h < 18 ? '下午好' : '晚上好';
}

/** Each role's home: who is logged in, and the places its work lives (from the route registry). */
export default function HomePage() {
  const me = useSession();
  const navigate = useNavigate();
  const places = featureRoutes.filter((r) => r.home && listedFor(r, me, r.home.roles ?? r.roles));
  const fetchPolicy = usePolicyAfterPreload(NotificationsQuery, LATEST_NOTICES); // answered by the first load's preload?
  const { data: notices, loading } = useQuery(NotificationsQuery, { variables: LATEST_NOTICES, fetchPolicy });

  return (
    <PageContainer
      breadcrumb={false}
      title="工作台"
      header={
        <Flex gap={16} align="center" wrap>
          <span className="user-initials large" aria-hidden>
            {me.displayName.slice(-2)}
          </span>
          <div style={{ flex: 1, minWidth: 220 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="home-greeting">
              {greeting()}，{me.displayName}
            </Typography.Title>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 4 }}
              style={{ marginTop: 8 }}
              items={[
                { key: 'role', label: '角色', children: <Tag color="blue" data-testid="home-role">{roleLabels[me.role]}</Tag> },
                { key: 'unit', label: '单位', children: <span data-testid="home-unit">{me.unit.name}</span> },
                { key: 'kind', label: '单位类型', children: labelOf(unitKindLabels, me.unit.kind) },
                ...(me.unit.district ? [{ key: 'district', label: '辖区', children: labelOf(districtLabels, me.unit.district) }] : []),
                { key: 'username', label: '用户名', children: me.username },
              ]}
            />
          </div>
          <Typography.Text type="secondary">{formatDateWithWeekday(new Date())}</Typography.Text>
        </Flex>
      }
    >
      <RoleHome />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title="工作入口" variant="borderless">
            {places.length === 0 ? (
              <Empty description="暂无可用功能" />
            ) : (
              <Row gutter={[16, 16]} data-testid="home-places">
                {places.map((r, i) => (
                  <Col key={r.path} xs={24} sm={12} lg={8}>
                    <Card size="small" className="entry-card" onClick={() => navigate(r.path)} data-testid="home-place">
                      <Flex gap={12} align="center">
                        <span className="entry-icon" style={{ color: palette[i % palette.length], background: `${palette[i % palette.length]}14` }}>
                          {r.menu?.icon}
                        </span>
                        <div style={{ flex: 1, minWidth: 0 }}>
                          <Typography.Text strong>{titleFor(r, me.role)}</Typography.Text>
                          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 12 }}>
                            {r.home!.description}
                          </Typography.Paragraph>
                        </div>
                        <RightOutlined style={{ color: '#bfbfbf' }} />
                      </Flex>
                    </Card>
                  </Col>
                ))}
              </Row>
            )}
          </Card>
          <Card title="大型活动安保工作流程" variant="borderless" style={{ marginTop: 16 }}>
            <Steps size="small" titlePlacement="vertical" current={-1} items={lifecycle.map((title) => ({ title }))} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card
            title="最新通知"
            variant="borderless"
            extra={
              <Typography.Link onClick={() => navigate('/notifications')}>
                全部
              </Typography.Link>
            }
          >
            <List
              loading={loading && !notices}
              dataSource={notices?.notifications.items ?? []}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" /> }}
              renderItem={(n) => (
                <List.Item style={{ cursor: n.link ? 'pointer' : undefined }} onClick={() => n.link && navigate(n.link)}>
                  <List.Item.Meta
                    title={
                      <Flex justify="space-between" gap={8}>
                        <Typography.Text strong={!n.readAt} ellipsis>
                          {n.title}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
                          {formatDateTime(n.createdAt)}
                        </Typography.Text>
                      </Flex>
                    }
                    description={<Typography.Text type="secondary" ellipsis>{n.body}</Typography.Text>}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
