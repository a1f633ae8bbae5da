import type { ActivityFindingsQuery, OnDutyRosterQuery } from '@/gql/graphql';

export type Guard = OnDutyRosterQuery['onDutyRoster'][number];
export type Finding = ActivityFindingsQuery['findings']['items'][number];
export type ItemKey = 'UNIFORM' | 'CERTIFICATE' | 'BEARING' | 'DUTY' | 'FORBIDDEN_ACT';

/** The checklist (SPEC §2 step 7), with what each item means on the ground. */
export const CHECKLIST: { item: ItemKey; hint: string }[] = [
  { item: 'UNIFORM', hint: '统一制服，佩戴保安服务标志，无混穿、不整' },
  { item: 'CERTIFICATE', hint: '随身携带保安员证' },
  { item: 'BEARING', hint: '仪容整洁，站姿端正' },
  { item: 'DUTY', hint: '在岗在位，履行分配的任务' },
  { item: 'FORBIDDEN_ACT', hint: '无搜查他人身体、扣押证件财物、侮辱殴打他人等行为' },
];


/** The roster grouped by post, posts in order, people without a post last. */
export function groupByPost(guards: Guard[]): { post: string | null; people: Guard[] }[] {
  const groups = new Map<string | null, Guard[]>();
  for (const g of guards) groups.set(g.post ?? null, [...(groups.get(g.post ?? null) ?? []), g]);
  return [...groups.entries()]
    .sort(([x], [y]) => (x === null ? 1 : y === null ? -1 : x.localeCompare(y, 'zh-CN')))
    .map(([post, people]) => ({ post, people }));
}
