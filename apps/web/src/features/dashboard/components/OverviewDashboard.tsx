import { lazy, Suspense, useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { loadOverviewCharts, overviewCharts } from './loadOverviewCharts';
import type { Count } from './charts';
import { drilldownUrl } from '../drilldown';
import { WARN_TEXT } from '../palette';
import { activate } from '@/shared/activate';
import { useOverviewFilters } from '../hooks/useOverviewFilters';
import { usePolicyAfterPreload } from '@/shared/preload';
import { OverviewQuery } from '../operations';
import './dashboard.css';
import { formatDateTime, formatPercent } from '@/shared/format';

const OverviewCharts = overviewCharts.Component;
/**
 * The period picker and the punctuality table (antd's DatePicker and Table, about 70 KB) are asked for
 * once the charts' chunk is in: on a phone's mobile data they would otherwise share its bandwidth
 * before the first chart is drawn. Their place is held meanwhile.
 */
const afterCharts = () => loadOverviewCharts().catch(() => undefined);
const OverviewPeriodFilter = lazy(() => afterCharts().then(() => import('./OverviewPeriodFilter')).then((m) => ({ default: m.OverviewPeriodFilter })));
const PunctualityTable = lazy(() => afterCharts().then(() => import('./PunctualityTable')).then((m) => ({ default: m.PunctualityTable })));


/**
 * 领导小组办公室 overview: period and district filters (kept in the URL), the headline figures,
 * the charts (lazy), Excel export and a print view. A district bureau is shown its own district
 * only; the API holds it there whatever the filter says.
 */
export function OverviewDashboard({ compact = false }: { compact?: boolean }) {
  const navigate = useNavigate();
  useEffect(() => void loadOverviewCharts().catch(() => undefined), []); // a failure shows where it renders
  const { variables, from, to, district, ownDistrict, update, scopeText, exportHref } = useOverviewFilters();
  const fetchPolicy = usePolicyAfterPreload(OverviewQuery, variables) ?? 'cache-and-network'; // answered by the first load's preload?
  const { data, previousData, loading, error, refetch } = useQuery(OverviewQuery, { variables, fetchPolicy });
  const o = (data ?? previousData)?.overview;

  const open = (c: Count) => navigate(drilldownUrl(c, c.label));
  const h = o?.headline;

  const figure = (title: string, value: React.ReactNode, sub: React.ReactNode, testId: string, onClick?: () => void, warn = false) => (
    <Col xs={12} sm={12} md={8} xl={4}>
      <Card
        variant="borderless"
        className={`headline-card${onClick ? ' clickable' : ''}`}
        {...(onClick ? activate(onClick) : {})}
        data-testid={testId}
        styles={{ body: { padding: '14px 16px' } }}
      >
        <Statistic title={title} value={value as string} valueStyle={{ color: warn ? '#D55E00' : undefined, fontSize: 26 }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sub}
        </Typography.Text>
      </Card>
    </Col>
  );

  return (
    <div className="overview" data-testid="overview">
      <Card variant="borderless" className="overview-filters no-print" styles={{ body: { padding: 12 } }}>
        <Flex wrap gap={8} align="center" justify="space-between">
          <Flex wrap gap={8} align="center">
            <Suspense fallback={<Skeleton.Input active style={{ width: 420 }} />}>
              <OverviewPeriodFilter from={from} to={to} district={district} ownDistrict={ownDistrict} update={update} />
            </Suspense>
          </Flex>
          <Flex wrap gap={8}>
            <Button icon={<ReloadOutlined />} onClick={() => refetch()} loading={loading && !!o}>
              刷新
            </Button>
            <Button icon={<DownloadOutlined />} href={exportHref} data-testid="overview-export">
              导出Excel
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
          </Flex>
        </Flex>
      </Card>
      <div className="print-only print-title">
        <h2>大型活动安保前置审核 · 总览</h2>
        <div>{scopeText}（按活动开始日期）　打印时间 {formatDateTime(new Date())}</div>
      </div>
      {error && <ErrorAlert error={error} />}
      {!o ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <>
          <Flex gap={8} align="center" wrap style={{ margin: '12px 0 8px' }}>
            <Typography.Text type="secondary">统计期间</Typography.Text>
            <Tag color="blue" data-testid="overview-scope">{scopeText}</Tag>
            {ownDistrict && <Tag>县区公安局仅可查看本辖区</Tag>}
          </Flex>
          <Row gutter={[12, 12]} className="headline">
            {figure('期间内活动', h!.activities, <>未结束 {h!.activitiesOpen} · 逾期 <b style={{ color: h!.activitiesLate ? WARN_TEXT : undefined }}>{h!.activitiesLate}</b></>, 'figure-activities',
              () => navigate(drilldownUrl({ kind: 'ACTIVITIES', filter: { from, to, district } }, '期间内活动')))}
            {figure('合格公司', `${h!.companiesQualified} / ${h!.companiesTotal}`, '正常经营·许可证有效·无未纠正严重问题', 'figure-companies',
              () => navigate(drilldownUrl({ kind: 'COMPANIES', filter: { district, qualified: true } }, '合格公司')))}
            {figure('已审核保安员', h!.guardsVetted, <>通过率 {formatPercent(h!.vettingPassRate)} · 待审 {h!.guardsPending}</>, 'figure-vetted',
              () => navigate(drilldownUrl({ kind: 'VETTING_ENTRIES', filter: { from, to, district } }, '审核记录')))}
            {figure('培训合格率', formatPercent(h!.trainingPassRate), <>上岗人次 {h!.guardsOnDuty}</>, 'figure-training',
              () => navigate(drilldownUrl({ kind: 'TRAINING_RESULTS', filter: { from, to, district } }, '培训考核记录')))}
            {figure('未纠正问题', h!.findingsOpen, <>现场问题共 {h!.findingsTotal} 起</>, 'figure-findings',
              () => navigate(drilldownUrl({ kind: 'FINDINGS', filter: { from, to, district, open: true } }, '未纠正问题')), h!.findingsOpen > 0)}
            {figure('候选不足3家', h!.activitiesFewCandidates, '须附书面说明', 'figure-few',
              () => navigate(drilldownUrl({ kind: 'ACTIVITIES', filter: { from, to, district, fewCandidates: true } }, '候选不足3家的活动')), h!.activitiesFewCandidates > 0)}
            {figure('严重问题未纠正即总结', h!.activitiesClosedWithSerious, '附书面说明，见台账', 'figure-closed-serious',
              () => navigate(drilldownUrl({ kind: 'ACTIVITIES', filter: { from, to, district, closedWithSerious: true } }, '严重问题未纠正即总结的活动')), h!.activitiesClosedWithSerious > 0)}
          </Row>
          <Card title="各责任单位按期情况" variant="borderless" style={{ marginTop: 12 }} data-testid="punctuality" styles={{ body: { paddingTop: 4 } }}>
            <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
              <PunctualityTable rows={o.punctuality} />
            </Suspense>
          </Card>
          {!compact && (
            <Typography.Paragraph type="secondary" className="no-print" style={{ margin: '12px 0 8px', fontSize: 12 }}>
              点击任一柱形或扇区，查看其背后的名单。
            </Typography.Paragraph>
          )}
          <div style={{ marginTop: compact ? 12 : 0 }}>
            <Suspense fallback={<Card variant="borderless"><Skeleton active paragraph={{ rows: 8 }} /></Card>}>
              <OverviewCharts data={o} onSelect={open} periodText={scopeText} />
            </Suspense>
          </div>
        </>
      )}
    </div>
  );
}
