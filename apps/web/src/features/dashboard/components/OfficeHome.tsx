import { lazy, Suspense, useEffect } from 'react';
import { Skeleton, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useSession } from '@/shared/session';
import type { HomeData } from '../hooks/useMyHome';
import { HomeActivityList } from './HomeActivityList';
import { HomeSection as Section } from './HomeSection';
import { loadOverviewCharts, overviewDashboard } from './loadOverviewCharts';

/** Only the office and the leader need the overview (and its date picker) on their home. */
// the overdue list loads after the home page shows, its 督办 dialog when first tapped (OverdueByUnit.tsx): not part of the first load
const LazyOverdueByUnit = lazy(() => import('@/features/supervision/components/OverdueByUnit').then((m) => ({ default: m.OverdueByUnit })));
const OverdueByUnit = (props: { units: HomeData['overdue'] }) => (
  <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
    <LazyOverdueByUnit {...props} />
  </Suspense>
);
const OverviewDashboard = overviewDashboard.Component;

/** 领导小组办公室 and the leaders: overdue items by unit (督办), a member's own unit, and the city overview. */
export function OfficeHome({ home }: { home: HomeData }) {
  const me = useSession();
  const navigate = useNavigate();
  // the charts' chunk (recharts) downloads with the dashboard's, not after its query has answered
  useEffect(() => void loadOverviewCharts().catch(() => undefined), []);
  const ownOverdue = home.overdue.filter((u) => u.unitId === me.unit.id);
  return (
    <>
      <Section testId="home-overdue" title="逾期事项（按责任单位）" extra={<Typography.Link onClick={() => navigate('/supervision')}>督办</Typography.Link>}>
        <OverdueByUnit units={home.overdue} />
      </Section>
      {me.role === 'LEADER' && me.unit.kind !== 'LEADING_GROUP' && (
        // A member of the leader group in their own unit: that unit's part beside the city's.
        <Section testId="home-own-unit" title={`本单位：${me.unit.name}`}>
          {ownOverdue.length ? <OverdueByUnit units={ownOverdue} /> : <Typography.Text type="secondary">本单位没有逾期事项</Typography.Text>}
          {home.activities.length > 0 && (
            <div style={{ marginTop: 12 }}>
              <Typography.Text strong>本辖区活动</Typography.Text>
              <HomeActivityList items={home.activities} emptyText="本辖区没有活动" showVetting={false} />
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
}
