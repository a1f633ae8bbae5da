import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { UnitEntity } from '../modules/units/unit.entity';
import type { Services } from '../services';
import type { Actor } from './actor';
import { byIdLoader } from './by-id-loader';
import { companyLoaders } from '../modules/companies/company.loaders';
import { guardLoaders } from '../modules/guards/guard.loaders';
import { activityLoaders } from '../modules/activities/activity.loaders';
import { VettingDetailLoaders, vettingDetailLoaders } from '../modules/vetting/vetting.loaders';

/** The photos (data URLs) of rows of `table` by id, for a photo field read in a list: one statement per list. */
function photoLoader(ds: DataSource, table: 'guards' | 'findings') {
  return new DataLoader<string, string | null>(async (ids) => {
    const rows: { id: string; photo: string | null }[] = await ds.query(`SELECT id, photo FROM ${table} WHERE id = ANY($1::uuid[])`, [[...ids]]);
    const photos = new Map(rows.map((r) => [r.id, r.photo]));
    return ids.map((id) => photos.get(id) ?? null);
  });
}

/** A value computed on first use and shared by the rest of the request. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/**
 * What one request shares across its resolvers: DataLoaders, so a list costs the same few queries at
 * any length, and values read once per request (the settings, the security policy). A new set for
 * every request, so nothing outlives it or crosses to another user.
 */
export function createLoaders(ds: DataSource, services: Services, actor: Actor | null) {
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
    ...companyLoaders(ds, services.config.clock),
    ...guardLoaders(ds, services.config.clock),
    ...activityLoaders(ds),
    /** A guard's photo, where a list that names its address is asked for the photo itself. */
    guardPhoto: photoLoader(ds, 'guards'),
    findingPhoto: photoLoader(ds, 'findings'),
    /** The business settings, read once however many activities a list shows. */
    settings: once(() => services.settings.all()),
    /** The security policy, read once for a whole list of accounts. */
    securityPolicy: once(() => services.auth.policy()),
    /** The vetting detail loaders of a signed-in request. */
    vettingDetail: once((): VettingDetailLoaders => {
      if (!actor) throw new Error('vetting detail loaders need a signed-in request');
      return vettingDetailLoaders(services.vetting, actor);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
