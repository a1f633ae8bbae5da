import { idNumberProblem, maskIdNumber } from '@evs/schema';

/**
 * What the privacy field walk looks for in an answer (a GraphQL response, or an Excel export read
 * back as rows). Pure functions over JSON: the rules of SPEC §1 and issue 10 as marker searches.
 */

export type LeakKind =
  /** A full (unmasked) ID number of a guard or a relative. */
  | 'full-id'
  /** A relative's name or ID number (masked or not). */
  | 'relative'
  /** Record details: source, severity, note, the name on a record. */
  | 'record'
  /** A vetting decision note. */
  | 'note'
  /** A certificate revocation reason. */
  | 'revocation'
  /** The birth date of a guard whose masked ID number the same role sees: the hidden digits. */
  | 'birth-date'
  /** Before the decision, an entry with a record hit differs from a clean one. */
  | 'oracle'
  /** The organizer sees a guard that is not cleared on one of its activities. */
  | 'uncleared-guard'
  /** A company sees another company's guard. */
  | 'foreign-guard'
  /** The administrator sees a guard's identity. */
  | 'guard-identity'
  /** A company learns from an error or import answer which other company employs a person. */
  | 'cross-company'
  /** The detachment read detail (relatives, records, notes) and no READ_DETAIL audit entry was written. */
  | 'unaudited-detail'
  /** A query failed with something other than a refusal (e.g. INTERNAL_SERVER_ERROR). */
  | 'server-error';

export interface Answer {
  account: string;
  role: string;
  /** Where the answer came from, readable: `query rosterEntries(activityId: activity:vetting)`. */
  source: string;
  /** The first segment of every path in this answer: the root field, `mutation:x` or `GET /…`. */
  root: string;
  /** The root field's value (GraphQL), or the workbook's rows by sheet (exports). */
  body: unknown;
  /** GraphQL errors, or an export's refusal. */
  errors?: unknown;
  /** The last of the attempts of one walk (earlier attempts asked for fields later refused). */
  final?: boolean;
  /** READ_DETAIL audit rows written while this request ran (counted for the detachment only). */
  detailAuditRows?: number;
  /** Strings the caller itself typed into the request (not a leak when echoed back). */
  typedByCaller?: string[];
}

export interface Finding {
  role: string;
  account: string;
  kind: LeakKind;
  /** Root and JSON path with list indices dropped: `rosterEntries.items.reasonCategory`. */
  path: string;
  /** The leaked text (or, for the oracle, how the two entries differ). */
  marker: string;
  source: string;
}

/** Calls `visit` for every string in a JSON value, with its path (indices dropped). */
export function eachString(value: unknown, path: string, visit: (s: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v) => eachString(v, path, visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) eachString(v, `${path}.${k}`, visit);
  }
}

/** An answer's parts with the path each starts at: the value at its root, the errors below `root.errors`. */
export function partsOf(a: Pick<Answer, 'body' | 'errors' | 'root'>): [unknown, string][] {
  return [[a.body, a.root], [a.errors, `${a.root}.errors`]];
}

/** Calls `visit` for every object in a JSON value (arrays included), with its path (indices dropped). */
export function eachContainer(value: unknown, path: string, visit: (c: object, path: string) => void): void {
  if (Array.isArray(value)) {
    visit(value, path);
    value.forEach((v) => eachContainer(v, path, visit));
  } else if (value && typeof value === 'object') {
    visit(value, path);
    for (const [k, v] of Object.entries(value)) eachContainer(v, `${path}.${k}`, visit);
  }
}

const ID_PATTERN = /(?<![0-9])[0-9]{17}[0-9X](?![0-9A-Z])/g;

/** Full ID numbers in a string: valid GB 11643 numbers that belong to a known person. */
export function fullIdNumbersIn(s: string, known: Set<string>): string[] {
  return (s.match(ID_PATTERN) ?? []).filter((m) => known.has(m) && idNumberProblem(m) === null);
}

/** The strings directly inside a container (its own values, or the strings of an array), not deeper. */
function directStrings(c: object): string[] {
  const values = Array.isArray(c) ? c : Object.values(c);
  return values.filter((v): v is string => typeof v === 'string');
}

/** ISO instants, and the local date-times the exports print (`2026/12/2 16:19:44`). */
const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z|\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}(:\d{2})?/g;

/**
 * Keys whose values name a row, not a fact about it (audit entry ids and sequence numbers, …; a guard's
 * `relativesVersion`, a keyed hash of its relative rows' random ids, differs for any two guards).
 */
const ROW_KEYS = new Set(['id', 'entityId', 'seq', 'relativesVersion']);

/**
 * Blanks a subject's identity (its tokens), times and row ids, and the 序号 of an export row, so
 * that what is left is what the answer says about the subject.
 */
