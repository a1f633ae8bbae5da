/**
 * Photos (a guard's, an on-site finding's): JPEG or PNG, read from their headers only, never decoded.
 *
 * - Size in pixels (red team 3 H4): a 109 KB PNG can declare 30000×30000 pixels, 3.6 GB once decoded,
 *   which a phone's browser cannot show (the on-site roster shows guards' photos on the officer's
 *   phone). A photo may have at most MAX_PHOTO_PIXELS pixels: 4096×4096 = 16,777,216, 64 MB decoded
 *   as RGBA, the largest canvas mobile Safari draws; a phone's own photos pass (4000×3000 and
 *   4032×3024 = 12 MP, 4624×3472 = 16 MP), a limit on each side would refuse the 16 MP ones.
 * - Metadata (red team 3 H5): a phone writes where and with what device a photo was taken (Exif GPS,
 *   make, model, serial, owner), and the photo goes out to the company and the organizer. What is
 *   stored is the picture only:
 *     JPEG: kept SOI, APP0 JFIF, APP2 ICC profile (colours), APP14 Adobe (colour transform), the
 *       tables and frame (DQT, DHT, DAC, DRI, SOFn) and every byte from the first SOS to EOI as
 *       sent; the Exif orientation only, rewritten as a 36-byte Exif of that one tag (without it a
 *       portrait photo shows sideways). Dropped: every other APPn (Exif, XMP, MPF, IPTC/Photoshop…),
 *       COM, and whatever follows EOI (a second picture of an MPO, appended data).
 *     PNG: kept IHDR, PLTE, IDAT, IEND and the chunks of how it is drawn (tRNS, cHRM, gAMA, iCCP,
 *       sBIT, sRGB, cICP, mDCV, cLLI, bKGD, pHYs). Dropped: every other chunk (tEXt, zTXt, iTXt,
 *       eXIf, tIME, private chunks; APNG frames, leaving the still picture) and whatever follows IEND.
 * Every length is checked against the bytes there are; a file that is not well formed is refused.
 */

export const MAX_PHOTO_PIXELS = 4096 * 4096;

export type PhotoType = 'image/jpeg' | 'image/png';

export interface Photo {
  type: PhotoType;
  width: number;
  height: number;
  /** The photo without its metadata (see above). */
  bytes: Buffer;
}

export const MALFORMED_PHOTO = '照片文件已损坏或不完整，无法读取，请重新拍摄或另存为 JPEG/PNG 后上传';
const UNKNOWN_TYPE = '照片只接受 JPEG 或 PNG 图片';

export function photoSizeProblem(width: number, height: number): string | null {
  if (width * height <= MAX_PHOTO_PIXELS) return null;
  return `照片尺寸过大（${width}×${height}像素），请使用不超过4096×4096像素（约1678万像素）的照片`;
}

/** The photo (type, size in pixels, bytes without metadata), or why it is refused. Nothing is decoded. */
export function readPhoto(bytes: Buffer): Photo | { problem: string } {
  const read = parsePhoto(bytes);
  if ('problem' in read) return read;
  const size = photoSizeProblem(read.width, read.height);
  return size ? { problem: size } : read;
}

/** As readPhoto, whatever its size in pixels (for photos stored before the limit). */
export function parsePhoto(bytes: Buffer): Photo | { problem: string } {
  const read = isPng(bytes) ? readPng(bytes) : isJpeg(bytes) ? readJpeg(bytes) : UNKNOWN_TYPE;
  return typeof read === 'string' ? { problem: read } : read;
}

const DATA_URL = /^data:image\/(jpeg|jpg|png);base64,([A-Za-z0-9+/]+={0,2})$/;

/**
 * A checked photo's data URL as it is stored: the same picture without its metadata, its type as
 * image/jpeg or image/png. Throws on a photo that was not checked (readPhoto) first.
 */
export function storedPhoto(dataUrl: string): string {
  const stripped = withoutMetadata(dataUrl);
  if (!stripped) throw new Error('storedPhoto: the photo was not checked');
  return stripped;
}

/** A data URL's photo without its metadata (any size in pixels), or null when it cannot be read. */
export function withoutMetadata(dataUrl: string): string | null {
  const m = DATA_URL.exec(dataUrl.trim());
  const photo = m ? parsePhoto(Buffer.from(m[2], 'base64')) : null;
  if (!photo || 'problem' in photo) return null;
  return `data:${photo.type};base64,${photo.bytes.toString('base64')}`;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE);
}

