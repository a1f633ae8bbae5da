import { District, UnitKind } from '@evs/schema';
import { Brackets, DataSource } from 'typeorm';
import { Actor } from '../../common/actor';
import { seesEveryUnit } from './onboarding.policy';
import { UnitEntity } from './unit.entity';
import { containsPattern } from '../../common/sql-predicate';

export interface UnitFilter {
  kind?: UnitKind;
  district?: District;
  search?: string;
  /** Deactivated and merged units too (the administrator's list). */
  includeInactive?: boolean;
}

export class UnitsService {
  constructor(private readonly ds: DataSource) {}

  /** Units the actor may see: every unit for police roles and the administrator, its own unit for others. */
  list(actor: Actor, filter: UnitFilter): Promise<UnitEntity[]> {
    const qb = this.ds.getRepository(UnitEntity).createQueryBuilder('u');
    if (!seesEveryUnit(actor)) qb.andWhere('u.id = :own', { own: actor.unitId });
    if (filter.kind) qb.andWhere('u.kind = :kind', { kind: filter.kind });
    if (filter.district) qb.andWhere('u.district = :district', { district: filter.district });
    if (!filter.includeInactive) qb.andWhere('u.active');
    const search = filter.search?.trim();
    if (search) {
      const s = containsPattern(search);
      qb.andWhere(new Brackets((b) => b.where('u.name ILIKE :s', { s }).orWhere('u.credit_code ILIKE :s')));
    }
    return qb.orderBy('u.kind', 'ASC').addOrderBy('u.name', 'ASC').getMany();
  }

  /** Units of a kind (e.g. every SECURITY_DETACHMENT unit), for notifications. */
  async idsOfKind(kind: UnitKind, district?: District | null): Promise<string[]> {
    const rows = await this.ds.getRepository(UnitEntity).find({
      select: { id: true },
      where: { kind, ...(district ? { district } : {}) },
    });
    return rows.map((r) => r.id);
  }
}
