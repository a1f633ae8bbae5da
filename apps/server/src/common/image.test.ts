import { dataUrl, gpsExif, JFIF, jpeg, JPEG_SCAN, jpegSegment, png, pngChunk } from '../../test/images';
import { exifOrientation, MALFORMED_PHOTO, MAX_PHOTO_PIXELS, orientationExif, readPhoto, storedPhoto, withoutMetadata } from './image';

const ok = (bytes: Buffer) => {
  const read = readPhoto(bytes);
  if ('problem' in read) throw new Error(read.problem);
  return read;
};
const problem = (bytes: Buffer) => {
  const read = readPhoto(bytes);
  return 'problem' in read ? read.problem : null;
};
const has = (haystack: Buffer, needle: string) => haystack.includes(Buffer.from(needle, 'latin1'));

describe('photo size in pixels, from the headers (red team 3 H4)', () => {
  it('reads a PNG IHDR and a JPEG SOF without decoding', () => {
    expect(ok(png(3, 2))).toMatchObject({ type: 'image/png', width: 3, height: 2 });
    expect(ok(jpeg(4000, 3000))).toMatchObject({ type: 'image/jpeg', width: 4000, height: 3000 });
  });

  it('refuses a 30000×30000 PNG header (a 109 KB bomb, 3.6 GB decoded), in words', () => {
    const bomb = png(30000, 30000);
    expect(bomb.length).toBeLessThan(2048);
    expect(problem(bomb)).toBe('照片尺寸过大（30000×30000像素），请使用不超过4096×4096像素（约1678万像素）的照片');
    expect(problem(jpeg(30000, 30000))).toMatch(/^照片尺寸过大（30000×30000像素）/);
  });

  it('takes photos up to 4096×4096 pixels, a phone camera’s 12 and 16 MP among them', () => {
    expect(MAX_PHOTO_PIXELS).toBe(16_777_216);
    for (const [w, h] of [[4096, 4096], [4000, 3000], [3024, 4032], [4624, 3472], [1280, 960]]) expect(problem(jpeg(w, h))).toBeNull();
    expect(problem(jpeg(4097, 4096))).toMatch(/照片尺寸过大（4097×4096像素）/);
    expect(problem(png(16384, 1025))).toMatch(/照片尺寸过大/);
  });

  it('refuses malformed files with a message instead of failing', () => {
    const good = jpeg(8, 8);
    const cases: Buffer[] = [
      Buffer.from([0xff, 0xd8, 0xff]), // SOI and nothing
      good.subarray(0, 30), // cut inside the header
      Buffer.concat([Buffer.from([0xff, 0xd8]), jpegSegment(0xe1, 'Exif\0\0').subarray(0, 3), Buffer.from([0xff, 0xff])]), // a length past the end
      Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from([0xff, 0xe0, 0x00, 0x01])]), // a length under 2
      Buffer.concat([Buffer.from([0xff, 0xd8]), JFIF, JPEG_SCAN]), // SOS before any frame
      Buffer.concat([Buffer.from([0xff, 0xd8]), JFIF, Buffer.from([0x00, 0x00])]), // not a marker
      jpeg(0, 8), // a width of 0
      png(0, 1),
      png(1, 1).subarray(0, 40), // no IEND
      Buffer.concat([png(1, 1).subarray(0, 8), pngChunk('IDAT', Buffer.alloc(1)), pngChunk('IEND', Buffer.alloc(0))]), // no IHDR first
      png(1, 1, { before: [pngChunk('ABCD', 'x')] }), // a critical chunk no browser knows
      (() => {
        const b = png(1, 1);
        b.writeUInt32BE(0xfffffff0, 33); // the IDAT length past the end
        return b;
      })(),
    ];
    for (const bytes of cases) expect(problem(bytes)).toBe(MALFORMED_PHOTO);
    expect(problem(Buffer.from('GIF89a'))).toMatch(/JPEG 或 PNG/);
    expect(problem(Buffer.alloc(0))).toMatch(/JPEG 或 PNG/);
  });

  it('survives any cut or any changed byte of a photo: an answer, never an exception', () => {
    const samples = [jpeg(16, 16, { head: [JFIF, gpsExif()] }), png(4, 4, { before: [pngChunk('tEXt', 'a\0b')] })];
    for (const s of samples) {
      for (let n = 0; n <= s.length; n++) expect(() => readPhoto(s.subarray(0, n))).not.toThrow();
      for (let i = 0; i < s.length; i++) {
        for (const v of [0x00, 0xff, 0x7f]) {
          const b = Buffer.from(s);
          b[i] = v;
          expect(() => readPhoto(b)).not.toThrow();
        }
      }
    }
  });
});

