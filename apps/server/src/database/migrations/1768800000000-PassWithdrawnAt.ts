import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a pass was withdrawn (review 10 D3). A check made offline while the guard was on duty and sent
 * after his pass was withdrawn was judged against the roster as it stood on arrival, and became a
 * serious 未经审查人员上岗 finding against the company for a guard who was cleared when he was seen.
 * The roster entry now keeps the moment its pass ended, and a check is judged against the roster at the
 * check's time.
 *
 * Entries withdrawn before this migration get their time too (code review 11 C10), from what every
 * withdrawal has left since withdrawals exist (vetting/open-roster-effects.ts `withdrawPass`, and the
 * revocation path before it): an audit entry `RosterEntry` UPDATE of that entry whose `before` is the one
 * object `{ decision: PASSED }` and whose `after` is `{ decision: FAILED }`. An officer's decision writes
 * `before` as a list of entries (vetting.service decideVetting) and a removal `after` without a decision,
 * so neither is taken for a withdrawal. The time is the entry's `decided_at`, which the withdrawal set
 * (on the app's clock, as the column is now). It is the withdrawal's time wherever it matters: checks are
 * made under 现场监管 (IN_PROGRESS), where a 不通过 stands and vetting is never reopened, so no later
 * decision moved it; an entry re-decided in a reopened vetting was withdrawn before the event, earlier than
 * any check either way. Entries whose pass was never withdrawn keep NULL, as the code leaves them.
 */
export class PassWithdrawnAt1768800000000 implements MigrationInterface {
  name = 'PassWithdrawnAt1768800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE roster_entries ADD COLUMN pass_withdrawn_at timestamptz`);
    await q.query(
      `UPDATE roster_entries re SET pass_withdrawn_at = re.decided_at
        WHERE re.decision = 'FAILED' AND re.decided_at IS NOT NULL
          AND EXISTS (SELECT 1 FROM audit_log a
                       WHERE a.entity_type = 'RosterEntry' AND a.entity_id = re.id::text AND a.action = 'UPDATE'
                         AND jsonb_typeof(a.before) = 'object' AND a.before->>'decision' = 'PASSED'
                         AND a.after->>'decision' = 'FAILED')`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE roster_entries DROP COLUMN pass_withdrawn_at`);
  }
}