export function isJpeg(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** The chunks of how a PNG is drawn; every other chunk is left out. */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP', 'mDCV', 'cLLI', 'bKGD', 'pHYs']);

function readPng(bytes: Buffer): Photo | string {
  const kept: Buffer[] = [PNG_SIGNATURE];
  let pos = 8;
  let width = 0;
  let height = 0;
  let idat = false;
  for (let first = true; ; first = false) {
    if (pos + 12 > bytes.length) return MALFORMED_PHOTO; // no IEND
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    if (length > 0x7fffffff || length > bytes.length - pos - 12 || !/^[A-Za-z]{4}$/.test(type)) return MALFORMED_PHOTO;
    if (first !== (type === 'IHDR')) return MALFORMED_PHOTO;
    if (type === 'IHDR') {
      if (length !== 13) return MALFORMED_PHOTO;
      width = bytes.readUInt32BE(pos + 8);
      height = bytes.readUInt32BE(pos + 12);
      if (!width || !height || width > 0x7fffffff || height > 0x7fffffff) return MALFORMED_PHOTO;
    }
    if (type === 'IDAT') idat = true;
    const end = pos + 12 + length;
    if (PNG_KEPT.has(type)) kept.push(bytes.subarray(pos, end));
    // A critical chunk (upper-case first letter) no browser knows: not a picture that can be shown.
    else if (type.charCodeAt(0) < 0x61) return MALFORMED_PHOTO;
    if (type === 'IEND') break;
    pos = end;
  }
  if (!idat) return MALFORMED_PHOTO;
  return { type: 'image/png', width, height, bytes: Buffer.concat(kept) };
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
/** DHT, DAC, DQT, DRI, DNL, DHP, EXP: tables the picture is decoded with. */
const JPEG_TABLES = new Set([0xc4, 0xcc, 0xdb, 0xdd, 0xdc, 0xde, 0xdf]);
const SOS = 0xda;
const EOI = 0xd9;

function startsWith(body: Buffer, tag: string): boolean {
  return body.length >= tag.length && body.toString('latin1', 0, tag.length) === tag;
}

function readJpeg(bytes: Buffer): Photo | string {
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let pos = 2;
  let width = 0;
  let height = 0;
  let orientationWritten = false;
  // The header: marker segments up to the first SOS, each FF xx LL LL and LL−2 bytes.
  for (;;) {
    if (pos >= bytes.length || bytes[pos] !== 0xff) return MALFORMED_PHOTO;
    while (pos < bytes.length && bytes[pos] === 0xff) pos++; // fill bytes before a marker
    if (pos + 3 > bytes.length) return MALFORMED_PHOTO;
    const marker = bytes[pos];
    const length = bytes.readUInt16BE(pos + 1);
    const start = pos + 3;
    const end = pos + 1 + length;
    if (length < 2 || end > bytes.length) return MALFORMED_PHOTO;
    const body = bytes.subarray(start, end);
    const segment = Buffer.concat([Buffer.from([0xff, marker]), bytes.subarray(pos + 1, end)]);
    pos = end;
    if (SOF.has(marker)) {
      if (width) return MALFORMED_PHOTO; // one frame
      if (body.length < 6) return MALFORMED_PHOTO;
      height = body.readUInt16BE(1);
      width = body.readUInt16BE(3);
      // A height of 0 (given later in a DNL segment): no browser shows it reliably.
      if (!width || !height) return MALFORMED_PHOTO;
      kept.push(segment);
    } else if (marker === SOS) {
      if (!width) return MALFORMED_PHOTO;
      kept.push(segment);
      break;
    } else if (JPEG_TABLES.has(marker)) {
      kept.push(segment);
    } else if (marker === 0xe0) {
      if (startsWith(body, 'JFIF\0')) kept.push(segment);
    } else if (marker === 0xe1) {
      if (!orientationWritten && startsWith(body, 'Exif\0\0')) {
        const orientation = exifOrientation(body.subarray(6));
        if (orientation && orientation !== 1) kept.push(orientationExif(orientation));
        orientationWritten = true;
      }
    } else if (marker === 0xe2) {
      if (startsWith(body, 'ICC_PROFILE\0')) kept.push(segment);
    } else if (marker === 0xee) {
      if (startsWith(body, 'Adobe')) kept.push(segment);
    } else if ((marker >= 0xe3 && marker <= 0xef) || marker === 0xfe) {
      // other APPn, COM: metadata, left out
    } else {
      return MALFORMED_PHOTO; // SOI/EOI/RSTn/TEM here, JPG/JPGn extensions, reserved markers
    }
  }
  // The scans, as sent: entropy-coded data (FF 00 stuffing, RSTn) and, in a progressive JPEG, the
  // segments between scans, up to EOI; nothing after it.
  const scans = pos;
  let i = pos;
  let stop = bytes.length;
  while (i + 1 < bytes.length) {
    if (bytes[i] !== 0xff) {
      i++;
      continue;
    }
    const m = bytes[i + 1];
    if (m === 0x00 || (m >= 0xd0 && m <= 0xd7)) i += 2;
    else if (m === 0xff) i += 1;
    else if (m === EOI) {
      stop = i + 2;
      break;
    } else {
      if (i + 4 > bytes.length) break;
      const length = bytes.readUInt16BE(i + 2);
      if (length < 2) return MALFORMED_PHOTO;
      i += 2 + length;
    }
  }
  kept.push(bytes.subarray(scans, Math.min(stop, bytes.length)));
  return { type: 'image/jpeg', width, height, bytes: Buffer.concat(kept) };
}

/** The Exif orientation (1–8) of a TIFF structure (the Exif APP1 after "Exif\0\0"), or null. */
export function exifOrientation(tiff: Buffer): number | null {
  if (tiff.length < 8) return null;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd > tiff.length - 2) return null;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + 12 * k;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) !== 0x0112) continue;
    if (u16(entry + 2) !== 3 || u32(entry + 4) < 1) return null;
    const value = u16(entry + 8);
    return value >= 1 && value <= 8 ? value : null;
  }
  return null;
}

/** An Exif APP1 segment of the orientation alone (big-endian TIFF, IFD0 of one SHORT, no next IFD). */
export function orientationExif(orientation: number): Buffer {
  return Buffer.from([
    0xff, 0xe1, 0x00, 0x22,
    0x45, 0x78, 0x69, 0x66, 0x00, 0x00, // Exif\0\0
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // MM, 42, IFD0 at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, // Orientation SHORT ×1
    0x00, 0x00, 0x00, 0x00, // no next IFD
  ]);
}
