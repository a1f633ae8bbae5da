import { dataUrl, jpeg, png } from '../../../test/images';
import { checkPhoto, MAX_PHOTO_BYTES } from './photo';

const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('checkPhoto', () => {
  it('accepts a small PNG and JPEG', () => {
    expect(checkPhoto(`data:image/png;base64,${PNG_1PX}`)).toBeNull();
    expect(checkPhoto(dataUrl(jpeg(1280, 960)))).toBeNull();
  });

  it('refuses a photo of more than 4096×4096 pixels (red team 3 H4) and a malformed one, with a message on the field', () => {
    expect(checkPhoto(dataUrl(png(30000, 30000)))).toEqual({ field: 'photo', message: '照片尺寸过大（30000×30000像素），请使用不超过4096×4096像素（约1678万像素）的照片' });
    expect(checkPhoto(dataUrl(jpeg(4000, 3000)))).toBeNull(); // a 12 MP phone photo sent as it is
    const cut = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    expect(checkPhoto(dataUrl(cut), 'findings.0.photo')).toEqual({ field: 'findings.0.photo', message: expect.stringMatching(/已损坏或不完整/) });
  });

  it('refuses other types, a lying type, and anything over 1 MB', () => {
    expect(checkPhoto('data:image/gif;base64,R0lGODlhAQABAAAAACw=')?.message).toMatch(/JPEG 或 PNG/);
    expect(checkPhoto('not a data url')?.message).toMatch(/JPEG 或 PNG/);
    expect(checkPhoto(`data:image/jpeg;base64,${PNG_1PX}`)?.message).toMatch(/内容与格式不符/);
    const big = Buffer.alloc(MAX_PHOTO_BYTES + 10);
    big.set([0xff, 0xd8, 0xff]);
    expect(checkPhoto(`data:image/jpeg;base64,${big.toString('base64')}`)?.message).toMatch(/不能超过 1 MB/);
  });
});
