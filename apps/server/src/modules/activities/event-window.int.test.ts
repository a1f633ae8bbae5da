import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { activityInput, CREATE_ACTIVITY, createCompany, guardsOf, unitIdOf } from '../../../test/activity-fixtures';
import { createActivityWithRoster, createCompanyWithGuards, trainAll } from '../../../test/onsite-fixtures';

/**
 * Review 9-C F1: the steps that prepare an event close when it starts (请示, 批示同意, 推荐, 遴选 and
 * re-selection, 上报/追加名单, 替换人员), and 现场监管 cannot begin once it has ended. Each refusal names the
 * date and stores nothing; a minute earlier the same step goes through. Sending the 请示 back, the
 * police's vetting decisions and the cancellation stay open.
 */
const NOW = '2031-04-01T10:00:00+08:00';
/** Every activity registered here: 2031-05-11 10:00–14:00 北京时间. */
const STARTS = '2031-05-11T10:00:00+08:00';
const ENDS = '2031-05-11T14:00:00+08:00';
const MINUTE = 60_000;

const REPORT = /* GraphQL */ `mutation ($id: ID!) { reportActivity(id: $id) { id } }`;
const REQUEST = /* GraphQL */ `
  mutation ($id: ID!) { requestInstruction(id: $id, input: { scale: "中型", staffing: "按配比", proposedCandidates: 3 }) { id } }
`;
const APPROVE = /* GraphQL */ `
  mutation ($id: ID!, $approved: Boolean!, $note: String) { approveActivity(id: $id, approved: $approved, note: $note) { id status returnReason } }
`;
const UPDATE = /* GraphQL */ `mutation ($id: ID!, $input: ActivityInput!) { updateActivity(id: $id, input: $input) { id status } }`;
const RECOMMEND = /* GraphQL */ `
  mutation ($id: ID!, $ids: [ID!]!) { recommendCandidates(activityId: $id, companyIds: $ids) { id status } }
`;
const QUOTE = /* GraphQL */ `mutation ($id: ID!, $c: ID!, $amount: Float!) { submitQuote(activityId: $id, companyId: $c, amount: $amount) { companyId quote } }`;
const SELECT = /* GraphQL */ `
  mutation ($id: ID!, $c: ID!, $reason: String!) { selectCompany(activityId: $id, companyId: $c, reason: $reason) { id status selectedCompanyId } }
`;
const SUBMIT = /* GraphQL */ `
  mutation ($input: SubmitRosterInput!) { submitRoster(input: $input) { activityStatus entries { id guardId } } }
`;
const DECIDE = /* GraphQL */ `
  mutation ($input: DecideVettingInput!) { decideVetting(input: $input) { activityStatus decided } }
`;
const REPLACE = /* GraphQL */ `mutation ($e: ID!, $g: ID!) { replaceRosterEntry(entryId: $e, guardId: $g) { id guardId replacesEntryId } }`;
const START = /* GraphQL */ `mutation ($id: ID!) { startActivity(id: $id) { id status } }`;
const CANCEL = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { cancelActivity(id: $id, reason: $reason) { status cancelReason } }`;

/** What a refused step must leave as it was: the row's status and stamps, and every row a step would add. */
async function snapshot(t: TestApp, id: string) {
  const [row] = await t.sql(
    `SELECT status, version, requested_at, approved_at, approved_by, recommended_at, selected_at, selected_company_id,
            selection_reason, roster_submitted_at, started_at, return_reason
       FROM activities WHERE id = $1`,
    [id],
  );
  const [counts] = await t.sql(
    `SELECT (SELECT count(*)::int FROM activity_transitions WHERE activity_id = $1) AS transitions,
            (SELECT count(*)::int FROM instruction_requests WHERE activity_id = $1) AS requests,
            (SELECT count(*)::int FROM instruction_requests WHERE activity_id = $1 AND answered_at IS NOT NULL) AS answered,
            (SELECT count(*)::int FROM activity_candidates WHERE activity_id = $1) AS candidates,
            (SELECT count(*)::int FROM roster_entries WHERE activity_id = $1) AS roster,
            (SELECT count(*)::int FROM roster_entries WHERE activity_id = $1 AND state = 'ACTIVE') AS "activeRoster",
            (SELECT count(*)::int FROM notifications WHERE activity_id = $1) AS notifications,
            (SELECT count(*)::int FROM audit_log WHERE entity_id = $1::text) AS audits`,
    [id],
  );
  return { ...row, ...counts };
}

describe('pre-event steps close when the event starts; on-site supervision cannot begin after its end', () => {
  let t: TestApp;
  let dawa: TestClient;
  let baoan: TestClient;
  let leader: TestClient;
  let organizer1: TestClient;
  let organizerUnitId: string;
  const co: Record<string, string> = {};
  const starts = new Date(STARTS);
  /** Puts the server's clock `minutes` after (negative: before) the start. */
  const atStart = (minutes = 0) => t.clock.set(new Date(starts.getTime() + minutes * MINUTE));

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    [dawa, baoan, leader, organizer1] = await Promise.all(['dawa', 'baoan', 'leader', 'organizer1'].map((u) => t.login(u)));
    organizerUnitId = await unitIdOf(t, 'organizer1');
    // Three qualified companies for a 20-guard activity (24 with the margin), licences valid through 2031.
    for (const [key, name] of [['first', '时限甲保安服务有限公司'], ['second', '时限乙保安服务有限公司'], ['third', '时限丙保安服务有限公司']]) {
      co[key] = await createCompany(t, { name, licenseExpiry: '2036-12-31', guards: [{ count: 30, age: 30 }], username: `window_${key}` });
    }
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });
  afterEach(() => t.clock.set(NOW));

  /** A 通报'd activity of organizer1 in 大洼 (2031-05-11), registered and reported at NOW. */
  async function reported(name: string): Promise<string> {
    t.clock.set(NOW);
    const input = activityInput({ name, startsAt: STARTS, endsAt: ENDS, appliedOn: '2031-04-01', organizerUnitId, guardsRequired: 20 });
    const { id } = expectData(await dawa.gql(CREATE_ACTIVITY, { input })).createActivity;
    expectData(await dawa.gql(REPORT, { id }));
    return id;
  }

  it('请示: refused from the start on, naming it; nothing is stored; a minute before, it goes through', async () => {
    const id = await reported('请示时限测试');
    const before = await snapshot(t, id);
    atStart();
    const refused = expectErrorCode(await baoan.gql(REQUEST, { id }), 'CONFLICT');
    expect(refused.message).toBe('活动已于2031-05-11 10:00开始，不能再请示；如活动未按安保要求举办，请取消活动并说明原因');
    expect(await snapshot(t, id)).toEqual(before);
    // weeks later, the same answer
    atStart(18 * 24 * 60);
    expect(expectErrorCode(await baoan.gql(REQUEST, { id }), 'CONFLICT').message).toMatch(/^活动已于2031-05-11 10:00开始，不能再请示；/);
    expect(await snapshot(t, id)).toEqual(before);

    atStart(-1);
    expectData(await baoan.gql(REQUEST, { id }));
    const after = await snapshot(t, id);
    expect(after.requests).toBe(1);
    expect(after.requested_at).toEqual(new Date(starts.getTime() - MINUTE));
  });

  it('批示同意: refused from the start; sending back for amendment stays open, and the amended activity is reported again', async () => {
    const id = await reported('批示时限测试');
    expectData(await baoan.gql(REQUEST, { id }));
    const before = await snapshot(t, id);
    atStart();
    const refused = expectErrorCode(await leader.gql(APPROVE, { id, approved: true, note: '同意' }), 'CONFLICT');
    expect(refused.message).toBe(
      '活动已于2031-05-11 10:00开始，不能再批示同意；如活动已改期，可退回登记单位修改时间；否则请保安管理支队取消活动并说明原因',
    );
    // The 请示 is still open (not answered), no 台账 entry, no notice: nothing written.
    expect(await snapshot(t, id)).toEqual(before);

    // Sent back after the start: allowed, the reporter corrects the dates (postponed) and reports again.
    const back = expectData(await leader.gql(APPROVE, { id, approved: false, note: '活动已延期，请核实时间后重新通报' })).approveActivity;
    expect(back).toMatchObject({ status: 'DRAFT', returnReason: '活动已延期，请核实时间后重新通报' });
    const input = activityInput({
      name: '批示时限测试', startsAt: '2031-06-20T10:00:00+08:00', endsAt: '2031-06-20T14:00:00+08:00', appliedOn: '2031-04-01', organizerUnitId, guardsRequired: 20,
    });
    expectData(await dawa.gql(UPDATE, { id, input }));
    expectData(await dawa.gql(REPORT, { id }));
    expect((await snapshot(t, id)).status).toBe('REPORTED');
  });

  it('批示同意 a minute before the start goes through', async () => {
    const id = await reported('批示时限测试二');
    expectData(await baoan.gql(REQUEST, { id }));
    atStart(-1);
    expect(expectData(await leader.gql(APPROVE, { id, approved: true, note: '同意' })).approveActivity.status).toBe('APPROVED');
  });

  describe('推荐, 遴选 and re-selection, roster, replacement, on one activity', () => {
    let id: string;

    beforeAll(async () => {
      id = await reported('推荐遴选时限测试');
      expectData(await baoan.gql(REQUEST, { id }));
      expectData(await leader.gql(APPROVE, { id, approved: true, note: '同意' }));
    });

    it('推荐候选公司: refused from the start; nothing stored; a minute before, recommended', async () => {
      const ids = [co.first, co.second, co.third];
      const before = await snapshot(t, id);
      expect(before.status).toBe('APPROVED');
      atStart();
      const refused = expectErrorCode(await baoan.gql(RECOMMEND, { id, ids }), 'CONFLICT');
      expect(refused.message).toBe('活动已于2031-05-11 10:00开始，不能再推荐候选公司；如活动未按安保要求举办，请取消活动并说明原因');
      expect(await snapshot(t, id)).toEqual(before);
      atStart(-1);
      expect(expectData(await baoan.gql(RECOMMEND, { id, ids })).recommendCandidates.status).toBe('CANDIDATES_RECOMMENDED');
      expect((await snapshot(t, id)).candidates).toBe(3);
    });

    it('填报报价: refused from the start (the selection it serves is closed); nothing stored; a minute before, taken', async () => {
      const quotes = async () => (await t.sql(`SELECT company_id, quote FROM activity_candidates WHERE activity_id = $1 ORDER BY company_id`, [id]));
      const before = await quotes();
      atStart();
      const refused = expectErrorCode(await organizer1.gql(QUOTE, { id, c: co.first, amount: 128000 }), 'CONFLICT');
      expect(refused.message).toBe('活动已于2031-05-11 10:00开始，不能再填报报价；如活动未按安保要求举办，请联系保安管理支队取消活动');
      expect(await quotes()).toEqual(before);
      atStart(-1);
      expect(expectData(await organizer1.gql(QUOTE, { id, c: co.first, amount: 128000 })).submitQuote.quote).toBe(128000);
      // 遴选 waits for every candidate's quote
      expectData(await organizer1.gql(QUOTE, { id, c: co.second, amount: 131000 }));
      expectData(await organizer1.gql(QUOTE, { id, c: co.third, amount: 135000 }));
    });

    it('遴选: refused from the start, to the organizer with whom to ask; a minute before, selected', async () => {
      const before = await snapshot(t, id);
      atStart();
      const refused = expectErrorCode(await organizer1.gql(SELECT, { id, c: co.first, reason: '报价合理' }), 'CONFLICT');
      expect(refused.message).toBe('活动已于2031-05-11 10:00开始，不能再遴选公司；如活动未按安保要求举办，请联系保安管理支队取消活动');
      expect(await snapshot(t, id)).toEqual(before);
      atStart(-1);
      expect(expectData(await organizer1.gql(SELECT, { id, c: co.first, reason: '报价合理' })).selectCompany).toMatchObject({
        status: 'COMPANY_SELECTED',
        selectedCompanyId: co.first,
      });
    });

    it('re-selection once the selected company lapsed: refused from the start; a minute before, another candidate is chosen', async () => {
      await t.sql(`UPDATE companies SET status = 'SUSPENDED', status_reason = '停业整顿' WHERE id = $1`, [co.first]);
      const before = await snapshot(t, id);
      atStart();
      const refused = expectErrorCode(await organizer1.gql(SELECT, { id, c: co.second, reason: '原中选公司停业' }), 'CONFLICT');
      expect(refused.message).toBe('活动已于2031-05-11 10:00开始，不能再遴选公司；如活动未按安保要求举办，请联系保安管理支队取消活动');
      expect(await snapshot(t, id)).toEqual(before);
      atStart(-1);
      expect(expectData(await organizer1.gql(SELECT, { id, c: co.second, reason: '原中选公司停业' })).selectCompany.selectedCompanyId).toBe(co.second);
    });

    it('上报名单, 追加 and 替换: refused from the start; the police decide on the people already on the roster', async () => {
      const company = await t.login('window_second');
      const guards = (await guardsOf(t, co.second, 6)).map((g) => g.id);
      const submit = (guardIds: string[]) => company.gql(SUBMIT, { input: { activityId: id, guardIds } });
      const party = '如活动未按安保要求举办，请联系保安管理支队取消活动';

      let before = await snapshot(t, id);
      atStart();
      expect(expectErrorCode(await submit(guards.slice(0, 3)), 'CONFLICT').message).toBe(`活动已于2031-05-11 10:00开始，不能再上报名单；${party}`);
      expect(await snapshot(t, id)).toEqual(before);
      atStart(-1);
      const entries = expectData(await submit(guards.slice(0, 3))).submitRoster.entries as { id: string; guardId: string }[];
      expect((await snapshot(t, id)).status).toBe('VETTING');

      // 追加 to the roster in vetting: refused the same way
      before = await snapshot(t, id);
      atStart();
      expect(expectErrorCode(await submit([guards[3]]), 'CONFLICT').message).toBe(`活动已于2031-05-11 10:00开始，不能再上报名单；${party}`);
      expect(await snapshot(t, id)).toEqual(before);

      // A decision about a person is a record of fact: still made after the start.
      const decided = expectData(
        await baoan.gql(DECIDE, { input: { entryIds: [entries[0].id], decision: 'FAILED', reasonCategory: 'PRE_CHECK', note: '资格预审未通过' } }),
      ).decideVetting;
      expect(decided).toEqual({ activityStatus: 'VETTING', decided: 1 });

      before = await snapshot(t, id);
      const refused = expectErrorCode(await company.gql(REPLACE, { e: entries[0].id, g: guards[4] }), 'CONFLICT');
      expect(refused.message).toBe(`活动已于2031-05-11 10:00开始，不能再替换人员；${party}`);
      expect(await snapshot(t, id)).toEqual(before);
      const [failed] = await t.sql(`SELECT state, decision FROM roster_entries WHERE id = $1`, [entries[0].id]);
      expect(failed).toEqual({ state: 'ACTIVE', decision: 'FAILED' });

      atStart(-1);
      const replacement = expectData(await company.gql(REPLACE, { e: entries[0].id, g: guards[4] })).replaceRosterEntry;
      expect(replacement).toMatchObject({ guardId: guards[4], replacesEntryId: entries[0].id });
      expectData(await submit([guards[5]]));
      expect((await snapshot(t, id)).activeRoster).toBe(4);
    });
  });

  describe('开始现场监管', () => {
    const START_MS = Date.parse('2031-04-11T10:00:00+08:00');
    const END_MS = Date.parse('2031-04-11T14:00:00+08:00');
    let companyId: string;

    beforeAll(async () => {
      companyId = await createCompanyWithGuards(t, '监管时限保安服务有限公司', 6);
    });

    /** READY, trained, 2031-04-11 10:00–14:00 (ten days after NOW). */
    async function ready(): Promise<string> {
      t.clock.set(NOW);
      const a = await createActivityWithRoster(t, { status: 'READY', companyId, guardsRequired: 3, cleared: 3 });
      await trainAll(t, a.id);
      return a.id;
    }

    it('refused from the end on (at the end and two weeks later), naming it; nothing stored; a minute before the end, started', async () => {
      const id = await ready();
      const before = await snapshot(t, id);
      for (const at of [END_MS, END_MS + 15 * 86_400_000]) {
        t.clock.set(new Date(at));
        const refused = expectErrorCode(await baoan.gql(START, { id }), 'CONFLICT');
        expect(refused.message).toBe('活动已于2031-04-11 14:00结束，不能再开始现场监管；请取消活动并说明原因');
        expect(await snapshot(t, id)).toEqual(before);
      }
      // the lower bound stays: earlier than the lead before the start is still refused
      t.clock.set(new Date(START_MS - 25 * 3600_000));
      expect(expectErrorCode(await baoan.gql(START, { id }), 'CONFLICT').message).toMatch(/最早于开始前24小时开始/);
      t.clock.set(new Date(END_MS - MINUTE));
      expect(expectData(await baoan.gql(START, { id })).startActivity.status).toBe('IN_PROGRESS');
    });

    it('a start before the event names on its transition how long before and the lead setting that allowed it; one after the start names nothing (red team 7 observation)', async () => {
      const early = await ready();
      t.clock.set(new Date(START_MS - 20 * 3600_000));
      expectData(await baoan.gql(START, { id: early }));
      const [transition] = await t.sql(`SELECT comment FROM activity_transitions WHERE activity_id = $1 AND to_status = 'IN_PROGRESS'`, [early]);
      expect(transition.comment).toBe('活动开始，现场监管（活动开始前20小时开始；“现场监管最早开始（开始前）”设置为24小时）');
      const late = await ready();
      t.clock.set(new Date(START_MS + MINUTE));
      expectData(await baoan.gql(START, { id: late }));
      const [onTime] = await t.sql(`SELECT comment FROM activity_transitions WHERE activity_id = $1 AND to_status = 'IN_PROGRESS'`, [late]);
      expect(onTime.comment).toBe('活动开始，现场监管');
    });

    it('what the refusal advises works: an activity left READY past its end is cancelled with the reason', async () => {
      const id = await ready();
      t.clock.set(new Date(END_MS + 15 * 86_400_000));
      expectErrorCode(await baoan.gql(START, { id }), 'CONFLICT');
      const cancelled = expectData(await baoan.gql(CANCEL, { id, reason: '活动已举办，未按程序开始现场监管' })).cancelActivity;
      expect(cancelled).toEqual({ status: 'CANCELLED', cancelReason: '活动已举办，未按程序开始现场监管' });
    });
  });
});
