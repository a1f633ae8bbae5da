import {
  hasWords,
  isBlank,
  personNameProblem,
  relativesStatementProblem,
  requiredTextProblem,
  singleLineProblem,
  wordlessProblem,
} from '@evs/schema';
import { getNamedType, isInputObjectType, GraphQLInputType } from 'graphql';
import { createSchema } from '../schema';
import { WRITTEN_TEXT } from './written-text';

/**
 * The shared text rules (packages/schema/src/text.ts) against red-team round 5 (L1, L3, L6): invisible
 * and blank-looking characters the hand list did not know, names of separators only, and required text
 * that looks empty or says nothing. Each refusal names the field; legitimate text still passes.
 */

/** The characters red-team L1 stored inside an activity's name (invis.mjs), by what they are. */
const INVISIBLE: [string, string][] = [
  ['tag U+E0041', '\u{e0041}'],
  ['interlinear annotation anchor U+FFF9', '\ufff9'],
  ['shorthand format U+1BCA0', '\u{1bca0}'],
  ['musical format U+1D173', '\u{1d173}'],
  ['Arabic letter mark U+061C', '\u061c'],
  ['Mongolian vowel separator U+180E', '\u180e'],
  ['invisible times U+2062', '\u2062'],
  ['variation selector U+FE00', '\ufe00'],
  ['variation selector U+FE0F', '\ufe0f'],
  ['variation selector U+E0100', '\u{e0100}'],
  ['combining grapheme joiner U+034F', '\u034f'],
  ['Khmer inherent vowel U+17B4', '\u17b4'],
  // as before
  ['zero-width space U+200B', '\u200b'],
  ['soft hyphen U+00AD', '\u00ad'],
  ['left-to-right mark U+200E', '\u200e'],
  ['right-to-left override U+202E', '\u202e'],
];
const BLANK_LOOKING: [string, string][] = [
  ['Hangul filler U+3164', '\u3164'],
  ['Hangul choseong filler U+115F', '\u115f'],
  ['Hangul jungseong filler U+1160', '\u1160'],
  ['halfwidth Hangul filler U+FFA0', '\uffa0'],
  ['braille blank U+2800', '\u2800'],
];

const FORMAT = '活动名称含有零宽字符、文字方向控制符等不可见的格式字符，请删除后重新输入';
const FILLER = '活动名称含有看起来像空格的填充字符（如韩文填充符U+3164、盲文空白U+2800），请删除后重新输入';

describe('singleLineProblem (red-team L1)', () => {
  it.each(INVISIBLE)('refuses %s inside a name, naming the field', (_, ch) => {
    expect(singleLineProblem(`隐形${ch}字符测试`, '活动名称')).toBe(FORMAT);
    expect(singleLineProblem(`隐形字符测试${ch}`, '活动名称')).toBe(FORMAT);
  });

  it.each(BLANK_LOOKING)('refuses %s inside a name, naming the field', (_, ch) => {
    expect(singleLineProblem(`隐形${ch}字符测试`, '活动名称')).toBe(FILLER);
  });

  it('refuses a combining mark with nothing to combine with, private-use and unassigned characters', () => {
    expect(singleLineProblem('隐形\u0301字符测试', '活动名称')).toBe('活动名称含有单独的组合附加符号（如U+0301），请删除后重新输入');
    expect(singleLineProblem('\u0301隐形字符测试', '活动名称')).toBe('活动名称含有单独的组合附加符号（如U+0301），请删除后重新输入');
    expect(singleLineProblem('体育场 \u20dd', '活动场所')).toBe('活动场所含有单独的组合附加符号（如U+0301），请删除后重新输入');
    for (const ch of ['\ue000', '\u{f0000}', '\uffff', '\u{e0080}']) {
      expect(singleLineProblem(`盘锦${ch}体育场`, '活动场所')).toBe('活动场所含有私用区或未定义的字符（各电脑显示不同或无法显示），请删除后重新输入');
    }
  });

  it('keeps ordinary text: Chinese, full-width punctuation, accents on letters, Korean, Japanese, emoji, rare Han characters', () => {
    for (const ok of [
      '盘锦市兴隆台区体育场（东门）',
      '第三届“红海滩”国际马拉松赛！',
      '辽公保服2010001号',
      '-1层停车场',
      'Café 音乐节',
      'Cafe\u0301 音乐节', // é as e + U+0301: a mark on a letter
      '中韩文化节 가나다',
      '日本 ドラマ・フェス',
      'ｆｕｌｌ　ｗｉｄｔｈ　２０２６',
      '演唱会🎵',
      '刘䶮吉𠮷纪念馆',
      '\u{31350}', // CJK Extension H: the ideographic planes are never “unassigned” here
    ]) {
      expect({ ok, problem: singleLineProblem(ok, '活动名称') }).toEqual({ ok, problem: null });
    }
  });
});

describe('isBlank (red-team L6)', () => {
  it('counts blank-looking fillers, format characters and lone marks as not filled in', () => {
    for (const [, ch] of [...BLANK_LOOKING, ...INVISIBLE]) {
      expect(isBlank(ch)).toBe(true);
      expect(isBlank(`${ch}${ch} ${ch}`)).toBe(true);
    }
    for (const blank of ['\u3164\u3164\u3164', '\u2800\u2800', '\u{e0020}\u{e0020}\u{e0020}', ' \u0301 ', '\u3000\u3164\n']) expect(isBlank(blank)).toBe(true);
  });

  it('keeps everything that shows something as filled in', () => {
    for (const text of ['东门', '。', '1', 'é', '😀', '父亲已故\n母亲不详', 'ㅤ东门']) expect(isBlank(text)).toBe(false);
  });
});

