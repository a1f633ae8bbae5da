import { RelativeRelation } from '@evs/schema';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Actor } from '../../common/actor';
import { byIdLoader } from '../../common/by-id-loader';
import type { Clock } from '../../common/clock';
import { CompanyEntity } from '../companies/company.entity';
import { readRelativesAudited } from './guard.service';
import { openRosters, type OpenRoster } from './identity-lock';
import { RelativeEntity } from './relative.entity';
import { CertificateRevocationEntity } from './revocation.entity';

/** A relatives read carries who reads (every read is audited); cached per guard. */
export interface RelativesKey {
  guardId: string;
  actor: Actor;
}

/** Per-request loaders of the guards module (merged into `createLoaders`). */
export function guardLoaders(ds: DataSource, clock: Clock) {
  return {
    companyById: byIdLoader(ds, CompanyEntity),
    /** Revocations by the keyed hash of the ID number (hex), oldest first. */
    revocationsByIdHash: new DataLoader<string, CertificateRevocationEntity[]>(async (hashes) => {
      const rows = await ds.getRepository(CertificateRevocationEntity).find({
        where: { idNumberHash: In(hashes.map((h) => Buffer.from(h, 'hex'))) },
        order: { revokedOn: 'ASC' },
      });
      return hashes.map((h) => rows.filter((r) => r.idNumberHash.toString('hex') === h));
    }),
    /** The first open roster each guard is on (identity-lock.ts), or null: as of the app's clock. */
    openRoster: new DataLoader<string, OpenRoster | null>(async (guardIds) => {
      const map = await openRosters(ds.manager, [...guardIds], clock.now());
      return guardIds.map((id) => map.get(id) ?? null);
    }),
    relativeCount: new DataLoader<string, number>(async (guardIds) => {
      const rows: { guard_id: string; n: number }[] = await ds.query(
        'SELECT guard_id, count(*)::int AS n FROM guard_relatives WHERE guard_id = ANY($1::uuid[]) GROUP BY guard_id',
        [guardIds],
      );
      const map = new Map(rows.map((r) => [r.guard_id, r.n]));
      return guardIds.map((id) => map.get(id) ?? 0);
    }),
    /** Relations declared per guard (no names or ID numbers): whether relatives are declared. */
    relativeRelations: new DataLoader<string, RelativeRelation[]>(async (guardIds) => {
      const rows: { guard_id: string; relations: RelativeRelation[] }[] = await ds.query(
        'SELECT guard_id, array_agg(relation::text) AS relations FROM guard_relatives WHERE guard_id = ANY($1::uuid[]) GROUP BY guard_id',
        [guardIds],
      );
      const map = new Map(rows.map((r) => [r.guard_id, r.relations]));
      return guardIds.map((id) => map.get(id) ?? []);
    }),
    /** The ids of each guard's relative rows, sorted (setRelatives writes new rows on every change): `relativesVersion`. */
    relativeRowIds: new DataLoader<string, string[]>(async (guardIds) => {
      const rows: { guard_id: string; ids: string[] }[] = await ds.query(
        'SELECT guard_id, array_agg(id::text ORDER BY id) AS ids FROM guard_relatives WHERE guard_id = ANY($1::uuid[]) GROUP BY guard_id',
        [guardIds],
      );
      const map = new Map(rows.map((r) => [r.guard_id, r.ids]));
      return guardIds.map((id) => map.get(id) ?? []);
    }),
    relatives: new DataLoader<RelativesKey, RelativeEntity[], string>(
      async (keys) => {
        const map = await readRelativesAudited(ds, keys[0].actor, keys.map((k) => k.guardId));
        return keys.map((k) => map.get(k.guardId) ?? []);
      },
      { cacheKeyFn: (k) => k.guardId },
    ),
  };
}
