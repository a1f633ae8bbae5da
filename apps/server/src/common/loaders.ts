import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { UnitEntity } from '../modules/units/unit.entity';
import { companyLoaders } from '../modules/companies/company.loaders';
import { guardLoaders } from '../modules/guards/guard.loaders';
import { activityLoaders } from '../modules/activities/activity.loaders';

/** Loads rows of one entity by id, in one query per batch, returned in key order. */
export function byIdLoader<T extends { id: string }>(
  ds: DataSource,
  entity: new () => T,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await ds.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Per-request DataLoaders, so a list costs the same few queries at any length. */
export function createLoaders(ds: DataSource) {
  return {
    unit: byIdLoader(ds, UnitEntity),
    unitAccountCount: new DataLoader<string, number>(async (ids) => {
      const rows: { unit_id: string; n: number }[] = await ds.query(
        `SELECT unit_id, count(*)::int AS n FROM users WHERE unit_id = ANY($1::uuid[]) GROUP BY unit_id`,
        [[...ids]],
      );
      const counts = new Map(rows.map((r) => [r.unit_id, r.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    ...companyLoaders(ds),
    ...guardLoaders(ds),
    ...activityLoaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
