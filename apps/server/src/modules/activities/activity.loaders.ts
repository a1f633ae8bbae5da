import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { CompanyEntity } from '../companies/company.entity';
import { CandidateEntity } from '../recommendation/candidate.entity';
import { ActivityTransitionEntity } from './transition.entity';

/** Groups rows by a key, in the order of `keys`. */
function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (!map.has(k)) map.set(k, []);
    map.get(k)!.push(r);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** Per-request loaders of the activities module (merged into `createLoaders`). */
export function activityLoaders(ds: DataSource) {
  return {
    activityTransitions: new DataLoader<string, ActivityTransitionEntity[]>(async (ids) => {
      const rows = await ds.getRepository(ActivityTransitionEntity).find({
        where: { activityId: In([...ids]) },
        order: { at: 'ASC', id: 'ASC' },
      });
      return groupBy(ids, rows, (r) => r.activityId);
    }),
    activityCandidates: new DataLoader<string, CandidateEntity[]>(async (ids) => {
      const rows = await ds.getRepository(CandidateEntity).find({ where: { activityId: In([...ids]) }, order: { rank: 'ASC' } });
      return groupBy(ids, rows, (r) => r.activityId);
    }),
    companyName: new DataLoader<string, string | null>(async (ids) => {
      const rows = await ds.getRepository(CompanyEntity).find({ select: { id: true, name: true }, where: { id: In([...ids]) } });
      const map = new Map(rows.map((r) => [r.id, r.name]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  };
}
