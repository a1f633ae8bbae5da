import ExcelJS from 'exceljs';
import { GraphQLField, GraphQLSchema } from 'graphql';
import type { GqlResult, TestApp, TestClient } from './harness';
import { Answer, eachString } from './privacy-scan';
import { answeredPairs, documentFor, narrowTo, prune, rootSelection, Selection, selectedPairs, selectionAt, Skipped } from './schema-walk';

/**
 * Runs the privacy field walk's requests and keeps every answer: the schema-generated selections
 * (test/schema-walk.ts) as a given account, each refused field dropped and the rest asked again, and
 * the HTTP exports read back as rows. What the answers may not contain is the test's business.
 */

export type ArgSet = Record<string, unknown>;

export interface WalkAccount {
  username: string;
  role: string;
  client: TestClient;
}

export interface WalkStats {
  requests: number;
  /** `role|Type.field` answered with an object of Type present (or `role|GET route`). */
  answered: Set<string>;
  /** `role|Type.field` refused, with the error code (or HTTP status). */
  refused: Map<string, string>;
  /** `Type.field` pairs some selection asked for. */
  selected: Set<string>;
  skipped: Skipped[];
  walkErrors: string[];
}

export interface FieldWalkerOptions {
  maxDepth: number;
  /** Error codes that mean "not for you": the field is recorded as refused and dropped. */
  refusals: Set<string>;
  /** The role whose READ_DETAIL audit entries are counted per request (its requests run one at a time). */
  auditedRole: string;
  /** A readable name for an id in a request (`guard:pendingHit`), or the value as JSON. */
  nameOf: (value: unknown) => string;
}

export class FieldWalker {
  readonly answers: Answer[] = [];
  /** Errors that are not refusals: bugs that keep the walk from a field (reported, not fixed here). */
  readonly serverErrors: Answer[] = [];
  /** The query field and arguments behind each final query answer. */
  readonly walked = new Map<Answer, { field: string; args: ArgSet }>();
  readonly stats: WalkStats = { requests: 0, answered: new Set(), refused: new Map(), selected: new Set(), skipped: [], walkErrors: [] };

  constructor(
    private readonly t: TestApp,
    private readonly schema: GraphQLSchema,
    private readonly options: FieldWalkerOptions,
  ) {}

