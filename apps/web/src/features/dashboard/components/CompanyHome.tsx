import { Col, Empty, Flex, List, Progress, Row, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { formatDateTime } from '@/shared/format';
import { OKABE } from '../palette';
import type { HomeData } from '../hooks/useMyHome';
import { CompanyProfileSection } from './CompanyProfileSection';
import { HomeActivityList } from './HomeActivityList';
import { HomeSection as Section } from './HomeSection';

/** 保安服务公司: profile, assignments, outcomes, training dates, age profile of the register. */
export function CompanyHome({ home }: { home: HomeData }) {
  const navigate = useNavigate();
  const totalOutcomes = home.outcomes.reduce((a, o) => a + o.value, 0);
  const totalAges = home.ageProfile.reduce((a, o) => a + o.value, 0);
  const outcomeColor: Record<string, string> = { PASSED: OKABE.green, FAILED: OKABE.vermillion, PENDING: OKABE.grey };
  return (
    <>
      {home.company && <CompanyProfileSection company={home.company} />}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Section testId="home-assignments" title="任务安排" extra={<Typography.Link onClick={() => navigate('/assignments')}>全部</Typography.Link>}>
            <HomeActivityList items={home.activities} emptyText="本公司暂未中选任何活动" showVetting />
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
