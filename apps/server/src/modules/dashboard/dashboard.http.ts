import { District, districtLabels, roleLabels } from '@evs/schema';
import type { Request } from 'express';
import { yearOf } from '../../common/calendar';
import type { DownloadRoute } from '../../common/download';
import { badInput } from '../../common/errors';
import type { Services } from '../../services';
import { assertSeesOverview } from './dashboard.policy';
import { overviewWorkbook } from './overview.export';

const queryText = (req: Request, name: string): string | null => {
  const v = req.query[name];
  return typeof v === 'string' && v ? v : null;
};

/** GET /exports/overview.xlsx?from&to&district: the overview as the API answers it to this actor, one sheet per chart. */
export const dashboardDownloads = (services: Services): DownloadRoute[] => [
  {
    get: '/exports/overview.xlsx',
    file: async (actor, req) => {
      assertSeesOverview(actor, '无权导出总览');
      const year = yearOf(services.config.clock.now());
      const district = queryText(req, 'district');
      if (district && !(district in districtLabels)) throw badInput('未知的辖区', [{ field: 'district', message: '未知的辖区' }]);
      const overview = await services.overview.overview(actor, queryText(req, 'from') ?? year.from, queryText(req, 'to') ?? year.to, district as District | null);
      const wb = await overviewWorkbook(overview, `${actor.displayName}（${roleLabels[actor.role]}）`);
      return {
        filename: `总览_${overview.from}_${overview.to}${overview.district ? `_${districtLabels[overview.district]}` : ''}.xlsx`,
        body: async (res) => {
          await wb.xlsx.write(res);
        },
      };
    },
  },
];
