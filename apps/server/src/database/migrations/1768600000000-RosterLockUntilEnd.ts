import { MigrationInterface, QueryRunner } from 'typeorm';

const openRosterActivity = (untilEnd: boolean) => `
  CREATE OR REPLACE FUNCTION guard_open_roster_activity(gids uuid[]) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT a.name FROM roster_entries re JOIN activities a ON a.id = re.activity_id
     WHERE re.guard_id = ANY(gids) AND re.state = 'ACTIVE'
       AND a.status IN ('VETTING', 'TRAINING', 'READY', 'IN_PROGRESS')${untilEnd ? `
       AND a.ends_at > now()` : ''}
     ORDER BY a.starts_at LIMIT 1
  $$`;

/**
 * The lock on a vetted guard's identity, credentials, leaving and transfer holds through the day, not
 * for ever (review 9-C F4): an activity left open after its end (never closed or cancelled) kept its
 * guards locked, and told the company to wait for an end that had passed. The lock now ends with the
 * event (`ends_at`), as the application's check (identity-lock.ts openRosters) does.
 */
export class RosterLockUntilEnd1768600000000 implements MigrationInterface {
  name = 'RosterLockUntilEnd1768600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(openRosterActivity(true));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(openRosterActivity(false));
  }
}
