import { idTextView, maskIdNumbersInText } from './id-text';

describe('maskIdNumbersInText', () => {
  it('masks an 18-character ID number as maskIdNumber does, wherever it stands in the text', () => {
    expect(maskIdNumbersInText('李四（211102199001013098）')).toBe('李四（211102********3098）');
    expect(maskIdNumbersInText('211102199001013098')).toBe('211102********3098');
    expect(maskIdNumbersInText('身份证号211102199001013098，无证上岗')).toBe('身份证号211102********3098，无证上岗');
    expect(maskIdNumbersInText('ID:211102199001013098;')).toBe('ID:211102********3098;');
  });

  it('masks a final X written in either case, and the old 15-digit numbers', () => {
    expect(maskIdNumbersInText('王五 21110219900101301X')).toBe('王五 211102********301X');
    expect(maskIdNumbersInText('王五 21110219900101301x')).toBe('王五 211102********301X');
    expect(maskIdNumbersInText('老证 211102900101301 号')).toBe('老证 211102*****1301 号');
  });

  it('masks numbers typed with spaces or hyphens between digits, or in full-width digits', () => {
    expect(maskIdNumbersInText('张三 211102 19900101 3098')).toBe('张三 211102********3098');
    expect(maskIdNumbersInText('张三 2111 0219 9001 0130 98')).toBe('张三 211102********3098');
    expect(maskIdNumbersInText('张三 211102-19900101-3098')).toBe('张三 211102********3098');
    expect(maskIdNumbersInText('张三\u3000211102\u300019900101\u30003098')).toBe('张三\u3000211102********3098');
    expect(maskIdNumbersInText('张三２１１１０２１９９００１０１３０９８')).toBe('张三211102********3098');
    expect(maskIdNumbersInText('张三２１１１０２１９９００１０１３０１ｘ')).toBe('张三211102********301X');
  });

  it('masks every number in the text, and leaves other digit runs alone', () => {
    expect(maskIdNumbersInText('甲211102199001013098，乙21110219850505301X')).toBe('甲211102********3098，乙211102********301X');
    expect(maskIdNumbersInText('电话13912345678，证号辽0012345')).toBe('电话13912345678，证号辽0012345');
    // a bank card (19 digits) and a 16- or 17-digit run are not ID numbers
    expect(maskIdNumbersInText('卡号6222021234567890123')).toBe('卡号6222021234567890123');
    expect(maskIdNumbersInText('1234567890123456 与 12345678901234567')).toBe('1234567890123456 与 12345678901234567');
    expect(maskIdNumbersInText('2024-06-01 09:30 北门')).toBe('2024-06-01 09:30 北门');
    expect(maskIdNumbersInText('')).toBe('');
  });
});

describe('idTextView', () => {
  it('leaves the text whole for a reader who sees full ID numbers, masks it for everybody else, keeps null', () => {
    const text = '李四（211102199001013098）';
    expect(idTextView(true)(text)).toBe(text);
    expect(idTextView(false)(text)).toBe('李四（211102********3098）');
    expect(idTextView(false)(null)).toBeNull();
    expect(idTextView(false)(undefined)).toBeUndefined();
  });
});
