import { lazy, Suspense, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, Descriptions, Empty, Flex, List, Progress, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { activityStatusLabels, companyStatusLabels, districtLabels, lateStageLabels, Role } from '@evs/schema';
import type { MyHomeQuery as MyHomeResult } from '@/gql/graphql';
import { WorkQueueQuery } from '@/features/deadlines/operations';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { labelOf } from '@/shared/labels';
import { useSession } from '@/shared/session';
import { activate, activateByKey } from '@/shared/activate';
import { OKABE, WARN_TEXT } from '../palette';
import { MyHomeQuery } from '../operations';
import './dashboard.css';
import { formatDateTime } from '@/shared/format';

type HomeData = MyHomeResult['myHome'];

/** Only the office and the leader need the overview (and its date picker) on their home. */
// the table and the 督办 dialog (with its date picker) load after the home page shows: not part of its first load
const LazyOverdueByUnit = lazy(() => import('@/features/supervision/components/Supervision').then((m) => ({ default: m.OverdueByUnit })));
const OverdueByUnit = (props: { units: HomeData['overdue'] }) => (
  <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
    <LazyOverdueByUnit {...props} />
  </Suspense>
);
const OverviewDashboard = lazy(() => import('./OverviewDashboard').then((m) => ({ default: m.OverviewDashboard })));

/** The figures at the top of every home; each opens the page it counts. */
function Counts({ counts }: { counts: HomeData['counts'] }) {
  const navigate = useNavigate();
  return (
    <Row gutter={[12, 12]} data-testid="home-counts">
      {counts.map((c) => (
        <Col key={c.key} xs={12} sm={8} lg={Math.max(4, Math.floor(24 / counts.length))}>
          <Card
            variant="borderless"
            className={`home-count${c.link ? ' clickable' : ''}`}
            {...(c.link ? activate(() => navigate(c.link!)) : {})}
            data-testid={`home-count-${c.key}`}
            styles={{ body: { padding: '12px 16px' } }}
          >
            <Statistic
              title={c.label}
              value={c.value}
              valueStyle={{ fontSize: 24, color: c.warn ? OKABE.vermillion : undefined }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Section({ title, extra, children, testId }: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card title={title} extra={extra} variant="borderless" style={{ marginTop: 16 }} data-testid={testId} styles={{ body: { paddingTop: 4 } }}>
      {children}
    </Card>
  );
}

const daysText = (d: number) => (d > 0 ? `${d} 天后开始` : d === 0 ? '今天开始' : `已开始 ${-d} 天`);

/** Activities with their stage, what waits on whom, and (when known) vetting figures. */
function ActivityList({ items, emptyText, showVetting }: { items: HomeData['activities']; emptyText: string; showVetting: boolean }) {
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

/** 保安管理支队: the deadlines module's work queue, soonest deadline first. */
function DetachmentQueue() {
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(WorkQueueQuery, { variables: { page: { page: 1, pageSize: 8 } } });
  const queue = data?.workQueue;
  return (
    <Section
      testId="home-queue"
      title="工作队列（按截止时间）"
      extra={<Typography.Link onClick={() => navigate('/queue')}>全部 {queue?.total ?? ''}</Typography.Link>}
    >
      {error && <ErrorAlert error={error} />}
      <List
        loading={loading && !queue}
        dataSource={queue?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有等待保安管理支队处理的事项" /> }}
        renderItem={(w) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(w.link)} data-testid="home-queue-item" extra={<RightOutlined style={{ color: '#bfbfbf' }} />}>
            <div className="list-item-action" {...activateByKey(() => navigate(w.link))}>
            <List.Item.Meta
              title={
                <Flex wrap gap={6} align="center">
                  <Typography.Text strong>{w.task}</Typography.Text>
                  {w.late ? <Tag color="orange">已逾期 {-w.daysLeft} 天</Tag> : <Tag>{w.daysLeft === 0 ? '今天截止' : `${w.daysLeft} 天后截止`}</Tag>}
                </Flex>
              }
              description={
                <Flex vertical gap={2}>
                  <span>{w.activityName}（{labelOf(activityStatusLabels, w.status)}）</span>
                  <span className="home-activity-meta">
                    截止 {w.dueOn} · {labelOf(districtLabels, w.district)} · {w.detail}
                  </span>
                </Flex>
              }
            />
            </div>
          </List.Item>
        )}
      />
    </Section>
  );
}

/** 保安服务公司: profile, assignments, outcomes, training dates, age profile of the register. */
function CompanyHome({ home }: { home: HomeData }) {
  const navigate = useNavigate();
  const c = home.company;
  const totalOutcomes = home.outcomes.reduce((a, o) => a + o.value, 0);
  const totalAges = home.ageProfile.reduce((a, o) => a + o.value, 0);
  const outcomeColor: Record<string, string> = { PASSED: OKABE.green, FAILED: OKABE.vermillion, PENDING: OKABE.grey };
  return (
    <>
      {c && (
        <Section
          testId="home-company"
          title={c.name}
          extra={<Typography.Link onClick={() => navigate('/company/profile')}>公司资料</Typography.Link>}
        >
          {c.qualified ? (
            <Alert type="success" showIcon title="资质正常：正常经营、许可证有效、无未纠正的严重问题" style={{ marginBottom: 12 }} />
          ) : (
            <Alert type="warning" showIcon title="当前不符合推荐条件" description={c.problems.join('；')} style={{ marginBottom: 12 }} />
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'credit', label: '统一社会信用代码', children: c.creditCode },
              { key: 'license', label: '保安服务许可证', children: c.licenseNo },
              {
                key: 'expiry',
                label: '许可证有效期至',
                children: (
                  <span style={{ color: c.licenseDaysLeft < 60 ? WARN_TEXT : undefined }}>
                    {c.licenseExpiry}（{c.licenseDaysLeft >= 0 ? `剩余 ${c.licenseDaysLeft} 天` : '已过期'}）
                  </span>
                ),
              },
              { key: 'status', label: '状态', children: labelOf(companyStatusLabels, c.status as never) },
              { key: 'district', label: '辖区', children: labelOf(districtLabels, c.district) },
            ]}
          />
        </Section>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Section testId="home-assignments" title="任务安排" extra={<Typography.Link onClick={() => navigate('/assignments')}>全部</Typography.Link>}>
            <ActivityList items={home.activities} emptyText="本公司暂未中选任何活动" showVetting />
          </Section>
        </Col>
        <Col xs={24} lg={10}>
          <Section testId="home-outcomes" title="本公司保安员审核结果" extra={<Typography.Link onClick={() => navigate('/vetting/results')}>明细</Typography.Link>}>
            {totalOutcomes === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未上报人员名单" />
            ) : (
              home.outcomes.map((o) => (
                <Flex key={o.key} align="center" gap={8} style={{ marginTop: 8 }}>
                  <span style={{ width: 56 }}>{o.label}</span>
                  <Progress aria-label={`${o.label}占比`} percent={Math.round((o.value / totalOutcomes) * 100)} strokeColor={outcomeColor[o.key]} showInfo={false} style={{ flex: 1, margin: 0 }} />
                  <span style={{ width: 44, textAlign: 'right' }} data-testid={`home-outcome-${o.key}`}>{o.value}</span>
                </Flex>
              ))
            )}
          </Section>
          <Section testId="home-trainings" title="培训安排" extra={<Typography.Link onClick={() => navigate('/training')}>全部</Typography.Link>}>
            <List
              dataSource={home.trainings}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近期没有培训安排" /> }}
              renderItem={(t) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Flex gap={6} wrap>
                        <span>{formatDateTime(t.startsAt)}</span>
                        {t.makeup && <Tag color="orange">补训</Tag>}
                      </Flex>
                    }
                    description={`${t.activityName} · ${t.place} · 本公司 ${t.guards} 人`}
                  />
                </List.Item>
              )}
            />
          </Section>
          <Section testId="home-ages" title="在册保安员年龄结构">
            {totalAges === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="名册中还没有保安员" />
            ) : (
              home.ageProfile
                .filter((a) => a.value > 0 || (a.key !== 'UNDER_18' && a.key !== 'OVER_55'))
                .map((a) => (
                  <Flex key={a.key} align="center" gap={8} style={{ marginTop: 6 }}>
                    <span style={{ width: 72 }}>{a.label}</span>
                    <Progress
                      aria-label={`${a.label}占比`}
                      percent={Math.round((a.value / totalAges) * 100)}
                      strokeColor={a.key === 'OVER_55' || a.key === 'UNDER_18' ? OKABE.vermillion : OKABE.blue}
                      showInfo={false}
                      style={{ flex: 1, margin: 0 }}
                    />
                    <span style={{ width: 44, textAlign: 'right' }}>{a.value}</span>
                  </Flex>
                ))
            )}
          </Section>
        </Col>
      </Row>
    </>
  );
}

/** Each role's own figures and work, above the shell's entry cards (SPEC §6). */
export function RoleHome() {
  const me = useSession();
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(MyHomeQuery, { fetchPolicy: 'cache-and-network' });
  const home = data?.myHome;
  if (error) return <ErrorAlert error={error} style={{ marginBottom: 16 }} />;
  if (!home) return loading ? <Card variant="borderless" style={{ marginBottom: 16 }}><Skeleton active /></Card> : null;

  const ownOverdue = home.overdue.filter((u) => u.unitId === me.unit.id);
  const supervision = (
    <>
      {home.noticesToAnswer > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="home-notices"
          title={`有 ${home.noticesToAnswer} 条督办通知待本单位答复`}
          action={<Button size="small" type="primary" onClick={() => navigate('/supervision')}>去答复</Button>}
        />
      )}
    </>
  );
  const body = (() => {
    switch (me.role) {
      case Role.LEADER:
      case Role.OFFICE:
        return (
          <>
            {supervision}
            <Section
              testId="home-overdue"
              title="逾期事项（按责任单位）"
              extra={<Typography.Link onClick={() => navigate('/supervision')}>督办</Typography.Link>}
            >
              <OverdueByUnit units={home.overdue} />
            </Section>
            {me.role === Role.LEADER && me.unit.kind !== 'LEADING_GROUP' && (
              // A member of the leader group in their own unit: that unit's part beside the city's.
              <Section testId="home-own-unit" title={`本单位：${me.unit.name}`}>
                {ownOverdue.length ? <OverdueByUnit units={ownOverdue} /> : <Typography.Text type="secondary">本单位没有逾期事项</Typography.Text>}
                {home.activities.length > 0 && (
                  <div style={{ marginTop: 12 }}>
                    <Typography.Text strong>本辖区活动</Typography.Text>
                    <ActivityList items={home.activities} emptyText="本辖区没有活动" showVetting={false} />
                  </div>
                )}
              </Section>
            )}
            <div style={{ marginTop: 16 }}>
              <Suspense fallback={<Skeleton active />}>
                <OverviewDashboard compact />
              </Suspense>
            </div>
          </>
        );
      case Role.SECURITY_DETACHMENT:
        return (
          <>
            {supervision}
            <DetachmentQueue />
          </>
        );
      case Role.DISTRICT_BUREAU:
      case Role.EVENT_DETACHMENT:
        return (
          <>
          {supervision}
          <Section
            testId="home-activities"
            title={me.role === Role.DISTRICT_BUREAU ? '本辖区活动' : '全市活动'}
            extra={
              <Flex gap={8}>
                <Typography.Link onClick={() => navigate('/activities')}>全部</Typography.Link>
                <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => navigate('/activities/new')} data-testid="home-register">
                  登记活动
                </Button>
              </Flex>
            }
          >
            <ActivityList items={home.activities} emptyText="还没有登记的活动：受理申请后点击“登记活动”" showVetting={false} />
          </Section>
          </>
        );
      case Role.ORGANIZER:
        return (
          <>
            {supervision}
            <Section testId="home-activities" title="我的活动" extra={<Typography.Link onClick={() => navigate('/activities')}>全部</Typography.Link>}>
              <ActivityList items={home.activities} emptyText="本单位还没有登记的活动" showVetting />
            </Section>
          </>
        );
      case Role.COMPANY:
        return (
          <>
            {supervision}
            <CompanyHome home={home} />
          </>
        );
      default:
        return null;
    }
  })();

  return (
    <div style={{ marginBottom: 16 }} data-testid="role-home">
      {home.counts.length > 0 && <Counts counts={home.counts} />}
      {body}
    </div>
  );
}