describe('photo metadata is not stored (red team 3 H5)', () => {
  it('a JPEG loses its Exif (GPS, make), XMP, IPTC and comments and what follows EOI; the scans are kept byte for byte; the orientation stays', () => {
    const xmp = jpegSegment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPSLatitude</x:xmpmeta>');
    const iptc = jpegSegment(0xed, 'Photoshop 3.0\x008BIM owner');
    const comment = jpegSegment(0xfe, 'taken by officer 007');
    const icc = jpegSegment(0xe2, 'ICC_PROFILE\0\x01\x01profile');
    const mpf = jpegSegment(0xe2, 'MPF\0second picture');
    const sent = jpeg(16, 16, { head: [JFIF, gpsExif(6), xmp, icc, mpf, iptc, comment], trailing: jpeg(8, 8, { head: [gpsExif()] }) });
    expect(has(sent, 'RedTeamPhone')).toBe(true);
    const stored = ok(sent).bytes;
    for (const gone of ['RedTeamPhone', 'xmpmeta', '8BIM', 'officer 007', 'MPF', 'second picture']) expect(has(stored, gone)).toBe(false);
    expect(has(stored, 'ICC_PROFILE')).toBe(true);
    expect(stored.subarray(0, 2 + JFIF.length)).toEqual(Buffer.concat([Buffer.from([0xff, 0xd8]), JFIF]));
    // the orientation, alone, in place of the Exif: a portrait photo still shows upright
    expect(stored.subarray(2 + JFIF.length, 2 + JFIF.length + orientationExif(6).length)).toEqual(orientationExif(6));
    expect(exifOrientation(orientationExif(6).subarray(10))).toBe(6);
    // from SOS to EOI as sent, and nothing after
    expect(stored.subarray(stored.length - JPEG_SCAN.length)).toEqual(JPEG_SCAN);
    expect(sent.indexOf(JPEG_SCAN)).toBeGreaterThan(0);
    // stripping twice changes nothing, and a stored photo is read back as one
    expect(ok(stored).bytes).toEqual(stored);
    expect(ok(stored)).toMatchObject({ width: 16, height: 16 });
  });

  it('an Exif of orientation 1 (or none) leaves no Exif at all', () => {
    const stored = ok(jpeg(8, 8, { head: [JFIF, gpsExif(1)] })).bytes;
    expect(stored).toEqual(jpeg(8, 8));
  });

  it('a JPEG without metadata (as the on-site page sends it) is stored unchanged', () => {
    const plain = jpeg(1280, 960);
    expect(ok(plain).bytes).toEqual(plain);
    expect(storedPhoto(dataUrl(plain))).toBe(dataUrl(plain));
  });

  it('a PNG loses tEXt, zTXt, iTXt, eXIf, tIME and unknown chunks, and what follows IEND; its picture chunks are kept', () => {
    const meta = [pngChunk('tEXt', 'Author\0officer 007'), pngChunk('zTXt', 'Comment\0\0x'), pngChunk('iTXt', 'XML:com.adobe.xmp\0\0\0\0\0GPS'), pngChunk('eXIf', gpsExif().subarray(10)), pngChunk('tIME', Buffer.alloc(7)), pngChunk('prVt', 'owner')];
    const kept = [pngChunk('pHYs', Buffer.alloc(9)), pngChunk('sRGB', Buffer.from([0]))];
    const sent = Buffer.concat([png(2, 2, { before: [...kept, ...meta], after: [pngChunk('tEXt', 'late\0comment')] }), Buffer.from('<html><script>alert(1)</script>')]);
    const stored = ok(sent).bytes;
    expect(stored).toEqual(png(2, 2, { before: kept }));
    for (const gone of ['officer 007', 'RedTeamPhone', 'tIME', 'prVt', 'late', '<html>']) expect(has(stored, gone)).toBe(false);
  });

  it('the stored data URL: same type (image/jpg as image/jpeg), the stripped bytes; an unreadable one is not stored', () => {
    const sent = jpeg(8, 8, { head: [JFIF, gpsExif(1)] });
    expect(storedPhoto(dataUrl(sent, 'image/jpg'))).toBe(dataUrl(jpeg(8, 8)));
    expect(withoutMetadata(dataUrl(Buffer.from([0xff, 0xd8, 0xff, 0xe0])))).toBeNull();
    expect(() => storedPhoto('data:image/png;base64,AAAA')).toThrow();
    // a photo stored before the limit is still stripped (the migration), whatever its size
    expect(withoutMetadata(dataUrl(png(30000, 30000, { before: [pngChunk('tEXt', 'a\0b')] })))).toBe(dataUrl(png(30000, 30000)));
  });
});
