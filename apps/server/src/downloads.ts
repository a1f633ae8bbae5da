import type { DownloadRoute } from './common/download';
import { companyDownloads } from './modules/companies/company.http';
import { dashboardDownloads } from './modules/dashboard/dashboard.http';
import { guardDownloads } from './modules/guards/guard.http';
import { photoDownloads } from './modules/inspections/photos.http';
import { recordDownloads } from './modules/records/records.http';
import { timelineDownloads } from './modules/timeline/timeline.http';
import { vettingDownloads } from './modules/vetting/vetting.http';
import type { Services } from './services';

/** Every file download of the server, each feature's route list (served by common/download.ts). */
export const downloadRoutes = (services: Services): DownloadRoute[] => [
  ...guardDownloads(services),
  ...companyDownloads(services),
  ...recordDownloads(),
  ...vettingDownloads(services),
  ...timelineDownloads(services),
  ...dashboardDownloads(services),
  ...photoDownloads(services),
];
