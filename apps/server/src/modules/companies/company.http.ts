import type { DownloadRoute } from '../../common/download';
import type { Services } from '../../services';
import { managesCompanyRegister } from './company.policy';

/** The company register's downloads: the import template, for 保安管理支队 who keeps the register. */
export const companyDownloads = (services: Services): DownloadRoute[] => [
  {
    get: '/templates/companies.xlsx',
    allows: managesCompanyRegister,
    file: async () => ({ filename: '保安服务公司名册导入模板.xlsx', body: await services.companyImport.template() }),
  },
];
