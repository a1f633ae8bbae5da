import { DownloadRoute, idParam, photoFile } from '../../common/download';
import type { Services } from '../../services';
import { ROSTER_PHOTO_PATH } from '../training/duty-roster';
import { TRAINING_VIEWERS } from '../training/training.policy';
import { FINDING_READERS } from './inspections.policy';
import { FINDING_PHOTO_PATH } from './photo';

/**
 * The photos the on-site screen shows, each at its own address (`photoUrl` in the roster and the
 * findings), with the same roles and record rules as the list that names it.
 */
export const photoDownloads = (services: Services): DownloadRoute[] => [
  {
    get: `${ROSTER_PHOTO_PATH}:rosterEntryId`,
    allows: (actor) => TRAINING_VIEWERS.includes(actor.role),
    file: async (actor, req) =>
      photoFile(await services.training.onDutyPhoto(actor, idParam(req, 'rosterEntryId', '照片')), '保安员照片'),
  },
  {
    get: `${FINDING_PHOTO_PATH}:findingId`,
    allows: (actor) => FINDING_READERS.includes(actor.role),
    file: async (actor, req) => photoFile(await services.inspections.findingPhoto(actor, idParam(req, 'findingId', '照片')), '现场照片'),
  },
];
