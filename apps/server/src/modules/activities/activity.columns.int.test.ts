import { createSchema } from '../../schema';
import { activityColumnsFor } from './activity.columns';
import { createTestApp, expectData, statementsDuring, TestApp, TestClient } from '../../../test/harness';
import { documentFor, prune, rootSelection, Selection } from '../../../test/schema-walk';

type Item = Record<string, unknown> & { id: string };

/**
 * The activity list reads only the columns the fields asked for need (activity.columns.ts). Every
 * field of Activity, asked for alone beside the id, must answer exactly as when the whole row is read:
 * a field whose columns are missing from the map would answer null, an empty list or a wrong figure.
 */
describe('activity list: columns read for the fields asked for', () => {
  let t: TestApp;
  let office: TestClient;
  let items: Selection;
  let whole: Map<string, Item>;
  const page = { page: 1, pageSize: 500 };

  const list = async (sel: Selection, client = office): Promise<Item[]> => {
    const root = rootSelection(await createSchema(), 'query', 'activities', { page }, { maxDepth: 1 });
    const doc = documentFor('query', { ...root, children: [sel] });
    return expectData<{ activities: { items: Item[] } }>(await client.gql(doc)).activities.items;
  };

  /**
   * Every field below `items` that `client` may read (refused ones pruned: the office may not read a
   * unit's accounts), and each activity of its list read alone (`activity(id)`, always the whole row).
   */
  const baselineFor = async (client: TestClient) => {
    const schema = await createSchema();
    const full = rootSelection(schema, 'query', 'activities', { page }, { maxDepth: 6 });
    for (;;) {
      const { errors } = await client.gql(documentFor('query', full));
      if (!errors?.length) break;
      for (const e of errors) {
        expect(e.extensions?.code).toBe('FORBIDDEN');
        prune(full, e.path as (string | number)[]);
      }
    }
    const sel = full.children!.find((c) => c.field === 'items')!;
    const ids = (await list({ ...sel, children: sel.children!.filter((c) => c.field === 'id') }, client)).map((r) => r.id);
    const rows = new Map<string, Item>();
    for (const id of ids) {
      const one = rootSelection(schema, 'query', 'activity', { id }, { maxDepth: 1 });
      rows.set(id, expectData<{ activity: Item }>(await client.gql(documentFor('query', { ...one, children: sel.children }))).activity);
    }
    return { sel, rows };
  };

  /** Each field alone beside the id, against the whole rows; returns the fields empty on every row. */
  const compareEachField = async (client: TestClient, sel: Selection, rows: Map<string, Item>) => {
    const idSel = sel.children!.find((c) => c.field === 'id')!;
    const empty: string[] = [];
    for (const field of sel.children!.filter((c) => c.field !== 'id')) {
      const alone = await list({ ...sel, children: [idSel, field] }, client);
      expect(alone.map((r) => r.id)).toEqual([...rows.keys()]);
      for (const row of alone) {
        expect({ id: row.id, [field.field]: row[field.field] }).toEqual({ id: row.id, [field.field]: rows.get(row.id)![field.field] });
      }
      if (alone.every((r) => r[field.field] === null || (Array.isArray(r[field.field]) && (r[field.field] as unknown[]).length === 0))) empty.push(field.field);
    }
    return empty;
  };

  beforeAll(async () => {
    t = await createTestApp();
    // Values for the columns the demo data leaves empty on every row, so each field has one to compare.
    const [closed] = await t.sql(`SELECT id FROM activities WHERE status = 'CLOSED' ORDER BY code LIMIT 1`);
    // (an age limit other than the default 55; every stage's stamp, which the deadlines show as done dates)
    await t.sql(
      `UPDATE activities SET close_statement = '仍有严重问题：已书面说明', evaluation_text = '总体有序', evaluation_rating = 4, age_limit = 50,
              ${['reported_at', 'requested_at', 'approved_at', 'recommended_at', 'selected_at', 'roster_submitted_at', 'vetting_closed_at', 'ready_at', 'started_at', 'closed_at']
                .map((c, i) => `${c} = coalesce(${c}, starts_at - interval '${20 - i} days')`)
                .join(', ')}
        WHERE id = $1`,
      [closed.id],
    );
    const [other] = await t.sql(`SELECT id FROM activities WHERE status = 'CANDIDATES_RECOMMENDED' ORDER BY code LIMIT 1`);
    if (other) await t.sql(`UPDATE activities SET recommendation_justification = '辖区内合格公司不足3家' WHERE id = $1`, [other.id]);
    office = await t.login('office');
    ({ sel: items, rows: whole } = await baselineFor(office));
  }, 120_000);
  afterAll(() => t?.close());

  it('answers every field alone as it answers it with the whole row', async () => {
    expect(whole.size).toBeGreaterThan(10);
    expect(items.children!.map((f) => f.field)).toEqual(expect.arrayContaining(['warnings', 'deadlines', 'plan', 'closeStatement', 'approvedByName', 'selectedCompany']));
    const empty = await compareEachField(office, items, whole);
    // a field empty on every row would compare nothing: the data above must give each one a value
    expect(empty.filter((f) => !['instructionRequests', 'cancelReason'].includes(f))).toEqual([]);
  }, 300_000);

  it('answers every field alone as with the whole row for a company too (its own assignments, candidates hidden)', async () => {
    const company = await t.login('company1');
    const { sel, rows } = await baselineFor(company);
    expect(rows.size).toBeGreaterThan(0);
    await compareEachField(company, sel, rows);
  }, 300_000);

  it('a page asking for a list’s usual fields does not read the plan, the free texts or the contacts', async () => {
    const pick = (names: string[]) => items.children!.filter((c) => names.includes(c.field));
    const texts = await statementsDuring(() => list({ ...items, children: pick(['id', 'code', 'name', 'status', 'startsAt', 'warnings', 'selectedCompany']) }));
    const pageSql = texts.find((s) => /FROM "?activities"?/.test(s) && /LIMIT/.test(s));
    expect(pageSql).toBeDefined();
    for (const column of ['plan', 'approval_note', 'return_reason', 'selection_reason', 'cancel_reason', 'evaluation_text', 'contact_phone', 'address']) {
      expect(pageSql).not.toContain(`"a"."${column}"`);
    }
    // the fields' own columns are there
    expect(pageSql).toContain('"a"."close_statement"');
    expect(pageSql).toContain('"a"."organizer_name"');
  });

  it('reads a column asked for by its field (the plan), and the whole row for a field it does not know', async () => {
    expect(activityColumnsFor(new Set(['id', 'someNewField']), () => false)).toBeNull();
    const texts = await statementsDuring(() => list({ ...items, children: items.children!.filter((c) => ['id', 'plan'].includes(c.field)) }));
    const pageSql = texts.find((s) => /FROM "?activities"?/.test(s) && /LIMIT/.test(s));
    expect(pageSql).toContain('"a"."plan"');
  });
});
