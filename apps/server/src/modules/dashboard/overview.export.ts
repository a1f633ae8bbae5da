import { districtLabels, District, roleLabels } from '@evs/schema';
import cookieParser from 'cookie-parser';
import ExcelJS from 'exceljs';
import { Router } from 'express';
import { DomainError } from '../../common/errors';
import { sendError } from '../../common/http-errors';
import type { Services } from '../../services';
import { SESSION_COOKIE } from '../auth/auth.service';
import { assertSeesOverview } from './dashboard.policy';
import { Overview, OverviewCount, OverviewGroup } from './dashboard.types';


function thisYear(): { from: string; to: string } {
  const y = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The overview's figures as a workbook: one sheet per chart, each headed by the period and district. */
export async function overviewWorkbook(o: Overview, who: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大型活动安保前置审核系统';
  wb.created = o.generatedAt;
  const scope = `统计期间：${o.from} 至 ${o.to}（按活动开始日期）　辖区：${o.district ? districtLabels[o.district] : '全市'}　导出：${who}　${o.generatedAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`;

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

/** GET /exports/overview.xlsx?from&to&district — the session cookie decides who asks, the API rules what they see. */
export function overviewExportRouter(services: Services): Router {
  const router = Router();
  router.get('/exports/overview.xlsx', cookieParser(), async (req, res) => {
    try {
      const token = req.cookies?.[SESSION_COOKIE] as string | undefined;
      const actor = token ? await services.auth.actorForToken(token) : null;
      if (!actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
      res.locals.userId = actor.id;
      if (actor.mustChangePassword) throw new DomainError('FORBIDDEN', '首次登录请先修改密码');
      assertSeesOverview(actor, '无权导出总览');
      const year = thisYear();
      const from = typeof req.query.from === 'string' && req.query.from ? req.query.from : year.from;
      const to = typeof req.query.to === 'string' && req.query.to ? req.query.to : year.to;
      const d = typeof req.query.district === 'string' && req.query.district ? req.query.district : null;
      if (d && !(d in districtLabels)) throw new DomainError('BAD_USER_INPUT', '未知的辖区');
      const overview = await services.overview.overview(actor, from, to, d as District | null);
      const wb = await overviewWorkbook(overview, `${actor.displayName}（${roleLabels[actor.role]}）`);
      const name = `总览_${overview.from}_${overview.to}${overview.district ? `_${districtLabels[overview.district]}` : ''}.xlsx`;
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('content-disposition', `attachment; filename="overview.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
      res.setHeader('cache-control', 'no-store');
      await wb.xlsx.write(res);
      res.end();
    } catch (err) {
      sendError(res, err, 'overview export failed');
    }
  });
  return router;
}
