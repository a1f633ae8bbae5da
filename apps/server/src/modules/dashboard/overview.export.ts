import { districtLabels } from '@evs/schema';
import ExcelJS from 'exceljs';
import { formatStampCN } from '../../common/calendar';
import { Overview, OverviewCount, OverviewGroup } from './dashboard.types';

const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The overview's figures as a workbook: every headline figure and one sheet per chart or table of the screen, each headed by the period and district. */
export async function overviewWorkbook(o: Overview, who: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大型活动安保前置审核系统';
  wb.created = o.generatedAt;
  const scope = `统计期间：${o.from} 至 ${o.to}（按活动开始日期）　辖区：${o.district ? districtLabels[o.district] : '全市'}　导出：${who}　${formatStampCN(o.generatedAt)}`;

  const sheet = (name: string, title: string, header: string[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([title]).font = { bold: true, size: 14 };
    ws.addRow([scope]).font = { color: { argb: 'FF666666' } };
    ws.addRow([]);
    const h = ws.addRow(header);
    h.font = { bold: true };
    h.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      c.border = { bottom: { style: 'thin' } };
    });
    rows.forEach((r) => ws.addRow(r));
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 28 : 14));
    ws.views = [{ state: 'frozen', ySplit: 4 }];
  };
  const counts = (items: OverviewCount[]) => items.map((c) => [c.label, c.value]);
  const groups = (items: OverviewGroup[]) => items.map((g) => [g.label, ...g.parts.map((p) => p.value), g.parts.reduce((a, p) => a + p.value, 0)]);

  const h = o.headline;
  sheet('关键数字', '领导小组办公室总览：关键数字', ['指标', '数值'], [
    ['期间内活动（不含草稿）', h.activities],
    ['其中未结束', h.activitiesOpen],
    ['其中阶段逾期', h.activitiesLate],
    ['候选不足3家的活动', h.activitiesFewCandidates],
    ['严重问题未纠正即总结的活动', h.activitiesClosedWithSerious],
    ['合格公司', h.companiesQualified],
    ['公司总数', h.companiesTotal],
    ['已审核保安员（人次）', h.guardsVetted],
    ['审核通过（人次）', h.guardsPassed],
    ['待审核（人次）', h.guardsPending],
    ['审核通过率', pct(h.vettingPassRate)],
    ['培训考核合格率', pct(h.trainingPassRate)],
    ['上岗保安员（人次）', h.guardsOnDuty],
    ['未纠正的现场问题', h.findingsOpen],
    ['现场问题合计', h.findingsTotal],
  ]);
  sheet('公司', '各辖区保安服务公司（合格 = 正常经营、许可证有效、无未纠正严重问题）', ['辖区', '合格', '不合格', '合计'], groups(o.companiesByDistrict));
  sheet('背景审核', '背景审核结论与不通过原因', ['项目', '人次'], [
    ...counts(o.vettingOutcomes),
    [],
    ['不通过原因', ''],
    ...counts(o.failureReasons),
  ]);
  sheet('活动阶段', '各阶段活动与逾期', ['阶段', '按期', '逾期', '合计'], [
    ...groups(o.activitiesByStage),
    [],
    ['逾期阶段', '活动数'],
    ...counts(o.lateByStage),
    [],
    [o.fewCandidates.label, o.fewCandidates.value],
  ]);
  sheet('按期情况', '各责任单位按期情况（各阶段截止日期）', ['责任单位', '按期完成', '逾期完成', '逾期未完成', '进行中', '合计'],
    o.punctuality.map((u) => [u.unitName, u.onTime, u.late, u.overdue, u.open, u.onTime + u.late + u.overdue + u.open]));
  sheet('岗前培训', `岗前培训考核（合格率 ${pct(h.trainingPassRate)}）`, ['结果', '人次'], counts(o.trainingOutcomes));
  sheet('现场问题', '现场检查问题', ['检查项目', '未纠正', '已纠正', '合计'], [
    ...groups(o.findingsByItem),
    [],
    ['问题最多的公司', '未纠正', '已纠正', '合计'],
    ...groups(o.findingsByCompany),
  ]);
  sheet('年龄结构', '上岗保安员年龄结构（按活动开始日年龄）', ['年龄段', '人次'], counts(o.ageProfile));
  return wb;
}
