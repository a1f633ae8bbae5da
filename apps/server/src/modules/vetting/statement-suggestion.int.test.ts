import { expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { csvFile, idFor, makeGuard, passAllSeen, type Row, vettingScene } from '../../../test/vetting-fixtures';

/**
 * Red-team F1: a statement about the relatives ("父亲已故", "不详") standing in for a parent, or for the
 * relatives altogether, skipped the relatives check and got the clean suggestion "本人及直系亲属未比中记录…",
 * which 一键通过 then passed with a note claiming the relatives were checked. Now: the suggestion is a review
 * naming who is not registered and quoting the statement, 一键通过 leaves the entry, and a pass needs the
 * officer's note (refused on `note`, nothing stored).
 */
const ENTRY_SD = `query($id: ID!) { rosterEntry(id: $id) { id decision suggestion suggestionCategory suggestionReason hitCount reused decisionNote version
  priorDecisions { entryId decision removed } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;
const SET_RELATIVES = `mutation($g: ID!, $r: [RelativeInput!]!, $s: String) { setGuardRelatives(guardId: $g, relatives: $r, statement: $s) { id relativesDeclared } }`;
const CREATE_GUARD = `mutation($input: CreateGuardInput!) { createGuard(input: $input) { id } }`;
const IMPORT_RECORDS = `mutation($file: FileInput!, $mode: ImportMode!) { importRecords(file: $file, mode: $mode) { created invalidRows } }`;
const RECORD_HEADER = ['身份证号', '姓名', '类别', '发生日期', '来源', '严重程度', '备注'];

describe('a statement standing in for a relative is the officer’s to weigh (red-team F1)', () => {
  const scene = vettingScene('亲属说明测试', { entry: ENTRY_SD });
  const { newActivity, submit, sdEntry } = scene;
  let t: TestApp, baoan: TestClient, company: TestClient, companyId: string;
  beforeAll(() => ({ t, baoan, company, companyId } = scene));

  const stored = async (id: string): Promise<Row> =>
    (await t.sql(`SELECT decision, decision_note, decided_by, version FROM roster_entries WHERE id = $1`, [id]))[0];
  const passAll = (activityId: string): Promise<number> => passAllSeen(baoan, activityId);

  /** decideVetting PASSED without a note: refused on `note`, nothing stored. */
  async function expectNoteRequired(entryId: string, message: string) {
    const before = await stored(entryId);
    const refused = expectErrorCode(
      await baoan.gql(DECIDE, { input: { entryIds: [entryId], decision: 'PASSED', expectedVersions: [before.version] } }),
      'BAD_USER_INPUT',
    );
    expect(refused.extensions?.fields).toEqual([{ field: 'note', message }]);
    expect(await stored(entryId)).toEqual(before);
    // A blank note is no note.
    expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [entryId], decision: 'PASSED', note: '  ', expectedVersions: [before.version] } }), 'BAD_USER_INPUT');
    expect(await stored(entryId)).toEqual(before);
  }

  it('the red team’s sequence: a father with a record, taken off, declared "父亲已故", submitted again — a review quoting the statement, not 一键通过, a pass only with a note', async () => {
    const activityId = await newActivity();
    const father = { relation: 'FATHER', name: '何父', idNumber: idFor('1962-03-03') };
    const mother = { relation: 'MOTHER', name: '何母', idNumber: idFor('1964-04-04', true) };
    const spouse = { relation: 'SPOUSE', name: '何妻', idNumber: idFor('1991-05-05', true) };
    const child = { relation: 'CHILD', name: '何子', idNumber: idFor('2015-06-06') };
    const g = await makeGuard(t, companyId, { name: '何成东', relatives: [father, mother] as never, relativesStatement: null });
    const clean = await makeGuard(t, companyId, { name: '何清白' });

    // 1. 保安管理支队 imports a record of the father.
    const imported = expectData(await baoan.gql(IMPORT_RECORDS, {
      file: csvFile('记录.csv', [RECORD_HEADER, [father.idNumber, father.name, '故意犯罪刑事处罚', '2012-03-01', '兴隆台公安分局', '重', '']]),
      mode: 'COMMIT',
    })).importRecords;
    expect(imported).toMatchObject({ created: 1, invalidRows: 0 });

    // 2.–3. Submitted: the father's record is for review; 一键通过 leaves him.
    const first = (await submit(activityId, [g.id])).find((e) => e.guardId === g.id)!;
    expect(await sdEntry(first.id)).toMatchObject({ suggestion: 'PENDING', suggestionReason: '请审核：父亲有故意犯罪刑事处罚记录', hitCount: 1 });
    expect(await passAll(activityId)).toBe(0);

    // 4.–6. Taken off undecided, the father replaced by a statement, submitted again (with a clean guard).
    expect(expectData(await company.gql(REMOVE, { e: first.id })).removeRosterEntry.state).toBe('REMOVED');
    const declared = expectData(await company.gql(SET_RELATIVES, { g: g.id, r: [mother, spouse, child], s: '父亲已故' })).setGuardRelatives;
    expect(declared.relativesDeclared).toBe(true);
    const again = await submit(activityId, [g.id, clean.id]);
    const entry = again.find((e) => e.guardId === g.id)!;
    const cleanEntry = again.find((e) => e.guardId === clean.id)!;

    const officer = await sdEntry(entry.id);
    // ...and that the earlier check found a relative's record under the relatives declared then (red-team G1).
    expect(officer).toMatchObject({ decision: 'PENDING', suggestion: 'PENDING', suggestionCategory: 'OTHER', hitCount: 0 });
    expect(officer.suggestionReason).toMatch(/^请审核：未登记父亲，申报说明：父亲已故；此人于\d{4}-\d{2}-\d{2}比对发现直系亲属有记录，此后申报的直系亲属或姓名已更改，请复核$/);
    expect(officer.suggestionReason).not.toContain('未比中记录');
    // The entry taken off before the officer decided, whose check found the father's record, is before him too.
    expect(officer.priorDecisions).toEqual([{ entryId: first.id, decision: 'PENDING', removed: true }]);
    expect(await sdEntry(cleanEntry.id)).toMatchObject({ suggestion: 'PASSED', suggestionReason: '本人及直系亲属未比中记录，资格预审通过' });

    // 一键通过 passes the clean guard only.
    expect(await passAll(activityId)).toBe(1);
    expect(await stored(entry.id)).toMatchObject({ decision: 'PENDING', decided_by: null });
    expect((await stored(cleanEntry.id)).decision).toBe('PASSED');

    // A pass needs the officer's note, given on `note`; then it is stored with it.
    await expectNoteRequired(entry.id, '何成东未登记父亲，申报说明：父亲已故，通过时请填写审核意见');
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [entry.id], decision: 'PASSED', note: '已核实父亲死亡证明', expectedVersions: [(await stored(entry.id)).version] } }));
    expect(await stored(entry.id)).toMatchObject({ decision: 'PASSED', decision_note: '已核实父亲死亡证明' });
  });

  it('statement.mjs: a guard registered with no relatives and the statement "不详" — the same review, 一键通过 skips, a note is required', async () => {
    const activityId = await newActivity();
    const idNumber = idFor('1992-07-07');
    const created = expectData(await company.gql(CREATE_GUARD, {
      input: { name: '宁不详', idNumber, education: 'SENIOR_MIDDLE', certificateNo: `辽说${idNumber.slice(-6)}`, certificateIssuedOn: '2020-03-01', relatives: [], relativesStatement: '不详' },
    })).createGuard;
    const [entry] = await submit(activityId, [created.id]);
    expect(await sdEntry(entry.id)).toMatchObject({ suggestion: 'PENDING', suggestionCategory: 'OTHER', suggestionReason: '请审核：未登记父亲、母亲，申报说明：不详', hitCount: 0 });
    expect(await passAll(activityId)).toBe(0);
    await expectNoteRequired(entry.id, '宁不详未登记父亲、母亲，申报说明：不详，通过时请填写审核意见');
    // FAILED needs its note anyway; a pass with a note is the officer's call.
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [entry.id], decision: 'PASSED', note: '经派出所核实，父母信息确无登记' } }));
    expect((await stored(entry.id)).decision).toBe('PASSED');
  });

  it('both parents registered: a statement about the others changes nothing (clean, 一键通过)', async () => {
    const activityId = await newActivity();
    const g = await makeGuard(t, companyId, {
      name: '齐父母',
      relatives: [{ relation: 'FATHER', name: '齐父', idNumber: idFor('1961-01-01') }, { relation: 'MOTHER', name: '齐母', idNumber: idFor('1963-01-01', true) }],
      relativesStatement: '未婚无子女',
    });
    const [entry] = await submit(activityId, [g.id]);
    expect(await sdEntry(entry.id)).toMatchObject({ suggestion: 'PASSED', suggestionReason: '本人及直系亲属未比中记录，资格预审通过' });
    expect(await passAll(activityId)).toBe(1);
  });

  it('an entry checked before this rule (stored clean suggestion) is not passed by 一键通过 either, and a pass still needs a note', async () => {
    const activityId = await newActivity();
    const g = await makeGuard(t, companyId, { name: '旧建议', relativesStatement: '父母均已故' , relatives: [] });
    const [entry] = await submit(activityId, [g.id]);
    // As the code before the rule stored it.
    await t.sql(`UPDATE roster_entries SET suggestion = 'PASSED', suggestion_category = NULL, suggestion_reason = '本人及直系亲属未比中记录，资格预审通过' WHERE id = $1`, [entry.id]);
    expect(await passAll(activityId)).toBe(0);
    await expectNoteRequired(entry.id, '旧建议未登记父亲、母亲，申报说明：父母均已故，通过时请填写审核意见');
  });

  it('a pass made by 一键通过 on a statement (before this rule) is not reused; one an officer wrote a note for is', async () => {
    const g = await makeGuard(t, companyId, { name: '复用说明', relativesStatement: '父亲已故', relatives: [{ relation: 'MOTHER', name: '复用母', idNumber: idFor('1965-05-05', true) }] });
    const first = await newActivity();
    const [e1] = await submit(first, [g.id]);
    // As 一键通过 stored it before the rule.
    await t.sql(
      `UPDATE roster_entries SET decision = 'PASSED', reason_category = 'CLEAR', decision_note = '本人及直系亲属无记录，直系亲属已申报，资格预审通过（一键通过）',
              decided_by = (SELECT id FROM users WHERE username = 'baoan'), decided_at = $2 WHERE id = $1`,
      [e1.id, t.clock.now()],
    );
    await t.sql(`UPDATE activities SET status = 'CLOSED' WHERE id = $1`, [first]);
    const second = await newActivity();
    const [e2] = await submit(second, [g.id]);
    expect(e2).toMatchObject({ decision: 'PENDING', reused: false });
    expect((await sdEntry(e2.id)).suggestionReason).toBe('请审核：未登记父亲，申报说明：父亲已故');
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [e2.id], decision: 'PASSED', note: '父亲死亡证明已核' } }));
    await t.sql(`UPDATE activities SET status = 'CLOSED' WHERE id = $1`, [second]);

    // The officer's pass, with his note, is reused for the same identity.
    const third = await newActivity();
    const [e3] = await submit(third, [g.id]);
    expect(e3).toMatchObject({ decision: 'PASSED', reused: true });
  });
});
