import { expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { addRecord, idFor, makeGuard, passableSeen, passAllSeen, type Row, vettingScene } from '../../../test/vetting-fixtures';

/**
 * Red-team G1: a guard's father has a record; the check suggests a review. The company takes the guard off
 * undecided, declares another "father" with a made-up number (plausible: male, 27 years older) and puts him
 * forward again: the check found nothing, the suggestion was "本人及直系亲属未比中记录…" and 一键通过 passed him.
 * Now an earlier check of the person that found a relative's record, under relatives declared otherwise than
 * now, asks for the officer's review, 一键通过 leaves the entry, and a pass needs a note.
 */
const ENTRY_SD = `query($id: ID!) { rosterEntry(id: $id) { id decision suggestion suggestionCategory suggestionReason hitCount reused version } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;
const SET_RELATIVES = `mutation($g: ID!, $r: [RelativeInput!]!, $s: String) { setGuardRelatives(guardId: $g, relatives: $r, statement: $s) { id relativesDeclared } }`;

const REASON = /^此人于\d{4}-\d{2}-\d{2}比对发现直系亲属有记录，此后申报的直系亲属或姓名已更改，请复核$/;

describe('a relative’s record found before, then other relatives declared, is the officer’s to weigh (red-team G1)', () => {
  const scene = vettingScene('换亲属测试', { entry: ENTRY_SD });
  const { newActivity, submit, sdEntry } = scene;
  let t: TestApp, baoan: TestClient, company: TestClient, companyId: string;
  beforeAll(() => ({ t, baoan, company, companyId } = scene));

  const stored = async (id: string): Promise<Row> => (await t.sql(`SELECT decision, decision_note, version FROM roster_entries WHERE id = $1`, [id]))[0];

  /** A guard whose father has a record, both parents declared; submitted and taken off undecided. */
  async function laundered(name: string, activityId: string) {
    const father = { relation: 'FATHER', name: `${name}父`, idNumber: idFor('1962-03-03') };
    const mother = { relation: 'MOTHER', name: `${name}母`, idNumber: idFor('1964-04-04', true) };
    const g = await makeGuard(t, companyId, { name, relatives: [father, mother] as never, relativesStatement: null });
    await addRecord(t, father.idNumber, 'ADMIN_DETENTION', { name: father.name });
    const [first] = await submit(activityId, [g.id]);
    expect(await sdEntry(first.id)).toMatchObject({ suggestion: 'PENDING', hitCount: 1 });
    expect((await sdEntry(first.id)).suggestionReason).toMatch(/^请审核：父亲有/);
    expect(expectData(await company.gql(REMOVE, { e: first.id })).removeRosterEntry.state).toBe('REMOVED');
    // Another "father": a valid number, male, born 27 years before the guard; no statement.
    const other = { relation: 'FATHER', name: `${name}建国`, idNumber: idFor('1971-07-07') };
    expect(expectData(await company.gql(SET_RELATIVES, { g: g.id, r: [other, mother], s: null })).setGuardRelatives.relativesDeclared).toBe(true);
    return { g, first };
  }

  it('the red team’s sequence: the father with the record replaced by a made-up one — a review, not 一键通过; a pass only with a note', async () => {
    const activityId = await newActivity();
    const { g } = await laundered('廖晨', activityId);
    const clean = await makeGuard(t, companyId, { name: '廖清白' });

    const entries = await submit(activityId, [g.id, clean.id]);
    const again = entries.find((e) => e.guardId === g.id)!;
    const officer = await sdEntry(again.id);
    expect(officer).toMatchObject({ decision: 'PENDING', suggestion: 'PENDING', suggestionCategory: 'OTHER', hitCount: 0, reused: false });
    expect(officer.suggestionReason).toMatch(REASON);

    // 一键通过 offers and passes the clean guard only.
    expect((await passableSeen(baoan, activityId)).map((e) => e.entryId)).toEqual([entries.find((e) => e.guardId === clean.id)!.id]);
    expect(await passAllSeen(baoan, activityId)).toBe(1);
    expect((await stored(again.id)).decision).toBe('PENDING');

    // A pass says why; without a note it is refused on `note` and nothing is stored.
    const before = await stored(again.id);
    const refused = expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [again.id], decision: 'PASSED', expectedVersions: [before.version] } }), 'BAD_USER_INPUT');
    expect(refused.extensions?.fields).toEqual([{ field: 'note', message: '廖晨此前比对发现直系亲属有记录，此后申报的直系亲属或姓名已更改，通过时请填写审核意见' }]);
    expect(await stored(again.id)).toEqual(before);
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [again.id], decision: 'PASSED', note: '核实：原登记父亲信息有误，已更正', expectedVersions: [before.version] } }));
    expect(await stored(again.id)).toMatchObject({ decision: 'PASSED', decision_note: '核实：原登记父亲信息有误，已更正' });
  });

  it('follows the person to another activity, and to another register row of the same ID number', async () => {
    const { g } = await laundered('孔东', await newActivity());
    const [elsewhere] = await submit(await newActivity(), [g.id]);
    expect((await sdEntry(elsewhere.id)).suggestionReason).toMatch(REASON);
    expect(await passableSeen(baoan, (await t.sql(`SELECT activity_id FROM roster_entries WHERE id = $1`, [elsewhere.id]))[0].activity_id)).toEqual([]);
  });

  it('an entry suggested 通过 before this rule (a stored clean suggestion) is not offered to 一键通过 either', async () => {
    const activityId = await newActivity();
    const { g } = await laundered('郑旧', activityId);
    const [again] = await submit(activityId, [g.id]);
    // As a check made before the rule stored it.
    await t.sql(`UPDATE roster_entries SET suggestion = 'PASSED', suggestion_category = NULL, suggestion_reason = '本人及直系亲属未比中记录，资格预审通过' WHERE id = $1`, [again.id]);
    expect(await passableSeen(baoan, activityId)).toEqual([]);
    expect(await passAllSeen(baoan, activityId)).toBe(0);
    expect((await stored(again.id)).decision).toBe('PENDING');
  });

  it('asks nothing when the earlier check found nothing, or when the relatives with the record are still those declared', async () => {
    // Relatives changed after a clean check (married since): the clean suggestion.
    const g = await makeGuard(t, companyId, { name: '王新婚' });
    const [first] = await submit(await newActivity(), [g.id]);
    expect((await sdEntry(first.id)).suggestion).toBe('PASSED');
    expectData(await company.gql(REMOVE, { e: first.id }));
    const father = { relation: 'FATHER', name: '王父', idNumber: idFor('1960-01-02') };
    const mother = { relation: 'MOTHER', name: '王母', idNumber: idFor('1961-02-03', true) };
    const spouse = { relation: 'SPOUSE', name: '李新娘', idNumber: idFor('1996-03-04', true) };
    expectData(await company.gql(SET_RELATIVES, { g: g.id, r: [father, mother, spouse], s: null }));
    const [second] = await submit(await newActivity(), [g.id]);
    expect(await sdEntry(second.id)).toMatchObject({ suggestion: 'PASSED', suggestionReason: '本人及直系亲属未比中记录，资格预审通过' });

    // The same relatives declared (nothing changed): the father's record is found again, for review as before, no clause added.
    const activityId = await newActivity();
    const hFather = { relation: 'FATHER', name: '赵父', idNumber: idFor('1958-05-05') };
    const h = await makeGuard(t, companyId, { name: '赵不变', relatives: [hFather, { relation: 'MOTHER', name: '赵母', idNumber: idFor('1959-06-06', true) }] as never, relativesStatement: null });
    await addRecord(t, hFather.idNumber, 'ADMIN_DETENTION', { name: hFather.name });
    const [h1] = await submit(activityId, [h.id]);
    const firstReason = (await sdEntry(h1.id)).suggestionReason;
    expect(firstReason).toMatch(/^请审核：父亲有/);
    expectData(await company.gql(REMOVE, { e: h1.id }));
    const [h2] = await submit(activityId, [h.id]);
    expect(await sdEntry(h2.id)).toMatchObject({ suggestion: 'PENDING', suggestionReason: firstReason, hitCount: 1 });
  });
});
