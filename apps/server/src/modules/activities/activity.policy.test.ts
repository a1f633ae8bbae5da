import { Role } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { bindPredicate, SqlPredicate } from '../../common/sql-predicate';
import {
  actorFor,
  FOREIGN_COMPANY,
  FOREIGN_DISTRICT,
  FOREIGN_ORGANIZER,
  OWN_COMPANY,
  OWN_DISTRICT,
  OWN_ORGANIZER,
  grantedBy,
  table,
} from '../../../test/actors';
import { ActivityEntity } from './activity.entity';
import {
  ACTIVITY_CANCELLERS,
  ACTIVITY_REPORTERS,
  ACTIVITY_VIEWERS,
  activityScope,
  assertCanCancel,
  assertCanRegisterIn,
  assertMayCancelActivities,
  canViewActivity,
  INSTRUCTION_ANSWERERS,
  INSTRUCTION_REQUESTERS,
  isReporterSide,
  seesInstructionRequests,
} from './activity.policy';

type Row = Pick<ActivityEntity, 'district' | 'organizerUnitId' | 'selectedCompanyId'>;
const row = (district = OWN_DISTRICT, organizerUnitId: string | null = OWN_ORGANIZER, selectedCompanyId: string | null = OWN_COMPANY): Row => ({
  district,
  organizerUnitId,
  selectedCompanyId,
});
/** One activity per ownership fact the rule turns on: all three the actor's own, or one of them foreign. */
const ROWS = {
  own: row(),
  foreignDistrict: row(FOREIGN_DISTRICT),
  foreignOrganizer: row(OWN_DISTRICT, FOREIGN_ORGANIZER),
  foreignCompany: row(OWN_DISTRICT, OWN_ORGANIZER, FOREIGN_COMPANY),
  noCompanyYet: row(OWN_DISTRICT, OWN_ORGANIZER, null),
};
type RowName = keyof typeof ROWS;

/** Reads the predicate the way PostgreSQL would for one row: the scope is `true`, `false` or one column equal to one parameter. */
function holds(p: SqlPredicate, r: Row): boolean {
  if (p.sql === 'true') return true;
  if (p.sql === 'false') return false;
  const m = /^a\.(district|organizer_unit_id|selected_company_id) = :(\w+)$/.exec(p.sql);
  if (!m) throw new Error(`unexpected scope ${p.sql}`);
  const value = { district: r.district, organizer_unit_id: r.organizerUnitId, selected_company_id: r.selectedCompanyId }[m[1] as 'district'];
  return value === p.params[m[2]];
}

const refusal = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('activity scope (SPEC §1: who sees which activity)', () => {
  const sees: Record<Role, RowName[]> = {
    [Role.LEADER]: ['own', 'foreignDistrict', 'foreignOrganizer', 'foreignCompany', 'noCompanyYet'],
    [Role.OFFICE]: ['own', 'foreignDistrict', 'foreignOrganizer', 'foreignCompany', 'noCompanyYet'],
    [Role.SECURITY_DETACHMENT]: ['own', 'foreignDistrict', 'foreignOrganizer', 'foreignCompany', 'noCompanyYet'],
    [Role.EVENT_DETACHMENT]: ['own', 'foreignDistrict', 'foreignOrganizer', 'foreignCompany', 'noCompanyYet'],
    [Role.DISTRICT_BUREAU]: ['own', 'foreignOrganizer', 'foreignCompany', 'noCompanyYet'],
    [Role.ORGANIZER]: ['own', 'foreignDistrict', 'foreignCompany', 'noCompanyYet'],
    [Role.COMPANY]: ['own', 'foreignDistrict', 'foreignOrganizer'],
    [Role.ADMIN]: [],
    [Role.AUDITOR]: [],
  };

  it.each(table(sees))('%s sees exactly its rows, in memory and in SQL alike', (role, expected) => {
    const actor = actorFor(role);
    for (const [name, r] of Object.entries(ROWS) as [RowName, Row][]) {
      const want = expected.includes(name);
      expect({ row: name, sees: canViewActivity(actor, r) }).toEqual({ row: name, sees: want });
      expect({ row: name, sql: holds(activityScope(actor), r) }).toEqual({ row: name, sql: want });
    }
  });

  it('sees nothing when the account lacks the district or company its role is scoped by', () => {
    for (const actor of [actorFor(Role.DISTRICT_BUREAU, { district: null }), actorFor(Role.COMPANY, { companyId: null })]) {
      expect(canViewActivity(actor, ROWS.noCompanyYet)).toBe(false);
      expect(activityScope(actor).sql).toBe('false');
    }
  });

  it('binds the same predicate into raw SQL with positional parameters and the alias asked for', () => {
    const values: unknown[] = [];
    const sql = bindPredicate(activityScope(actorFor(Role.COMPANY), 'x'), (v) => {
      values.push(v);
      return `$${values.length}`;
    });
    expect(sql).toBe('x.selected_company_id = $1');
    expect(values).toEqual([OWN_COMPANY]);
  });
});

