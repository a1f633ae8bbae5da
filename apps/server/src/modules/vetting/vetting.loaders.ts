import DataLoader from 'dataloader';
import type { Actor } from '../../common/actor';
import type { PriorDecisionView, RelativeView, VettingService } from './vetting.service';
import type { VettingHitEntity } from './vetting-hit.entity';

/**
 * Per-request loaders for the detachment's detail fields of roster entries: one query and one audit
 * entry per batch, whatever the number of entries a list shows. Created on first use by a signed-in
 * request (common/loaders.ts).
 */
export function vettingDetailLoaders(vetting: VettingService, actor: Actor) {
  return {
    hits: new DataLoader<string, VettingHitEntity[]>(async (ids) => {
      const map = await vetting.hitsFor(actor, [...ids]);
      return ids.map((id) => map.get(id) ?? []);
    }),
    relatives: new DataLoader<string, RelativeView[]>(async (ids) => {
      const map = await vetting.relativesFor(actor, [...ids]);
      return ids.map((id) => map.get(id) ?? []);
    }),
    priorDecisions: new DataLoader<string, PriorDecisionView[]>(async (ids) => {
      const map = await vetting.priorDecisionsFor(actor, [...ids]);
      return ids.map((id) => map.get(id) ?? []);
    }),
    users: new DataLoader<string, string | null>(async (ids) => {
      const map = await vetting.userNames([...ids]);
      return ids.map((id) => map.get(id) ?? null);
    }),
    /** Reads of notes and suggestions: one READ_DETAIL entry per batch of entries, before any value is returned. */
    detailRead: new DataLoader<string, true>(async (ids) => {
      await vetting.auditDetailRead(actor, [...ids]);
      return ids.map(() => true as const);
    }),
  };
}

export type VettingDetailLoaders = ReturnType<typeof vettingDetailLoaders>;
