import { DomainError } from '../../common/errors';
import type { DownloadRoute } from '../../common/download';
import type { Services } from '../../services';

/** The 审核通报 of an activity as Excel, with the same tiers as the API (the service decides). */
export const vettingDownloads = (services: Services): DownloadRoute[] => [
  {
    get: '/exports/vetting/:file',
    file: async (actor, req) => {
      const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.xlsx$/i.exec(String(req.params.file));
      if (!match) throw new DomainError('NOT_FOUND', '活动不存在或无权查看');
      const { buffer, filename } = await services.vettingNotices.workbook(actor, match[1]);
      return { filename, body: buffer };
    },
  },
];
