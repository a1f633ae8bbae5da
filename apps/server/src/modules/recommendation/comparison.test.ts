import 'reflect-metadata';
import { CompanyStatus } from '@evs/schema';
import type { CompanyStanding } from '../companies/company-standing';
import { candidatesAwaitingQuote, markBest, snapshotWeights } from './recommendation.service';

const cells = (...values: (number | null)[]) => values.map((value, i) => ({ companyId: `c${i}`, display: String(value), value, best: false }));
const best = (values: (number | null)[], higherIsBetter: boolean) => markBest(cells(...values), higherIsBetter).map((c) => c.best);

describe('markBest (side-by-side comparison)', () => {
  it('marks the best present value in the direction of the row', () => {
    expect(best([3, 5, 4], true)).toEqual([false, true, false]);
    expect(best([3, 5, 4], false)).toEqual([true, false, false]);
    expect(best([2, 5, 2], false)).toEqual([true, false, true]);
  });

  it('never marks "no record", and never marks a record over one (a bad record must not beat having none)', () => {
    expect(best([null, 12.5, null], false)).toEqual([false, false, false]);
    expect(best([null, null, null], true)).toEqual([false, false, false]);
    expect(best([null, 40, 21.4], false)).toEqual([false, false, false]);
    expect(best([null, 4, 5], true)).toEqual([false, false, false]);
  });

  it('marks nothing when the present values are all equal', () => {
    expect(best([4, 4, 4], true)).toEqual([false, false, false]);
    expect(best([4, null, 4], true)).toEqual([false, false, false]);
  });
});

describe('snapshotWeights (the weights a recommendation scored with)', () => {
  const parts = (w: Record<string, number>) => ({ parts: Object.entries(w).map(([key, weight]) => ({ key, weight, label: key, raw: '', measure: null, normalized: 0, points: 0 })) });

  it('reads every part\'s weight from the first snapshot', () => {
    const kept = { capacity: 0.3, age: 0.15, performance: 0.3, experience: 0.15, locality: 0.1 };
    expect(snapshotWeights([parts(kept), parts({ ...kept, capacity: 1 })])).toEqual(kept);
  });

  it('gives nothing without a snapshot or with a part missing (then the current settings are shown)', () => {
    expect(snapshotWeights([])).toBeNull();
    expect(snapshotWeights([parts({ capacity: 1, age: 0 })])).toBeNull();
  });
});

describe('candidatesAwaitingQuote (遴选 waits for them)', () => {
  const activity = { endsAt: new Date('2031-05-11T14:00:00+08:00') };
  const standing = (over: Partial<CompanyStanding> = {}): CompanyStanding => ({
    name: '某保安服务有限公司', status: CompanyStatus.ACTIVE, statusReason: null, licenseExpiry: '2031-12-31', unitActive: true, ...over,
  });
  const standings = new Map<string, CompanyStanding>([
    ['active', standing()],
    ['quoted', standing()],
    ['suspended', standing({ status: CompanyStatus.SUSPENDED, statusReason: '停业整顿' })],
    ['revoked', standing({ status: CompanyStatus.REVOKED })],
    ['unitOff', standing({ unitActive: false })],
    ['licenceEnds', standing({ licenseExpiry: '2031-05-10' })],
    ['licenceOnTheDay', standing({ licenseExpiry: '2031-05-11' })],
  ]);
  const candidate = (companyId: string, quote: string | null = null) => ({ companyId, quote });

  it('every candidate without a quote that can still serve; none that is quoted or can no longer serve', () => {
    const all = [
      candidate('active'), candidate('quoted', '98000.00'), candidate('suspended'), candidate('revoked'),
      candidate('unitOff'), candidate('licenceEnds'), candidate('licenceOnTheDay'), candidate('gone'),
    ];
    expect(candidatesAwaitingQuote(all, standings, activity).map((c) => c.companyId)).toEqual(['active', 'licenceOnTheDay']);
  });
});
