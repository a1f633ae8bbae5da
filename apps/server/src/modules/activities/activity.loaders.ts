import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { CompanyEntity } from '../companies/company.entity';
import { CandidateEntity } from '../recommendation/candidate.entity';
import { InstructionRequestEntity } from './instruction-request.entity';
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
    /** Every 请示 of an activity, oldest first. */
    instructionRequests: new DataLoader<string, InstructionRequestEntity[]>(async (ids) => {
      const rows = await ds.getRepository(InstructionRequestEntity).find({ where: { activityId: In([...ids]) }, order: { requestedAt: 'ASC' } });
      return groupBy(ids, rows, (r) => r.activityId);
    }),
    /** "刘溯（前置大型活动保安公司资质审核领导小组）": a user as the 台账 names them. */
    userLabel: new DataLoader<string, string | null>(async (ids) => {
      const rows: { id: string; label: string }[] = await ds.query(
        `SELECT u.id, u.display_name || '（' || n.name || '）' AS label FROM users u JOIN units n ON n.id = u.unit_id WHERE u.id = ANY($1::uuid[])`,
        [[...ids]],
      );
      const map = new Map(rows.map((r) => [r.id, r.label]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    companyName: new DataLoader<string, string | null>(async (ids) => {
      const rows = await ds.getRepository(CompanyEntity).find({ select: { id: true, name: true }, where: { id: In([...ids]) } });
      const map = new Map(rows.map((r) => [r.id, r.name]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  };
}