  describeArgs(args: ArgSet): string {
    const { nameOf } = this.options;
    return Object.entries(args)
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.map(nameOf).join(', ')}]` : v && typeof v === 'object' ? JSON.stringify(v) : nameOf(v)}`)
      .join(', ');
  }

  private async detailRows(account: WalkAccount): Promise<number | undefined> {
    if (account.role !== this.options.auditedRole) return undefined;
    const [{ n }] = await this.t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'READ_DETAIL'`);
    return n;
  }

  /**
   * Runs one root selection, dropping each refused field and asking again until nothing more is
   * refused. Every attempt is kept as an answer; the last one is marked final and returned.
   */
  async walkRoot(account: WalkAccount, operation: 'query' | 'mutation', field: string, args: ArgSet, root: Selection, extra: Partial<Answer> = {}): Promise<Answer> {
    const { stats } = this;
    const source = extra.source ?? `${operation} ${field}(${this.describeArgs(args)})`;
    const rootLabel = operation === 'query' ? field : `mutation:${field}`;
    selectedPairs(root).forEach((p) => stats.selected.add(p));
    const ask = async (): Promise<{ answer: Answer; retry: boolean }> => {
      const before = await this.detailRows(account);
      const r: GqlResult = await account.client.gql(documentFor(operation, root));
      stats.requests += 1;
      const after = await this.detailRows(account);
      const answer: Answer = {
        account: account.username, role: account.role, source, root: rootLabel,
        body: r.data?.[field] ?? null, errors: r.errors,
        detailAuditRows: after === undefined ? undefined : after - before!,
        ...extra,
      };
      this.answers.push(answer);
      answeredPairs(root, r.data).forEach((p) => stats.answered.add(`${account.role}|${p}`));
      let retry = false;
      for (const e of r.errors ?? []) {
        const code = e.extensions?.code ?? 'NO_CODE';
        if (!e.path) {
          stats.walkErrors.push(`${account.username}: ${source}: ${code} ${e.message}`);
          return { answer, retry: false };
        }
        const at = selectionAt(root, e.path);
        if (!at) continue; // already dropped for an earlier error of this answer
        stats.refused.set(`${account.role}|${at.parentType}.${at.field}`, code);
        if (!this.options.refusals.has(code)) {
          this.serverErrors.push({ ...answer, root: e.path.filter((p) => typeof p === 'string').join('.'), body: `${code}: ${e.message}` });
        }
        if (at === root) return { answer, retry: false };
        // A refused non-null field takes its parent with it: drop the field and ask again for the rest.
        if (at.nonNull) retry = true;
        prune(root, e.path);
      }
      return { answer, retry };
    };
    for (let attempt = 1; ; attempt++) {
      const { answer, retry } = await ask();
      if (!retry || attempt === 40) {
        if (retry) stats.walkErrors.push(`${account.username}: ${source}: still refused after 40 attempts`);
        answer.final = true;
        return answer;
      }
    }
  }

  /** Every Query field, once per argument set, everything below it selected. */
  async walkQueries(account: WalkAccount, argSets: (field: GraphQLField<unknown, unknown>) => ArgSet[]): Promise<void> {
    for (const field of Object.values(this.schema.getQueryType()!.getFields())) {
      for (const args of argSets(field)) {
        const root = rootSelection(this.schema, 'query', field.name, args, { maxDepth: this.options.maxDepth }, this.stats.skipped);
        this.walked.set(await this.walkRoot(account, 'query', field.name, args, root), { field: field.name, args });
      }
    }
  }

  /** One HTTP download with the account's session; a workbook is kept as its rows by sheet. */
  async fetch(account: WalkAccount, route: string, url: string): Promise<void> {
    const before = await this.detailRows(account);
    const res = await fetch(`${this.t.url}${url}`, { headers: { cookie: `evs_session=${account.client.cookie('evs_session')}` } });
    this.stats.requests += 1;
    const after = await this.detailRows(account);
    const source = `GET ${url.replace(/[0-9a-f-]{36}/g, (id) => this.options.nameOf(id))}`;
    const answer = { account: account.username, role: account.role, source, root: `GET ${route}`, detailAuditRows: after === undefined ? undefined : after - before!, final: true };
    if (res.status !== 200) {
      const body = await res.text();
      if (res.status >= 500) this.serverErrors.push({ ...answer, body: `HTTP ${res.status}: ${body}` });
      this.answers.push({ ...answer, body: null, errors: body });
      this.stats.refused.set(`${account.role}|GET ${route}`, String(res.status));
      return;
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheets: Record<string, string[][]> = {};
    wb.eachSheet((ws) => {
      const rows: string[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)))));
      sheets[ws.name] = rows;
    });
    this.stats.answered.add(`${account.role}|GET ${route}`);
    this.answers.push({ ...answer, body: sheets });
  }

  /**
   * Each field in which the account's query walk met one of `texts` (the audit log aside), asked for
   * again on its own: a READ_DETAIL entry written for a sibling field must not cover for it.
   */
  async walkFieldsAlone(account: WalkAccount, texts: string[]): Promise<void> {
    const paths = new Map<string, { field: string; args: ArgSet; path: string }>();
    for (const a of this.answers.filter((x) => x.account === account.username && this.walked.has(x) && x.root !== 'auditLog')) {
      const { field, args } = this.walked.get(a)!;
      eachString(a.body, a.root, (s, p) => {
        if (texts.some((tx) => s.includes(tx))) paths.set(`${a.source} ${p}`, { field, args, path: p });
      });
    }
    for (const { field, args, path } of paths.values()) {
      const narrowed = narrowTo(rootSelection(this.schema, 'query', field, args, { maxDepth: this.options.maxDepth }), path.split('.').slice(1));
      if (!narrowed) continue;
      const answer = await this.walkRoot(account, 'query', field, args, narrowed, { source: `query ${field}(${this.describeArgs(args)}) { ${path} } alone` });
      answer.final = false;
    }
  }

  /** A mutation's result, selected in full but for the fields the query walk saw refused to this role (it runs once). */
  async walkMutation(account: WalkAccount, field: string, args: ArgSet, extra: Partial<Answer> = {}): Promise<Answer> {
    const refused = (sel: Selection): Selection => ({
      ...sel,
      children: sel.children?.filter((c) => !this.stats.refused.has(`${account.role}|${c.parentType}.${c.field}`)).map(refused),
    });
    const root = refused(rootSelection(this.schema, 'mutation', field, args, { maxDepth: this.options.maxDepth }, this.stats.skipped));
    return this.walkRoot(account, 'mutation', field, args, root, extra);
  }
}
