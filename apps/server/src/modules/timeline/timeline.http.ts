import { idParam, type DownloadRoute } from '../../common/download';
import type { Services } from '../../services';
import { timelineWorkbook, trainingSheetWorkbook } from './exports';

/** 签到表 and 台账 as Excel: the services apply the same role and record rules as the API. */
export const timelineDownloads = (services: Services): DownloadRoute[] => [
  {
    get: '/exports/training/:sessionId.xlsx',
    file: async (actor, req) => {
      const session = await services.training.session(actor, idParam(req, 'sessionId', '记录'));
      return { filename: `${session.activityName}-${session.isMakeup ? '补训' : '岗前培训'}签到表.xlsx`, body: await trainingSheetWorkbook(session) };
    },
  },
  {
    get: '/exports/timeline/:activityId.xlsx',
    file: async (actor, req) => {
      const timeline = await services.timeline.timeline(actor, idParam(req, 'activityId', '记录'));
      return { filename: `${timeline.activityName}-台账.xlsx`, body: await timelineWorkbook(timeline) };
    },
  },
];
