import { District, UnitKind } from '@evs/schema';
import { DataSource } from 'typeorm';
import { UnitEntity } from './unit.entity';

export class UnitsService {
  constructor(private readonly ds: DataSource) {}

  list(filter: { kind?: UnitKind; district?: District }): Promise<UnitEntity[]> {
    return this.ds.getRepository(UnitEntity).find({
      where: { ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.district ? { district: filter.district } : {}) },
      order: { kind: 'ASC', name: 'ASC' },
    });
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
