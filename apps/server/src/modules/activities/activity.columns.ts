import { DeadlineSubject } from '../deadlines/deadlines';
import { ActivityEntity } from './activity.entity';

type Column = keyof ActivityEntity & string;

/**
 * The columns every row of a list reads: its id, and what `toActivityType` derives at once
 * (permitTier, suggestedGuards, effectiveAgeLimit, effectiveMinAge, ageLimitsFixed, startableFrom,
 * recommendationShortfall) and the field resolvers take their keys from.
 */
const ALWAYS: readonly Column[] = [
  'id',
  'status',
  'startsAt',
  'expectedAttendance',
  'ageLimit',
  'approvedMinAge',
  'approvedMaxAge',
  'recommendationJustification',
  'reporterUnitId',
  'selectedCompanyId',
];

/** What `deadlinesOf` reads (DeadlineSubject): the stages' dates and stamps. */
const DEADLINE_COLUMNS: readonly (keyof DeadlineSubject & Column)[] = [
  'status',
  'securityMode',
  'startsAt',
  'endsAt',
  'appliedOn',
  'organizerName',
  'reportedAt',
  'requestedAt',
  'approvedAt',
  'recommendedAt',
  'selectedAt',
  'rosterSubmittedAt',
  'vettingClosedAt',
  'readyAt',
  'closedAt',
  'deadlineDays',
];

/**
 * The columns a field of `Activity` needs that are not a column of its own name (those need just
 * themselves). A field in neither needs the whole row: a field added later is read correctly before
 * anyone lists it here (activity.columns.int.test.ts asks for every field alone and compares).
 */
const DERIVED: Readonly<Record<string, readonly Column[]>> = {
  __typename: [],
  permitTier: [],
  suggestedGuards: [],
  effectiveAgeLimit: [],
  effectiveMinAge: [],
  ageLimitsFixed: [],
  startableFrom: [],
  recommendationShortfall: [],
  daysUntilStart: [],
  warnings: [...DEADLINE_COLUMNS, 'guardsRequired', 'closeStatement'],
  deadlines: DEADLINE_COLUMNS,
  reporterUnit: [],
  selectedCompany: [],
  organizerUnit: ['organizerUnitId'],
  approvedByName: ['approvedBy'],
  transitions: [],
  instructionRequests: [],
  candidates: [],
};

/**
 * The columns a list must read for the fields a query selects under `items`, or null for the whole
 * row. A page of 50 activities that shows a dozen fields then skips the security plan (JSON), the
 * free texts and the contact details: less for PostgreSQL to send, for `pg` to parse and for TypeORM
 * to hydrate (issue 15).
 */
export function activityColumnsFor(fields: ReadonlySet<string>, isColumn: (name: string) => boolean): Column[] | null {
  const columns = new Set<Column>(ALWAYS);
  for (const field of fields) {
    const needs = DERIVED[field] ?? (isColumn(field) ? [field as Column] : null);
    if (!needs) return null;
    for (const c of needs) columns.add(c);
  }
  return [...columns];
}
