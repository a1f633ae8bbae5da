import { checkPhoto, MAX_PHOTO_BYTES } from './photo';

const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('checkPhoto', () => {
  it('accepts a small PNG and JPEG', () => {
    expect(checkPhoto(`data:image/png;base64,${PNG_1PX}`)).toBeNull();
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]).toString('base64');
    expect(checkPhoto(`data:image/jpeg;base64,${jpeg}`)).toBeNull();
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
