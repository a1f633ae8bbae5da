import { MigrationInterface, QueryRunner } from 'typeorm';
import { withoutMetadata } from '../../common/image';

const BATCH = 200;

/**
 * Red team 3 H5: a photo is stored without its metadata (common/image.ts: Exif GPS, device, XMP,
 * IPTC, comments, PNG text chunks); the photos stored before are stripped here the same way, so
 * every reader (the GraphQL `photo` fields, /photos/…) gets the stripped bytes and nothing strips on
 * the way out. The pictures themselves are unchanged: the scans of a JPEG and the IDAT of a PNG are
 * copied as they are. A stored photo that cannot be read (stored before the checks) is left as it is.
 *
 * A guard's photo is locked while the guard is on an open roster (trg_guards_credentials): the
 * picture the vetting and the on-site check were made on. Removing its metadata does not change that
 * picture, so the trigger is off for this update only (in this migration's transaction; ALTER TABLE
 * locks the table until the migration commits).
 */
export class PhotoMetadata1769250000000 implements MigrationInterface {
  name = 'PhotoMetadata1769250000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "guards" DISABLE TRIGGER "trg_guards_credentials"`);
    await stripAll(q, 'guards');
    // The deferred triggers of these updates (suggestion_inputs_guards) run now: a table with pending
    // trigger events cannot be altered.
    await q.query(`SET CONSTRAINTS ALL IMMEDIATE`);
    await q.query(`ALTER TABLE "guards" ENABLE TRIGGER "trg_guards_credentials"`);
    await stripAll(q, 'findings');
  }

  public async down(): Promise<void> {
    // The metadata removed is not kept anywhere: nothing to restore.
  }
}

async function stripAll(q: QueryRunner, table: 'guards' | 'findings'): Promise<void> {
  let last = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: { id: string; photo: string }[] = await q.query(
      `SELECT id, photo FROM "${table}" WHERE photo IS NOT NULL AND id > $1 ORDER BY id LIMIT ${BATCH}`,
      [last],
    );
    if (!rows.length) return;
    for (const row of rows) {
      const stripped = withoutMetadata(row.photo);
      if (stripped && stripped !== row.photo) await q.query(`UPDATE "${table}" SET photo = $2 WHERE id = $1`, [row.id, stripped]);
    }
    last = rows[rows.length - 1].id;
  }
}
