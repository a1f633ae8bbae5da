import { RecordCategory, RelativeRelation, VettingDecision, VettingReasonCategory } from '@evs/schema';
import { Hit, PriorFailure, priorFailureReason, relativesDeclaration, restatePriorFailure, suggest } from './suggestion';

/** The rulebook of suggestions with a 不通过 of the same person in the reuse window (review 11-A F1). */
const prior: PriorFailure = { decidedOn: '2026-12-05', reasonCategory: VettingReasonCategory.RELATIVE_RECORD, count: 1, changed: 'RELATIVES' };
const fatherHit: Hit = {
  relation: RelativeRelation.FATHER,
  subjectKey: 'f',
  subjectNameCipher: '',
  subjectIdCipher: '',
  record: { category: RecordCategory.ADMIN_DETENTION, occurredOn: '2018-04-04', source: '测试', idKey: 'f', nameCipher: '' },
};

describe('suggest with an earlier 不通过', () => {
  it('names it and asks for review instead of a clean PASSED', () => {
    expect(suggest([], [], { declared: true, missing: [], statement: null }, prior)).toEqual({
      suggestion: VettingDecision.PENDING,
      reasonCategory: VettingReasonCategory.OTHER,
      reason: '此人于2026-12-05审核不通过（直系亲属违法犯罪记录），请复核；申报的直系亲属与当时不同',
    });
    expect(suggest([], [], undefined, null).suggestion).toBe(VettingDecision.PASSED);
  });

  it('comes after a finding now, which keeps its category', () => {
    const s = suggest([], [fatherHit], undefined, { ...prior, changed: null });
    expect(s).toMatchObject({ suggestion: VettingDecision.PENDING, reasonCategory: VettingReasonCategory.RELATIVE_RECORD });
    expect(s.reason).toBe('请审核：父亲有行政拘留记录；此人于2026-12-05审核不通过（直系亲属违法犯罪记录），请复核');
    const pre = suggest([{ code: 'AGE', message: '年龄超过55周岁' }], [], undefined, prior);
    expect(pre).toMatchObject({ suggestion: VettingDecision.FAILED, reasonCategory: VettingReasonCategory.PRE_CHECK });
    expect(pre.reason).toBe('资格预审不符：年龄超过55周岁；此人于2026-12-05审核不通过（直系亲属违法犯罪记录），请复核；申报的直系亲属与当时不同');
  });

  it('counts several and says when the name may differ too', () => {
    expect(priorFailureReason({ ...prior, count: 2, changed: 'NAME_OR_RELATIVES', reasonCategory: VettingReasonCategory.OTHER })).toBe(
      '此人于2026-12-05审核不通过（其他原因），此前共2次不通过，请复核；姓名或申报的直系亲属与当时不同',
    );
  });
});

/** A 不通过 made after an entry was checked, restated into its stored suggestion (code review 11 C1). */
describe('restatePriorFailure: a stored suggestion as a check would give it now', () => {
  const now: PriorFailure = { decidedOn: '2026-12-06', reasonCategory: VettingReasonCategory.OTHER, count: 2, changed: null };
  const declared = { declared: true, missing: [] as RelativeRelation[], statement: null };
  const cases: [string, Parameters<typeof suggest>][] = [
    ['nothing found', [[], [], declared]],
    ['a relative\'s record', [[], [fatherHit], declared]],
    ['a pre-check problem', [[{ code: 'AGE', message: '年龄超过55周岁' }], [], declared]],
    ['relatives not declared', [[], [], { declared: false, missing: [RelativeRelation.FATHER], statement: null }]],
    ['a statement instead of a parent', [[], [], relativesDeclaration([RelativeRelation.MOTHER], '父亲已故')]],
    ['a statement that reads as the earlier 不通过', [[], [], relativesDeclaration([], '不详；此人于2026-01-01审核不通过，请复核')]],
    ['an ID number changed since a check with hits', [[], [], declared, null, { found: 'HITS' }]],
  ];

  it.each(cases)('%s, no 不通过 known at the check: what suggest gives with it', (_, [problems, hits, declaration, , changed]) => {
    const stored = suggest(problems, hits, declaration, null, changed);
    expect(restatePriorFailure(stored, now)).toEqual(suggest(problems, hits, declaration, now, changed));
  });

  it.each(cases)('%s, an earlier 不通过 known at the check: replaced by the latest, not repeated', (_, [problems, hits, declaration, , changed]) => {
    for (const before of [prior, { ...prior, changed: 'NAME_OR_RELATIVES' as const, count: 3 }, { ...prior, changed: null, reasonCategory: null }]) {
      const stored = suggest(problems, hits, declaration, before, changed);
      expect(restatePriorFailure(stored, now)).toEqual(suggest(problems, hits, declaration, now, changed));
    }
  });

  it('no longer reads 资格预审通过 when nothing was found', () => {
    expect(restatePriorFailure(suggest([], [], declared, null), now)).toEqual({
      suggestion: VettingDecision.PENDING,
      reasonCategory: VettingReasonCategory.OTHER,
      reason: '此人于2026-12-06审核不通过（其他原因），此前共2次不通过，请复核',
    });
  });
});

/** A statement standing in for a parent, and an ID number changed since a check that found something (red-team F1, F2). */
describe('suggest: what the check did not check, or checked under another number', () => {
  it('a statement instead of both parents (or all relatives): a review quoting it, never the clean suggestion', () => {
    expect(suggest([], [], relativesDeclaration([], '不详'))).toEqual({
      suggestion: VettingDecision.PENDING,
      reasonCategory: VettingReasonCategory.OTHER,
      reason: '请审核：未登记父亲、母亲，申报说明：不详',
    });
    expect(suggest([], [], relativesDeclaration([RelativeRelation.MOTHER, RelativeRelation.SPOUSE], ' 父亲已故 ')).reason).toBe('请审核：未登记父亲，申报说明：父亲已故');
    // After a finding, and one line with no clause separator of its own.
    expect(suggest([], [fatherHit], relativesDeclaration([RelativeRelation.FATHER], '母亲已故；\n改嫁')).reason).toBe(
      '请审核：父亲有行政拘留记录；未登记母亲，申报说明：母亲已故， 改嫁',
    );
  });

  it('both parents registered: a statement (about others) changes nothing', () => {
    expect(suggest([], [], relativesDeclaration([RelativeRelation.FATHER, RelativeRelation.MOTHER], '未婚')).suggestion).toBe(VettingDecision.PASSED);
    expect(relativesDeclaration([RelativeRelation.FATHER, RelativeRelation.MOTHER], '未婚').statement).toBeNull();
    expect(relativesDeclaration([RelativeRelation.FATHER], '  ')).toEqual({ declared: false, missing: [RelativeRelation.MOTHER], statement: null });
  });

  it('an ID number changed since a check that found something: a review instead of PASSED, after a finding, before the earlier 不通过', () => {
    const declared = relativesDeclaration([RelativeRelation.FATHER, RelativeRelation.MOTHER], null);
    expect(suggest([], [], declared, null, { found: 'HITS' })).toEqual({
      suggestion: VettingDecision.PENDING,
      reasonCategory: VettingReasonCategory.OTHER,
      reason: '此人身份证号在上次审核后已更改（上次审核比中记录），请复核',
    });
    expect(suggest([], [fatherHit], declared, prior, { found: 'FAILED' }).reason).toBe(
      '请审核：父亲有行政拘留记录；此人身份证号在上次审核后已更改（上次审核不通过），请复核；此人于2026-12-05审核不通过（直系亲属违法犯罪记录），请复核；申报的直系亲属与当时不同',
    );
  });
});
