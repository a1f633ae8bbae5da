import type { DownloadRoute } from '../../common/download';
import type { Services } from '../../services';

/** The guard register's downloads: the import template (every signed-in role may read the empty form). */
export const guardDownloads = (services: Services): DownloadRoute[] => [
  {
    get: '/templates/guards.xlsx',
    file: async () => ({ filename: '保安员名册导入模板.xlsx', body: await services.guardImport.template() }),
  },
];