describe('words in free text (red-team L6)', () => {
  it('finds a Chinese character, letter or digit, not a filler', () => {
    expect(hasWords('父亲已故')).toBe(true);
    expect(hasWords('1')).toBe(true);
    expect(hasWords('A')).toBe(true);
    expect(hasWords('\u3164\u3164')).toBe(false);
    expect(hasWords('。……！')).toBe(false);
    expect(hasWords('👍')).toBe(false);
  });

  it('requiredTextProblem: “请填写…” for text that looks empty, the reason for text that says nothing', () => {
    expect(requiredTextProblem('\u3164\u3164', '总结评价')).toBe('请填写总结评价');
    expect(requiredTextProblem('\u2800', '取消原因')).toBe('请填写取消原因');
    expect(requiredTextProblem('   ', '取消原因')).toBe('请填写取消原因');
    expect(requiredTextProblem(null, '批示')).toBe('请填写批示');
    expect(requiredTextProblem('。', '批示')).toBe('批示应含有汉字、字母或数字，不能只有符号或表情');
    expect(requiredTextProblem('👍👍', '总结评价')).toBe('总结评价应含有汉字、字母或数字，不能只有符号或表情');
    expect(requiredTextProblem('整体情况良好。\n个别岗位着装不规范，已纠正。', '总结评价')).toBeNull();
    expect(requiredTextProblem('同意', '批示')).toBeNull();
    expect(wordlessProblem('', '批示')).toBeNull();
  });
});

describe('personNameProblem (red-team L3)', () => {
  it('keeps every legitimate name', () => {
    for (const name of ['张三', '欧阳娜娜', '阿依古丽·买买提', '买买提•艾力', 'Li Lei', ' John Smith ', 'J. Smith', '张\u3000三', '刘䶮', '吉𠮷', '𪚥𪚥', 'A'.repeat(30)]) {
      expect({ name, problem: personNameProblem(name) }).toEqual({ name, problem: null });
    }
  });

  it('refuses names of separators only, separators at an end or in a row, and blank-looking or invisible characters', () => {
    expect(personNameProblem('··')).toBe('姓名应为2–30个汉字或字母');
    expect(personNameProblem('.....')).toBe('姓名应为2–30个汉字或字母');
    expect(personNameProblem('•·', '授课人')).toBe('授课人应为2–30个汉字或字母');
    expect(personNameProblem('·张三')).toBe('姓名不能以“·”开头');
    expect(personNameProblem('张三•', '联系人')).toBe('联系人不能以“•”结尾');
    expect(personNameProblem('Li Lei.')).toBe('姓名不能以“.”结尾');
    expect(personNameProblem('张     三')).toBe('姓名中的间隔号“·”、点或空格不能连用');
    expect(personNameProblem('阿依古丽··买买提')).toBe('姓名中的间隔号“·”、点或空格不能连用');
    expect(personNameProblem('张. 三')).toBe('姓名中的间隔号“·”、点或空格不能连用');
    expect(personNameProblem('\u3164\u3164', '授课人')).toBe('请填写授课人');
    expect(personNameProblem('\u2800')).toBe('请填写姓名');
    expect(personNameProblem('张\u3164三')).toBe('姓名含有看起来像空格的填充字符（如韩文填充符U+3164、盲文空白U+2800），请删除后重新输入');
    expect(personNameProblem('张\u061c三')).toBe('姓名含有零宽字符、文字方向控制符等不可见的格式字符，请删除后重新输入');
    expect(personNameProblem('张\u0301三')).toBe('姓名含有单独的组合附加符号（如U+0301），请删除后重新输入');
    expect(personNameProblem('=1+1', '授课人')).toBe('授课人应为2–30个汉字或字母');
  });
});

describe('relativesStatementProblem (red-team L3)', () => {
  it('refuses a statement that looks empty or gives no reason in words, naming 未登记亲属说明', () => {
    expect(relativesStatementProblem('\u3164\u3164')).toBe('未登记亲属说明只有零宽字符等不可见字符，请填写内容');
    expect(relativesStatementProblem('\u200b')).toBe('未登记亲属说明只有零宽字符等不可见字符，请填写内容');
    expect(relativesStatementProblem('。')).toBe('未登记亲属说明应写明未登记父亲或母亲的原因（如已故、不详），不能只有数字或符号');
    expect(relativesStatementProblem('1')).toBe('未登记亲属说明应写明未登记父亲或母亲的原因（如已故、不详），不能只有数字或符号');
    expect(relativesStatementProblem('说'.repeat(201))).toBe('未登记亲属说明不能超过200字（现201字）');
    expect(relativesStatementProblem('=HYPERLINK("x")')).toBe('未登记亲属说明不能包含尖括号，也不能以 = + - @ 开头');
  });

  it('takes a reason, and nothing (or spaces) as no statement', () => {
    for (const ok of ['父亲已故', '母亲不详', '父亲2019年病故\n母亲改嫁后失去联系', '说'.repeat(200), null, undefined, '', '   ']) {
      expect(relativesStatementProblem(ok)).toBeNull();
    }
  });
});

describe('written free text (common/written-text.ts)', () => {
  it('names only operations and text arguments the API has', async () => {
    const schema = await createSchema();
    const mutations = schema.getMutationType()!.getFields();
    const missing = Object.keys(WRITTEN_TEXT).filter((key) => {
      const [operation, ...path] = key.split('.');
      const field = mutations[operation];
      if (!field) return true;
      let type: GraphQLInputType | undefined = field.args.find((a) => a.name === path[0])?.type;
      for (const part of path.slice(1)) {
        const named = type && getNamedType(type);
        type = named && isInputObjectType(named) ? named.getFields()[part]?.type : undefined;
      }
      return !type || getNamedType(type).name !== 'String';
    });
    expect(missing).toEqual([]);
  });
});
