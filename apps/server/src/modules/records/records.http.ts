import type { DownloadRoute } from '../../common/download';
import { buildWorkbook } from '../../common/tabular';
import { runsVetting } from '../vetting/vetting.policy';
import { RECORD_COLUMNS } from './records.service';

/** The criminal-record import template (保安管理支队 alone imports records), with one made-up example row. */
export const recordDownloads = (): DownloadRoute[] => [
  {
    get: '/templates/records.xlsx',
    allows: runsVetting,
    file: async () => ({
      filename: '违法犯罪记录导入模板.xlsx',
      body: await buildWorkbook({
        sheetName: '违法犯罪记录',
        columns: RECORD_COLUMNS.map((header) => ({ header, width: header === '身份证号' ? 22 : 16, text: true })),
        rows: [['211102199001011234', '张三', '行政拘留', '2021-03-15', '兴隆台公安分局', '一般', '']],
      }),
    }),
  },
];
