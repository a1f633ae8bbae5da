import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { preparedEntities } from '../database/prepared';

/** Loads rows of one entity by id, in one query per batch, returned in key order. */
export function byIdLoader<T extends { id: string }>(
  ds: DataSource,
  entity: new () => T,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    // `= ANY($1)`: one statement text whatever the batch size, so it is prepared once (database/prepared.ts)
    const qb = ds.getRepository(entity).createQueryBuilder('e').where('e.id = ANY(:ids)', { ids: [...ids] });
    const { entities: rows } = await preparedEntities(qb);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}
