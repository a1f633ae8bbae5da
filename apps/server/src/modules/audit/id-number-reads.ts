/** The records whose unmasked ID number a field shows: a guard, a roster entry (its guard's), a revocation. */
export type IdNumberHolder = 'Guard' | 'RosterEntry' | 'CertificateRevocation';

/** Where an audit entry's payload lists each kind's ids. */
const PAYLOAD_KEYS: Record<IdNumberHolder, string> = {
  Guard: 'guardIds',
  RosterEntry: 'rosterEntryIds',
  CertificateRevocation: 'revocationIds',
};

/**
 * The unmasked ID numbers one request returned (SPEC §1: every read of full detail is audited). The
 * fields that show a whole ID number note their record here as they resolve, so only what a query
 * selected and got unmasked counts; the answer's sending writes it all as one READ_DETAIL entry
 * (`auditIdNumberReads`, audit.http.ts): one statement per request, whatever the number of rows.
 */
export class IdNumberReads {
  private readonly ids = new Map<IdNumberHolder, Set<string>>();

  note(holder: IdNumberHolder, id: string): void {
    let set = this.ids.get(holder);
    if (!set) this.ids.set(holder, (set = new Set()));
    set.add(id);
  }

  /** How many records' ID numbers were shown. */
  get count(): number {
    let n = 0;
    for (const set of this.ids.values()) n += set.size;
    return n;
  }

  /** The kind of record read, when all are of one kind (the audit entry's object type). */
  get holder(): IdNumberHolder | null {
    return this.ids.size === 1 ? [...this.ids.keys()][0] : null;
  }

  /** The one record read, when there is exactly one (the audit entry's object). */
  get singleId(): string | null {
    return this.count === 1 ? [...[...this.ids.values()][0]][0] : null;
  }

  /** The ids read, by the kind of record that holds them (`guardIds`, …): never the ID numbers themselves. */
  payload(): Record<string, string[]> {
    return Object.fromEntries([...this.ids].map(([holder, set]) => [PAYLOAD_KEYS[holder], [...set]]));
  }
}
