import { expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { addRecord, idFor, makeGuard, passAllSeen, type Row, vettingScene } from '../../../test/vetting-fixtures';
import { idHash } from '../../common/pii';

/**
 * Red-team F2: what a check found, and a decided 不通过, followed the guard row's current ID number. A company
 * that changed the number of a guard with hits (variant A), or gave a failed record a made-up number and
 * registered the real one on a new record (variant B), had its guard suggested PASSED and passed by 一键通过.
 * Now each entry keeps the keyed hash of the number checked (`checked_id_hash`); earlier findings and 不通过
 * are matched by it and by the guard row.
 */
const ENTRY_SD = `query($id: ID!) { rosterEntry(id: $id) { id decision suggestion suggestionCategory suggestionReason hitCount reused
  priorDecisions { entryId activityId decision reasonCategory removed } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;
const UPDATE_GUARD = `mutation($id: ID!, $input: GuardInput!) { updateGuard(id: $id, input: $input) { id } }`;
const LEAVES = `mutation($id: ID!, $date: String!) { guardLeaves(id: $id, date: $date) { id status } }`;
const CREATE_GUARD = `mutation($input: CreateGuardInput!) { createGuard(input: $input) { id } }`;

/** YYYY-MM-DD in China time. */
const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('earlier findings and 不通过 follow the person as checked, not the row’s current ID number (red-team F2)', () => {
  const scene = vettingScene('改号测试', { entry: ENTRY_SD });
  const { newActivity, submit, sdEntry } = scene;
  let t: TestApp, baoan: TestClient, company: TestClient, companyId: string;
  beforeAll(() => ({ t, baoan, company, companyId } = scene));

  const version = async (id: string): Promise<number> => (await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [id]))[0].version;
  const passAll = (activityId: string): Promise<number> => passAllSeen(baoan, activityId);
  const checkedHash = async (entryId: string): Promise<Buffer | null> => (await t.sql(`SELECT checked_id_hash FROM roster_entries WHERE id = $1`, [entryId]))[0].checked_id_hash;
  /** Another valid number of the same birth date (the red team's way: age and sex unchanged). */
  const sameBirthDate = (idNumber: string) => idFor(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`);

  it('stores the number each entry was checked under', async () => {
    const activityId = await newActivity();
    const g = await makeGuard(t, companyId, { name: '存号' });
    const [entry] = await submit(activityId, [g.id]);
    expect(await checkedHash(entry.id)).toEqual(idHash(g.idNumber));
  });

  it('variant A: the guard’s own record, taken off undecided, his ID number changed, submitted again — a review naming the change, not 一键通过', async () => {
    const activityId = await newActivity();
    const g = await makeGuard(t, companyId, { name: '史福' });
    await addRecord(t, g.idNumber, 'INTENTIONAL_CRIME', { name: g.name });
    const [first] = await submit(activityId, [g.id]);
    expect(await sdEntry(first.id)).toMatchObject({ suggestion: 'FAILED', hitCount: 1 });
    expect((await sdEntry(first.id)).suggestionReason).toContain('本人有故意犯罪刑事处罚记录');

    expectData(await company.gql(REMOVE, { e: first.id }));
    const otherNumber = sameBirthDate(g.idNumber);
    expectData(await company.gql(UPDATE_GUARD, { id: g.id, input: { name: g.name, education: 'SENIOR_MIDDLE', idNumber: otherNumber, certificateNo: `辽改${otherNumber.slice(-6)}` } }));

    const [again] = await submit(activityId, [g.id]);
    expect(await checkedHash(again.id)).toEqual(idHash(otherNumber));
    const officer = await sdEntry(again.id);
    expect(officer).toMatchObject({ decision: 'PENDING', suggestion: 'PENDING', suggestionCategory: 'OTHER', hitCount: 0, reused: false });
    expect(officer.suggestionReason).toBe('此人身份证号在上次审核后已更改（上次审核比中记录），请复核');
    // The entry taken off before a decision, with what its check found, is before the officer.
    expect(officer.priorDecisions).toEqual([{ entryId: first.id, activityId, decision: 'PENDING', reasonCategory: null, removed: true }]);
    expect(await passAll(activityId)).toBe(0);
    expect((await t.sql(`SELECT decision FROM roster_entries WHERE id = $1`, [again.id]))[0].decision).toBe('PENDING');
    // A pass over the change says why; without a note nothing is stored.
    const bare = expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [again.id], decision: 'PASSED', expectedVersions: [await version(again.id)] } }), 'BAD_USER_INPUT');
    expect(bare.extensions?.fields).toEqual([{ field: 'note', message: '史福的身份证号在上次审核后已更改（上次审核比中记录），通过时请填写审核意见' }]);
    expect((await t.sql(`SELECT decision FROM roster_entries WHERE id = $1`, [again.id]))[0].decision).toBe('PENDING');
  });

  it('variant B: a 不通过, the failed record given a made-up number and left, the real number registered anew with "父亲已故" — the earlier 不通过 is shown, not 一键通过', async () => {
    const activityId = await newActivity();
    const father = { relation: 'FATHER' as const, name: '廖父', idNumber: idFor('1961-08-08') };
    const mother = { relation: 'MOTHER' as const, name: '廖母', idNumber: idFor('1963-09-09', true) };
    const g = await makeGuard(t, companyId, { name: '廖晨', relatives: [father, mother], relativesStatement: null });
    const [{ certificate_no: certificateNo }] = await t.sql(`SELECT certificate_no FROM guards WHERE id = $1`, [g.id]);
    await addRecord(t, father.idNumber, 'INTENTIONAL_CRIME', { name: father.name });
    const [failed] = await submit(activityId, [g.id]);
    expectData(await baoan.gql(DECIDE, {
      input: { entryIds: [failed.id], decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD', note: '父亲有故意犯罪记录，不宜上岗', expectedVersions: [await version(failed.id)] },
    }));
    const failedOn = chinaDate(t.clock.now());

    // The company moves the failed record to a made-up number and certificate, and lets it leave.
    expectData(await company.gql(REMOVE, { e: failed.id }));
    const madeUp = sameBirthDate(g.idNumber);
    expectData(await company.gql(UPDATE_GUARD, { id: g.id, input: { name: g.name, education: 'SENIOR_MIDDLE', idNumber: madeUp, certificateNo: `辽盘保9${madeUp.slice(-7)}` } }));
    expectData(await company.gql(LEAVES, { id: g.id, date: chinaDate(t.clock.now()) }));
    // The real person registered again, his original certificate, no father ("父亲已故").
    const real = expectData(await company.gql(CREATE_GUARD, {
      input: {
        name: g.name, idNumber: g.idNumber, education: 'SENIOR_MIDDLE', certificateNo, certificateIssuedOn: '2020-01-01',
        relatives: [{ relation: 'MOTHER', name: mother.name, idNumber: mother.idNumber }], relativesStatement: '父亲已故',
      },
    })).createGuard;
    const [entry] = await submit(activityId, [real.id]);

    const officer = await sdEntry(entry.id);
    expect(officer).toMatchObject({ decision: 'PENDING', suggestion: 'PENDING', hitCount: 0, reused: false });
    expect(officer.suggestionReason).toBe(`请审核：未登记父亲，申报说明：父亲已故；此人于${failedOn}审核不通过（直系亲属违法犯罪记录），请复核；申报的直系亲属与当时不同`);
    expect(officer.priorDecisions).toEqual([{ entryId: failed.id, activityId, decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD', removed: true }]);
    expect(await passAll(activityId)).toBe(0);
    expect((await t.sql(`SELECT decision FROM roster_entries WHERE id = $1`, [entry.id]))[0].decision).toBe('PENDING');
  });

  it('variant B without a statement (both parents declared anew): the earlier 不通过 alone asks for review, and follows to another activity', async () => {
    const activityId = await newActivity();
    const father = { relation: 'FATHER' as const, name: '郝父', idNumber: idFor('1960-10-10') };
    const g = await makeGuard(t, companyId, { name: '郝换号', relatives: [father, { relation: 'MOTHER', name: '郝母', idNumber: idFor('1962-11-11', true) }], relativesStatement: null });
    await addRecord(t, father.idNumber, 'INTENTIONAL_CRIME', { name: father.name });
    const [failed] = await submit(activityId, [g.id]);
    expectData(await baoan.gql(DECIDE, {
      input: { entryIds: [failed.id], decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD', note: '不宜上岗', expectedVersions: [await version(failed.id)] },
    }));
    expectData(await company.gql(REMOVE, { e: failed.id }));
    const madeUp = sameBirthDate(g.idNumber);
    expectData(await company.gql(UPDATE_GUARD, { id: g.id, input: { name: g.name, education: 'SENIOR_MIDDLE', idNumber: madeUp, certificateNo: `辽郝${madeUp.slice(-6)}` } }));
    expectData(await company.gql(LEAVES, { id: g.id, date: chinaDate(t.clock.now()) }));
    const real = await makeGuard(t, companyId, { name: g.name, idNumber: g.idNumber });

    const elsewhere = await newActivity();
    const [entry] = await submit(elsewhere, [real.id]);
    const officer = await sdEntry(entry.id);
    expect(officer).toMatchObject({ suggestion: 'PENDING', suggestionCategory: 'OTHER' });
    expect(officer.suggestionReason).toMatch(/^此人于\d{4}-\d{2}-\d{2}审核不通过（直系亲属违法犯罪记录），请复核/);
    expect(officer.priorDecisions.map((d: Row) => d.entryId)).toEqual([failed.id]);
    expect(await passAll(elsewhere)).toBe(0);
    // Seen by the check: the officer may pass him, knowingly, saying why; a bare pass is refused and stores nothing.
    const bare = expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [entry.id], decision: 'PASSED', expectedVersions: [await version(entry.id)] } }), 'BAD_USER_INPUT');
    expect(bare.extensions?.fields).toEqual([{ field: 'note', message: '郝换号此前审核不通过（仍在保存期内），通过时请填写审核意见' }]);
    expect((await t.sql(`SELECT decision FROM roster_entries WHERE id = $1`, [entry.id]))[0].decision).toBe('PENDING');
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [entry.id], decision: 'PASSED', note: '复核：父亲记录与本人无关', expectedVersions: [await version(entry.id)] } }));
  });

  it('a number changed after a clean check asks for nothing; a typo corrected before any finding neither', async () => {
    const activityId = await newActivity();
    const g = await makeGuard(t, companyId, { name: '更正号' });
    const [first] = await submit(activityId, [g.id]);
    expect((await sdEntry(first.id)).suggestion).toBe('PASSED');
    expectData(await company.gql(REMOVE, { e: first.id }));
    const corrected = sameBirthDate(g.idNumber);
    expectData(await company.gql(UPDATE_GUARD, { id: g.id, input: { name: g.name, education: 'SENIOR_MIDDLE', idNumber: corrected, certificateNo: `辽正${corrected.slice(-6)}` } }));
    const [again] = await submit(activityId, [g.id]);
    expect(await sdEntry(again.id)).toMatchObject({ suggestion: 'PASSED', suggestionReason: '本人及直系亲属未比中记录，资格预审通过' });
  });
});
