/** The overview's charts (lazy chunk: recharts loads with it, not with the app). */
import { Col, Row, Typography } from 'antd';
import { formatPercent } from '@/shared/format';
import { ChartCard, Columns, Donut, DrawInTurn, OKABE_ITO as C, StackedBars, type Count, type Group } from './charts';

export interface OverviewChartsData {
  headline: { vettingPassRate?: number | null; trainingPassRate?: number | null; activitiesFewCandidates: number };
  companiesByDistrict: Group[];
  vettingOutcomes: Count[];
  failureReasons: Count[];
  activitiesByStage: Group[];
  lateByStage: Count[];
  fewCandidates: Count;
  trainingOutcomes: Count[];
  findingsByItem: Group[];
  findingsByCompany: Group[];
  ageProfile: Count[];
}

const total = (items: Count[]) => items.reduce((a, c) => a + c.value, 0);
const groupTotal = (groups: Group[]) => groups.reduce((a, g) => a + total(g.parts), 0);

export default function OverviewCharts({ data, onSelect, periodText }: { data: OverviewChartsData; onSelect: (c: Count) => void; periodText: string }) {
  const noActivities = groupTotal(data.activitiesByStage) === 0;
  // Bands outside the usual range are shown only when someone is in them.
  const ages = data.ageProfile.filter((c) => (c.key !== 'UNDER_18' && c.key !== 'OVER_55') || c.value > 0);
  const stages = data.activitiesByStage.filter((g) => total(g.parts) > 0);
  const items = data.findingsByItem.filter((g) => total(g.parts) > 0);
  return (
    <DrawInTurn count={9}>
    <Row gutter={[16, 16]} className="overview-charts">
      <Col xs={24} lg={12}>
        <ChartCard
          testId="chart-companies"
          turn={0}
          title="各辖区保安服务公司"
          subtitle="合格 = 正常经营、许可证有效、无未纠正严重问题"
          empty={groupTotal(data.companiesByDistrict) === 0}
          emptyText="所选辖区内没有登记的保安服务公司"
        >
          <StackedBars groups={data.companiesByDistrict} colors={[C.green, C.vermillion]} onSelect={onSelect} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          testId="chart-stages"
          turn={1}
          title="各阶段活动"
          subtitle={periodText}
          empty={noActivities}
          emptyText="所选期间内没有活动"
        >
          <StackedBars groups={stages} colors={[C.blue, C.orange]} horizontal height={Math.max(200, 36 * stages.length + 60)} onSelect={onSelect} categoryWidth={84} />
        </ChartCard>
      </Col>
      <Col xs={24} md={12} lg={8}>
        <ChartCard
          testId="chart-vetting"
          turn={2}
          title="背景审核结论"
          subtitle={`通过率 ${formatPercent(data.headline.vettingPassRate)}`}
          empty={total(data.vettingOutcomes) === 0}
          emptyText={noActivities ? '所选期间内没有活动' : '所选期间内的活动尚未上报人员名单'}
        >
          <Donut
            items={data.vettingOutcomes}
            colors={[C.green, C.vermillion, C.grey]}
            center={formatPercent(data.headline.vettingPassRate)}
            centerLabel="通过率"
            onSelect={onSelect}
          />
        </ChartCard>
      </Col>
      <Col xs={24} md={12} lg={8}>
        <ChartCard
          testId="chart-failures"
          turn={3}
          title="审核不通过原因"
          empty={total(data.failureReasons) === 0}
          emptyText={total(data.vettingOutcomes) === 0 ? '所选期间内没有审核记录' : '所选期间内没有审核不通过的保安员'}
        >
          <Columns items={data.failureReasons} color={[C.vermillion, C.purple, C.orange, C.grey]} horizontal name="人次" categoryWidth={140} onSelect={onSelect} />
        </ChartCard>
      </Col>
      <Col xs={24} md={12} lg={8}>
        <ChartCard
          testId="chart-late"
          turn={4}
          title="逾期阶段与候选不足"
          subtitle="截止天数见“设置”"
          empty={noActivities}
          emptyText="所选期间内没有活动"
        >
          <Columns
            items={[...data.lateByStage, data.fewCandidates]}
            color={[C.orange, C.orange, C.orange, C.purple]}
            horizontal
            name="活动数"
            onSelect={onSelect}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '0 8px' }}>
            候选不足3家的活动须有书面说明；点击查看。
          </Typography.Paragraph>
        </ChartCard>
      </Col>
      <Col xs={24} md={12} lg={8}>
        <ChartCard
          testId="chart-training"
          turn={5}
          title="岗前培训考核"
          subtitle="缺勤计为不合格"
          empty={total(data.trainingOutcomes) === 0}
          emptyText={noActivities ? '所选期间内没有活动' : '所选期间内尚未举行岗前培训'}
        >
          <Donut
            items={data.trainingOutcomes}
            colors={[C.green, C.vermillion, C.orange, C.grey]}
            center={formatPercent(data.headline.trainingPassRate)}
            centerLabel="合格率"
            onSelect={onSelect}
          />
        </ChartCard>
      </Col>
      <Col xs={24} md={12} lg={16}>
        <ChartCard
          testId="chart-age"
          turn={6}
          title="上岗保安员年龄结构"
          subtitle="审核通过且培训合格，按活动当天年龄（人次）"
          empty={total(data.ageProfile) === 0}
          emptyText={noActivities ? '所选期间内没有活动' : '所选期间内还没有培训合格的上岗人员'}
        >
          <Columns items={ages} color={[C.sky, C.blue, C.green, C.orange, C.vermillion, C.purple]} name="人次" onSelect={onSelect} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          testId="chart-findings-item"
          turn={7}
          title="现场检查问题（按项目）"
          empty={items.length === 0}
          emptyText={noActivities ? '所选期间内没有活动' : '所选期间内现场检查未发现问题'}
        >
          <StackedBars groups={items} colors={[C.vermillion, C.sky]} horizontal height={Math.max(180, 40 * items.length + 60)} categoryWidth={120} onSelect={onSelect} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          testId="chart-findings-company"
          turn={8}
          title="现场问题最多的公司（前10）"
          empty={data.findingsByCompany.length === 0}
          emptyText={noActivities ? '所选期间内没有活动' : '所选期间内现场检查未发现公司问题'}
        >
          <StackedBars
            groups={data.findingsByCompany}
            colors={[C.vermillion, C.sky]}
            horizontal
            height={Math.max(180, 32 * data.findingsByCompany.length + 60)}
            categoryWidth={132}
            onSelect={onSelect}
          />
        </ChartCard>
      </Col>
    </Row>
    </DrawInTurn>
  );
}
