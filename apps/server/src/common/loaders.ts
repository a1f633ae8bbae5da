import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { UnitEntity } from '../modules/units/unit.entity';
import { byIdLoader } from './by-id-loader';
import { companyLoaders } from '../modules/companies/company.loaders';
import { guardLoaders } from '../modules/guards/guard.loaders';
import { activityLoaders } from '../modules/activities/activity.loaders';

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