describe('registering, reporting and cancelling', () => {
  it.each(table<{ own: boolean; foreign: boolean }>({
    [Role.EVENT_DETACHMENT]: { own: true, foreign: true },
    [Role.DISTRICT_BUREAU]: { own: true, foreign: false },
    [Role.LEADER]: { own: false, foreign: false },
    [Role.OFFICE]: { own: false, foreign: false },
    [Role.SECURITY_DETACHMENT]: { own: false, foreign: false },
    [Role.ORGANIZER]: { own: false, foreign: false },
    [Role.COMPANY]: { own: false, foreign: false },
    [Role.ADMIN]: { own: false, foreign: false },
    [Role.AUDITOR]: { own: false, foreign: false },
  }))('%s registers in its own / a foreign district: %o', (role, expected) => {
    const actor = actorFor(role);
    expect({
      own: refusal(() => assertCanRegisterIn(actor, OWN_DISTRICT)) === null,
      foreign: refusal(() => assertCanRegisterIn(actor, FOREIGN_DISTRICT)) === null,
    }).toEqual(expected);
    expect({ own: isReporterSide(actor, ROWS.own), foreign: isReporterSide(actor, ROWS.foreignDistrict) }).toEqual(expected);
  });

  it.each(table<{ own: boolean; foreign: boolean }>({
    [Role.SECURITY_DETACHMENT]: { own: true, foreign: true },
    [Role.OFFICE]: { own: true, foreign: true },
    [Role.EVENT_DETACHMENT]: { own: true, foreign: true },
    [Role.DISTRICT_BUREAU]: { own: true, foreign: false },
    [Role.LEADER]: { own: false, foreign: false },
    [Role.ORGANIZER]: { own: false, foreign: false },
    [Role.COMPANY]: { own: false, foreign: false },
    [Role.ADMIN]: { own: false, foreign: false },
    [Role.AUDITOR]: { own: false, foreign: false },
  }))('%s cancels an activity of its own / a foreign district: %o', (role, expected) => {
    const actor = actorFor(role);
    expect({
      own: refusal(() => assertCanCancel(actor, ROWS.own)) === null,
      foreign: refusal(() => assertCanCancel(actor, ROWS.foreignDistrict)) === null,
    }).toEqual(expected);
    expect(refusal(() => assertMayCancelActivities(actor))).toBe(expected.own ? null : 'FORBIDDEN');
  });

  it.each(table({
    [Role.LEADER]: true,
    [Role.OFFICE]: true,
    [Role.SECURITY_DETACHMENT]: true,
    [Role.EVENT_DETACHMENT]: true,
    [Role.DISTRICT_BUREAU]: true,
    [Role.ORGANIZER]: false,
    [Role.COMPANY]: false,
    [Role.ADMIN]: false,
    [Role.AUDITOR]: false,
  }))('%s reads the 请示 and 批示: %s', (role, expected) => {
    expect(seesInstructionRequests(actorFor(role))).toBe(expected);
  });
});

describe('activity operations at the edge (the @Authorized lists)', () => {
  type Row = { views: boolean; reports: boolean; requestsInstruction: boolean; answersInstruction: boolean; cancels: boolean };
  const none: Row = { views: false, reports: false, requestsInstruction: false, answersInstruction: false, cancels: false };
  it.each(table<Row>({
    [Role.LEADER]: { ...none, views: true, answersInstruction: true },
    [Role.OFFICE]: { ...none, views: true, cancels: true },
    [Role.SECURITY_DETACHMENT]: { ...none, views: true, requestsInstruction: true, cancels: true },
    [Role.EVENT_DETACHMENT]: { ...none, views: true, reports: true, cancels: true },
    [Role.DISTRICT_BUREAU]: { ...none, views: true, reports: true, cancels: true },
    [Role.ORGANIZER]: { ...none, views: true },
    [Role.COMPANY]: { ...none, views: true },
    [Role.ADMIN]: none,
    [Role.AUDITOR]: none,
  }))('%s: %o', (role, expected) => {
    expect(
      grantedBy(
        {
          views: ACTIVITY_VIEWERS,
          reports: ACTIVITY_REPORTERS,
          requestsInstruction: INSTRUCTION_REQUESTERS,
          answersInstruction: INSTRUCTION_ANSWERERS,
          cancels: ACTIVITY_CANCELLERS,
        },
        role,
      ),
    ).toEqual(expected);
  });
});
