import { createTestApp, expectData, TestApp } from '../../../test/harness';

describe('demo data: the later stages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('has an activity in every state from TRAINING to CLOSED, consistent with the duty gate', async () => {
    const rows: { status: string; n: number }[] = await t.sql(`SELECT status, count(*)::int AS n FROM activities GROUP BY status`);
    const states = new Set(rows.map((r) => r.status));
    for (const s of ['TRAINING', 'READY', 'IN_PROGRESS', 'CLOSED']) expect(states).toContain(s);

    const baoan = await t.login('baoan');
    const [ready] = await t.sql(`SELECT id, guards_required FROM activities WHERE name = '盘锦市青少年足球邀请赛'`);
    const o = expectData(await baoan.gql(`query ($id: ID!) { training(activityId: $id) { onDutyCount sessions { isMakeup } } }`, { id: ready.id })).training;
    expect(o.onDutyCount).toBeGreaterThanOrEqual(ready.guards_required);
    expect(o.sessions.map((s: { isMakeup: boolean }) => s.isMakeup)).toEqual([false, true]);

    const [live] = await t.sql(`SELECT id FROM activities WHERE status = 'IN_PROGRESS' AND name = '红海滩湿地音乐会'`);
    const f = expectData(await baoan.gql(`query ($id: ID!) { findings(activityId: $id) { total items { serious correctedAt personName guardId certificateNo } } }`, { id: live.id })).findings;
    expect(f.total).toBeGreaterThan(2);
    // each check keeps the person as found (red team F4): the guard's name and certificate, or the name given
    for (const x of f.items) expect(x.personName).not.toBe('');
    expect(f.items.filter((x: { guardId: string | null }) => x.guardId).every((x: { certificateNo: string | null }) => x.certificateNo)).toBe(true);
    const [{ unlike }] = await t.sql(
      `SELECT count(*)::int AS unlike FROM inspections i JOIN guards g ON g.id = i.guard_id
        WHERE i.guard_name IS DISTINCT FROM g.name OR i.certificate_no IS DISTINCT FROM g.certificate_no`,
    );
    expect(unlike).toBe(0);
    expect(f.items.some((x: { correctedAt: string | null }) => x.correctedAt)).toBe(true);
    expect(f.items.some((x: { correctedAt: string | null }) => !x.correctedAt)).toBe(true);

    const [closed] = await t.sql(`SELECT evaluation_rating FROM activities WHERE status = 'CLOSED' AND name = '盘锦市迎新春文艺晚会'`);
    expect(closed.evaluation_rating).toBe(4);
    const wq = expectData(await baoan.gql(`{ workQueue { total items { status } } }`)).workQueue;
    expect(wq.items.map((i: { status: string }) => i.status)).toEqual(expect.arrayContaining(['TRAINING', 'READY', 'IN_PROGRESS']));
  });
});
