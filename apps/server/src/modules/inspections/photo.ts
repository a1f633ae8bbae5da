import { FieldProblem } from '../../common/errors';
import { isJpeg, isPng, readPhoto } from '../../common/image';

/** Where a finding's photo is served, followed by the finding's id (photos.http.ts). */
export const FINDING_PHOTO_PATH = '/photos/findings/';

/** Largest photo accepted on site (decoded bytes). */
export const MAX_PHOTO_BYTES = 1024 * 1024;

const DATA_URL = /^data:(image\/(?:jpeg|png));base64,([A-Za-z0-9+/]+={0,2})$/;

/**
 * Checks a photo sent as a data URL: JPEG or PNG only (declared type AND file signature agree),
 * at most 1 MB, well formed and at most 4096×4096 pixels (common/image.ts). Returns the problem, or
 * null when the photo is acceptable; it is stored through `storedPhoto` (without its metadata).
 */
export function checkPhoto(dataUrl: string, field = 'photo'): FieldProblem | null {
  const match = DATA_URL.exec(dataUrl.trim());
  if (!match) {
    return { field, message: '照片格式不支持：只能上传 JPEG 或 PNG 图片' };
  }
  const [, mime, base64] = match;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const size = Math.floor((base64.length * 3) / 4) - padding;
  if (size > MAX_PHOTO_BYTES) {
    return { field, message: `照片过大：${(size / 1024 / 1024).toFixed(1)} MB，不能超过 1 MB` };
  }
  const bytes = Buffer.from(base64, 'base64');
  if ((mime === 'image/jpeg' && !isJpeg(bytes)) || (mime === 'image/png' && !isPng(bytes))) {
    return { field, message: '照片内容与格式不符：只能上传 JPEG 或 PNG 图片' };
  }
  const read = readPhoto(bytes);
  return 'problem' in read ? { field, message: read.problem } : null;
}
