/** Photos built byte by byte for the tests of common/image.ts (no encoder): PNG chunks, JPEG segments, an Exif with GPS. */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngChunk(type: string, data: Buffer | string): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), Buffer.from(data)]);
  return Buffer.concat([u32(body.length - 4), body, u32(crc32(body))]);
}

/** A 1-bit greyscale PNG of width × height (all black), with `before` chunks after IHDR and `after` chunks before IEND. */
export function png(width: number, height: number, { before = [], after = [] }: { before?: Buffer[]; after?: Buffer[] } = {}): Buffer {
  const ihdr = Buffer.concat([u32(width), u32(height), Buffer.from([1, 0, 0, 0, 0])]);
  const idat = deflateSync(Buffer.alloc((1 + Math.ceil(width / 8)) * Math.min(height, 64)), { level: 9 });
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), ...before, pngChunk('IDAT', idat), ...after, pngChunk('IEND', Buffer.alloc(0))]);
}

export function jpegSegment(marker: number, body: Buffer | string): Buffer {
  const b = Buffer.from(body);
  return Buffer.concat([Buffer.from([0xff, marker]), u16(b.length + 2), b]);
}

/** An Exif APP1 as a phone writes one: IFD0 with Make "RedTeamPhone", the orientation and a GPS IFD (41°7′12″N 122°4′56″E). */
export function gpsExif(orientation = 6): Buffer {
  const make = Buffer.from('RedTeamPhone\0', 'latin1');
  const entry = (tag: number, type: number, count: number, value: Buffer) => Buffer.concat([u16(tag), u16(type), u32(count), value]);
  const ifd0Size = 2 + 3 * 12 + 4;
  const makeAt = 8 + ifd0Size;
  const gpsAt = makeAt + make.length;
  const gpsSize = 2 + 4 * 12 + 4;
  const latAt = gpsAt + gpsSize;
  const lonAt = latAt + 24;
  const rational = (n: number, d: number) => Buffer.concat([u32(n), u32(d)]);
  const tiff = Buffer.concat([
    Buffer.from('MM\0\x2a', 'latin1'), u32(8),
    u16(3), entry(0x010f, 2, make.length, u32(makeAt)), entry(0x0112, 3, 1, Buffer.from([0, orientation, 0, 0])), entry(0x8825, 4, 1, u32(gpsAt)), u32(0),
    make,
    u16(4), entry(1, 2, 2, Buffer.from('N\0\0\0', 'latin1')), entry(2, 5, 3, u32(latAt)), entry(3, 2, 2, Buffer.from('E\0\0\0', 'latin1')), entry(4, 5, 3, u32(lonAt)), u32(0),
    rational(41, 1), rational(7, 1), rational(1200, 100), rational(122, 1), rational(4, 1), rational(5600, 100),
  ]);
  return jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

export const JFIF = jpegSegment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]));
const DQT = jpegSegment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]));
const sof0 = (width: number, height: number) => jpegSegment(0xc0, Buffer.concat([Buffer.from([8]), u16(height), u16(width), Buffer.from([1, 1, 0x11, 0])]));
const DHT = jpegSegment(0xc4, Buffer.concat([Buffer.from([0x00]), Buffer.from([1]), Buffer.alloc(15), Buffer.from([0])]));
const SOS = jpegSegment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0]));
/** Entropy-coded data with a stuffed FF 00 and a restart marker, then EOI. */
export const JPEG_SCAN = Buffer.concat([SOS, Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd9])]);

/** A baseline JPEG of width × height: SOI, `head` segments (JFIF by default), DQT, SOF0, DHT, the scan to EOI, then `trailing`. */
export function jpeg(width: number, height: number, { head = [JFIF], trailing = Buffer.alloc(0) }: { head?: Buffer[]; trailing?: Buffer } = {}): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8]), ...head, DQT, sof0(width, height), DHT, JPEG_SCAN, trailing]);
}

export const dataUrl = (bytes: Buffer, type = bytes[0] === 0x89 ? 'image/png' : 'image/jpeg') => `data:${type};base64,${bytes.toString('base64')}`;
