import { createTestApp, expectData, TestApp } from '../../../test/harness';

/**
 * Officers are named to the police only (review 11-B F2): the organizer and the company read the unit
 * that acted — in the activity's transitions, its 批示人 and the 台账 (whose export is built from the
 * same answer) — never an officer's or the leader's personal name.
 */
const READ = /* GraphQL */ `
  query ($id: ID!) {
    activity(id: $id) { approvedByName transitions { actorName } }
    activityTimeline(activityId: $id) { entries { actorName } }
  }
`;

describe('who acted, as each party reads it', () => {
  let t: TestApp;
  let activityId: string;
  let organizer: string;
  let company: string;
  let officers: string[];
  let leaderUnit: string;

  beforeAll(async () => {
    t = await createTestApp();
    const [a] = await t.sql(
      `SELECT a.id, (SELECT username FROM users WHERE unit_id = a.organizer_unit_id ORDER BY username LIMIT 1) AS organizer,
              (SELECT username FROM users WHERE unit_id = a.selected_company_id ORDER BY username LIMIT 1) AS company,
              (SELECT un.name FROM users u JOIN units un ON un.id = u.unit_id WHERE u.id = a.approved_by) AS leader_unit
         FROM activities a
        WHERE a.approved_by IS NOT NULL AND a.organizer_unit_id IS NOT NULL AND a.selected_company_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM users WHERE unit_id = a.selected_company_id)
          AND EXISTS (SELECT 1 FROM users WHERE unit_id = a.organizer_unit_id)
        ORDER BY a.code LIMIT 1`,
    );
    ({ id: activityId, organizer, company, leader_unit: leaderUnit } = a);
    officers = (await t.sql(`SELECT display_name FROM users WHERE role IN ('LEADER', 'OFFICE', 'SECURITY_DETACHMENT', 'EVENT_DETACHMENT', 'DISTRICT_BUREAU')`)).map(
      (u: { display_name: string }) => u.display_name,
    );
  });
  afterAll(() => t?.close());

  const read = async (username: string) => {
    const client = await t.login(username);
    const data = expectData(await client.gql(READ, { id: activityId }));
    return {
      approvedBy: data.activity.approvedByName as string,
      names: [...data.activity.transitions, ...data.activityTimeline.entries].map((x: { actorName: string | null }) => x.actorName).filter(Boolean) as string[],
    };
  };

  it.each([['the organizer', () => organizer], ['the selected company', () => company]])('%s reads the units that acted, no officer’s name', async (_who, username) => {
    const seen = await read(username());
    expect(seen.approvedBy).toBe(leaderUnit);
    expect(seen.names.length).toBeGreaterThan(3);
    for (const name of seen.names) for (const officer of officers) expect(name).not.toContain(officer);
  });

  it('the police read each officer by name with the unit', async () => {
    const seen = await read('baoan');
    expect(seen.approvedBy).toMatch(new RegExp(`^.+（${leaderUnit}）$`));
    expect(seen.names.some((n) => officers.some((o) => n.startsWith(`${o}（`)))).toBe(true);
  });
});
