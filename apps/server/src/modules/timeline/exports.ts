import { trainingTopicLabels } from '@evs/schema';
import ExcelJS from 'exceljs';
import { formatDateTimeCN } from '../../common/calendar';
import { TrainingSessionType } from '../training/training.types';
import { ActivityTimelineType } from './timeline.types';

const fmt = formatDateTimeCN;

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function styleTable(ws: ExcelJS.Worksheet, headerRow: number, columns: number) {
  const header = ws.getRow(headerRow);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (let r = headerRow; r <= ws.rowCount; r++) {
    for (let c = 1; c <= columns; c++) {
      const cell = ws.getRow(r).getCell(c);
      cell.border = BORDER;
      if (r > headerRow) cell.alignment = { vertical: 'middle', wrapText: true };
    }
  }
}

/** 签到表: what the printed sheet carries — session facts, one row per trainee, a signature column, results. */
export async function trainingSheetWorkbook(s: TrainingSessionType): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大型活动安保前置审核系统';
  const ws = wb.addWorksheet('签到表', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const topics = s.topics;
  const columns = 6 + topics.length * 2 + 1;
  const title = `${s.activityName} ${s.isMakeup ? '补训' : '岗前培训'}签到表`;
  ws.mergeCells(1, 1, 1, columns);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, columns);
  ws.getCell(2, 1).value =
    `培训时间：${fmt(s.startsAt)}    地点：${s.place}    授课人：${s.instructor}    ` +
    `科目：${topics.map((t) => trainingTopicLabels[t]).join('、')}    学时：${s.periods}（每学时45分钟）    合格分数：每科${s.passScore}分    应到：${s.attendance.length}人` +
    (s.cancelledAt ? `    已取消：${s.cancelReason ?? ''}` : '');
  ws.addRow([]);
  ws.addRow(['序号', '姓名', '保安员证号', '所属公司', '本人签字', '到课', ...topics.flatMap((t) => [`${trainingTopicLabels[t]}成绩`, `${trainingTopicLabels[t]}结果`]), '考核结果']);
  s.attendance.forEach((a, i) => {
    const scores = new Map(a.scores.map((x) => [x.topic, x]));
    ws.addRow([
      i + 1,
      a.guardName,
      a.certificateNo ?? '',
      a.companyName,
      '',
      a.attended === null ? '' : a.attended ? '到' : '缺',
      ...topics.flatMap((t) => {
        const x = scores.get(t);
        return x ? [x.score, x.passed ? '合格' : '不合格'] : ['', ''];
      }),
      a.passed === null ? '' : a.passed ? '合格' : '不合格',
    ]);
  });
  ws.columns.forEach((col, i) => {
    col.width = [6, 12, 18, 28, 14, 8][i] ?? 14;
  });
  styleTable(ws, 4, columns);
  ws.addRow([]);
  ws.addRow([`实到：${s.attendance.filter((a) => a.attended).length}人    本次科目全部合格：${s.attendance.filter((a) => a.passed).length}人    授课人签字：                记录人签字：`]);
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 台账: every entry with when, what, detail and who. */
export async function timelineWorkbook(t: ActivityTimelineType): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大型活动安保前置审核系统';
  const ws = wb.addWorksheet('台账', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.mergeCells(1, 1, 1, 6);
  ws.getCell(1, 1).value = `${t.activityName}（${t.activityCode}）安保工作台账`;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow([`导出时间：${fmt(new Date())}，共${t.entries.length}条`]);
  ws.addRow([]);
  ws.addRow(['序号', '时间', '类别', '事项', '说明', '操作人']);
  t.entries.forEach((e, i) => {
    const row = ws.addRow([i + 1, fmt(e.at), e.kindLabel, e.title, e.detail ?? '', e.actorName ?? '']);
    if (e.important) row.getCell(4).font = { color: { argb: 'FFC00000' }, bold: true };
  });
  ws.columns.forEach((col, i) => {
    col.width = [6, 18, 10, 40, 50, 26][i] ?? 14;
  });
  styleTable(ws, 4, 6);
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