export function normalise(value: unknown, tokens: string[]): unknown {
  if (typeof value === 'string') {
    let s = value.replace(TIMESTAMP, '<time>');
    for (const tk of tokens) s = s.split(tk).join('<subject>');
    return s;
  }
  if (Array.isArray(value)) {
    const row = value.map((v) => normalise(v, tokens));
    if (row.length > 1 && typeof row[0] === 'string' && /^\d+$/.test(row[0]) && row.slice(1).some((c) => c === '<subject>')) row[0] = '<n>';
    return row;
  }
  if (value && typeof value === 'object') {
    // An audit entry's `seq` is null until the sealer (about a second after commit) puts it in the chain:
    // sealed or not yet is a matter of when the page was read, not of the subject.
    const rowKey = (k: string, v: unknown) => ROW_KEYS.has(k) && (typeof v === 'string' || (k === 'seq' && v === null));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rowKey(k, v) ? '<id>' : normalise(v, tokens)]));
  }
  return value;
}

/** Every place two JSON values differ: [relative path, left, right] (a list of another length counts once). */
export function differences(a: unknown, b: unknown, path = '', out: [string, unknown, unknown][] = []): [string, unknown, unknown][] {
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) out.push([`${path}.length`, a.length, b.length]);
      else a.forEach((x, i) => differences(x, b[i], path, out));
      return out;
    }
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
    return out;
  }
  out.push([path, a, b]);
  return out;
}

/**
 * The no-oracle rule, for one answer: wherever the entry with a hit appears, the clean entry must
 * appear the same way once each one's identity is blanked out (same path, same values), and vice
 * versa. `hit` and `clean` are each subject's identifying strings.
 */
export function oracleDifferences(
  body: unknown,
  root: string,
  hit: string[],
  clean: string[],
  /** Report a place where only one of the two appears (not when the request itself named one of them). */
  reportAlone: boolean,
  /** Compare how often each appears (not on a page cut short, where one may fall off the end). */
  countTimes = true,
): { path: string; marker: string }[] {
  const byPath = new Map<string, { hit: unknown[]; clean: unknown[] }>();
  eachContainer(body, root, (c, path) => {
    const strings = directStrings(c);
    const isHit = strings.some((s) => hit.some((tk) => s.includes(tk)));
    const isClean = strings.some((s) => clean.some((tk) => s.includes(tk)));
    if (isHit === isClean) return; // neither, or a container naming both (a list of names): not one entry
    const slot = byPath.get(path) ?? { hit: [], clean: [] };
    if (isHit) slot.hit.push(normalise(c, hit));
    else slot.clean.push(normalise(c, clean));
    byPath.set(path, slot);
  });
  const out: { path: string; marker: string }[] = [];
  for (const [path, slot] of byPath) {
    if (!slot.clean.length || !slot.hit.length) {
      if (reportAlone) out.push({ path, marker: slot.hit.length ? 'only the entry with a hit appears here' : 'only the clean entry appears here' });
      continue;
    }
    if (slot.hit.length !== slot.clean.length) {
      if (countTimes) out.push({ path, marker: `the entry with a hit appears ${slot.hit.length}×, the clean one ${slot.clean.length}×` });
      continue;
    }
    const a = slot.hit.map((x) => JSON.stringify(x)).sort();
    const b = slot.clean.map((x) => JSON.stringify(x)).sort();
    for (const [at, x, y] of differences(a.map((v) => JSON.parse(v)), b.map((v) => JSON.parse(v)))) {
      out.push({ path: `${path}${at}`, marker: `hit ${JSON.stringify(x)} ≠ clean ${JSON.stringify(y)}` });
    }
  }
  return out;
}

/** Objects that state a PENDING decision together with a reason category (a suggestion in disguise). */
export function pendingWithReason(body: unknown, root: string): string[] {
  const paths: string[] = [];
  eachContainer(body, root, (c, path) => {
    if (Array.isArray(c)) return;
    const o = c as Record<string, unknown>;
    if (o.decision === 'PENDING' && o.reasonCategory != null) paths.push(`${path}.reasonCategory`);
  });
  return paths;
}

/** IDs of guards named by objects in an answer: `guardId` fields, and `id` of objects typed Guard. */
export function guardIdsIn(body: unknown, root: string): { id: string; path: string }[] {
  const out: { id: string; path: string }[] = [];
  eachContainer(body, root, (c, path) => {
    if (Array.isArray(c)) return;
    const o = c as Record<string, unknown>;
    if (typeof o.guardId === 'string') out.push({ id: o.guardId, path: `${path}.guardId` });
    if (o.__typename === 'Guard' && typeof o.id === 'string') out.push({ id: o.id, path: `${path}.id` });
  });
  return out;
}

/** Blanks what the caller typed (and its masked form), so an echo of its own input is not a finding. */
export function withoutTyped(body: unknown, typed: string[] | undefined): unknown {
  if (!typed?.length) return body;
  const all = typed.flatMap((s) => (idNumberProblem(s) === null ? [s, maskIdNumber(s)] : [s]));
  const blank = (v: unknown): unknown => {
    if (typeof v === 'string') return all.reduce((s, tk) => s.split(tk).join('<typed>'), v);
    if (Array.isArray(v)) return v.map(blank);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blank(x)]));
    return v;
  };
  return blank(body);
}
