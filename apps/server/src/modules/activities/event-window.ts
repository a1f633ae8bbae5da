import { Actor, hasRole } from '../../common/actor';
import { formatCN } from '../../common/calendar';
import { conflict } from '../../common/errors';
import { ActivityEntity } from './activity.entity';
import { ACTIVITY_CANCELLERS, INSTRUCTION_ANSWERERS } from './activity.policy';

/**
 * The steps that prepare an event (请示, 批示, 推荐, 遴选, 上报名单) close when it starts, and 现场监管 cannot
 * begin once it has ended (review 9-C F1): done afterwards, they would record in the 台账 as prepared an
 * event that took place without them (a 批示 five days after the event, supervision "started" two weeks
 * after its end). The step is refused naming the date, never back-dated or clamped; the way out is the
 * cancellation with its reason (or, for the leader, sending the 请示 back when the event was postponed).
 * The police's vetting decisions stay open: a decision about a person is a record of fact.
 */

/** What the refused party can do instead: cancel, or ask whoever may. */
function wayOut(actor: Pick<Actor, 'role'>): string {
  if (hasRole(actor, ...ACTIVITY_CANCELLERS)) return '如活动未按安保要求举办，请取消活动并说明原因';
  // The leader changes nothing but its 批示 (SPEC §1): sending back stays open for a postponed event.
  if (hasRole(actor, ...INSTRUCTION_ANSWERERS)) return '如活动已改期，可退回登记单位修改时间；否则请保安管理支队取消活动并说明原因';
  return '如活动未按安保要求举办，请联系保安管理支队取消活动';
}

/** The one rule for "the event has started" (the steps above close then; the activity page warns; a withdrawn pass asks for no replacement). */
export function hasStarted(activity: Pick<ActivityEntity, 'startsAt'>, now: Date): boolean {
  return now.getTime() >= new Date(activity.startsAt).getTime();
}

/** The one rule for "the event has ended" (supervision cannot begin; checks after it are refused). */
export function hasEnded(activity: Pick<ActivityEntity, 'endsAt'>, now: Date): boolean {
  return now.getTime() >= new Date(activity.endsAt).getTime();
}

/** CONFLICT once the event has started (`hasStarted`): `what` is the step, e.g. "批示同意". */
export function assertBeforeEventStart(activity: Pick<ActivityEntity, 'startsAt'>, now: Date, what: string, actor: Pick<Actor, 'role'>): void {
  if (hasStarted(activity, now)) {
    throw conflict(`活动已于${formatCN(activity.startsAt)}开始，不能再${what}；${wayOut(actor)}`);
  }
}

/** CONFLICT once the event has ended (`hasEnded`): `what` is the step, e.g. "开始现场监管". */
export function assertBeforeEventEnd(activity: Pick<ActivityEntity, 'endsAt'>, now: Date, what: string): void {
  if (hasEnded(activity, now)) {
    throw conflict(`活动已于${formatCN(activity.endsAt)}结束，不能再${what}；请取消活动并说明原因`);
  }
}
