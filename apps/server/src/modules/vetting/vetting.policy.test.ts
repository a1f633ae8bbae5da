import { Role, SecurityMode } from '@evs/schema';
import { actorFor, FOREIGN_COMPANY, FOREIGN_DISTRICT, FOREIGN_ORGANIZER, OWN_COMPANY, OWN_DISTRICT, OWN_ORGANIZER, grantedBy, table } from '../../../test/actors';
import { ActivityEntity } from '../activities/activity.entity';
import {
  decisionView,
  isSubmitter,
  ROSTER_SUBMITTERS,
  runsVetting,
  seesVettingDetail,
  VETTING_DECIDERS,
  VETTING_DETAIL_READERS,
  VettingTier,
  vettingTier,
} from './vetting.policy';

type Activity = Pick<ActivityEntity, 'district' | 'organizerUnitId' | 'selectedCompanyId' | 'securityMode'>;
const serviceCompany = (over: Partial<Activity> = {}): Activity => ({
  district: OWN_DISTRICT,
  organizerUnitId: OWN_ORGANIZER,
  selectedCompanyId: OWN_COMPANY,
  securityMode: SecurityMode.SERVICE_COMPANY,
  ...over,
});
const selfRecruited = (over: Partial<Activity> = {}): Activity => serviceCompany({ selectedCompanyId: null, securityMode: SecurityMode.SELF_RECRUITED, ...over });

const { DETAIL, POLICE, SUBMITTER, ORGANIZER } = VettingTier;

describe('vetting tiers (SPEC §1: who sees what of vetting)', () => {
  it.each(table<[VettingTier | null, VettingTier | null, VettingTier | null, VettingTier | null]>({
    // [own service-company activity, own self-recruited activity, foreign company's activity, foreign district's and organizer's]
    [Role.SECURITY_DETACHMENT]: [DETAIL, DETAIL, DETAIL, DETAIL],
    [Role.LEADER]: [POLICE, POLICE, POLICE, POLICE],
    [Role.OFFICE]: [POLICE, POLICE, POLICE, POLICE],
    [Role.EVENT_DETACHMENT]: [POLICE, POLICE, POLICE, POLICE],
    [Role.DISTRICT_BUREAU]: [POLICE, POLICE, POLICE, null],
    [Role.ORGANIZER]: [ORGANIZER, SUBMITTER, ORGANIZER, null],
    [Role.COMPANY]: [SUBMITTER, null, null, null],
    [Role.ADMIN]: [null, null, null, null],
    [Role.AUDITOR]: [null, null, null, null],
  }))('%s: %o', (role, expected) => {
    const actor = actorFor(role);
    expect([
      vettingTier(actor, serviceCompany()),
      vettingTier(actor, selfRecruited()),
      vettingTier(actor, serviceCompany({ selectedCompanyId: FOREIGN_COMPANY })),
      vettingTier(actor, serviceCompany({ district: FOREIGN_DISTRICT, organizerUnitId: FOREIGN_ORGANIZER, selectedCompanyId: FOREIGN_COMPANY })),
    ]).toEqual(expected);
  });

  it.each(table({
    [Role.SECURITY_DETACHMENT]: true,
    [Role.LEADER]: false,
    [Role.OFFICE]: false,
    [Role.EVENT_DETACHMENT]: false,
    [Role.DISTRICT_BUREAU]: false,
    [Role.ORGANIZER]: false,
    [Role.COMPANY]: false,
    [Role.ADMIN]: false,
    [Role.AUDITOR]: false,
  }))('%s reads vetting detail and runs vetting: %s', (role, expected) => {
    expect(seesVettingDetail(actorFor(role))).toBe(expected);
    expect(runsVetting(actorFor(role))).toBe(expected);
  });

  it('the submitter is the selected company, or the organizer of a self-recruited activity, never a foreign one', () => {
    expect(isSubmitter(actorFor(Role.COMPANY), serviceCompany())).toBe(true);
    expect(isSubmitter(actorFor(Role.COMPANY), serviceCompany({ selectedCompanyId: FOREIGN_COMPANY }))).toBe(false);
    expect(isSubmitter(actorFor(Role.COMPANY, { companyId: null }), serviceCompany({ selectedCompanyId: null }))).toBe(false);
    expect(isSubmitter(actorFor(Role.ORGANIZER), serviceCompany())).toBe(false);
    expect(isSubmitter(actorFor(Role.ORGANIZER), selfRecruited())).toBe(true);
    expect(isSubmitter(actorFor(Role.ORGANIZER), selfRecruited({ organizerUnitId: FOREIGN_ORGANIZER }))).toBe(false);
    expect(isSubmitter(actorFor(Role.COMPANY), selfRecruited({ selectedCompanyId: OWN_COMPANY }))).toBe(false);
  });

  it('a decision on the 台账 shows the note to the detachment alone, the reason to the police and to its own submitter, failures as a count to the organizer', () => {
    const company = actorFor(Role.COMPANY);
    expect(decisionView(DETAIL, actorFor(Role.SECURITY_DETACHMENT), FOREIGN_COMPANY)).toBe('WITH_NOTE');
    expect(decisionView(POLICE, actorFor(Role.DISTRICT_BUREAU), FOREIGN_COMPANY)).toBe('WITH_REASON');
    expect(decisionView(SUBMITTER, company, OWN_COMPANY)).toBe('WITH_REASON');
    expect(decisionView(SUBMITTER, company, FOREIGN_COMPANY)).toBe('HIDDEN');
    expect(decisionView(SUBMITTER, actorFor(Role.ORGANIZER), OWN_ORGANIZER)).toBe('WITH_REASON');
    expect(decisionView(ORGANIZER, actorFor(Role.ORGANIZER), OWN_COMPANY)).toBe('COUNT_FAILURES');
    expect(decisionView(null, actorFor(Role.ADMIN), OWN_COMPANY)).toBe('HIDDEN');
  });
});

describe('vetting operations at the edge (the @Authorized lists)', () => {
  it.each(table<{ submitsRoster: boolean; decides: boolean; readsDetail: boolean }>({
    [Role.COMPANY]: { submitsRoster: true, decides: false, readsDetail: false },
    [Role.ORGANIZER]: { submitsRoster: true, decides: false, readsDetail: false },
    [Role.SECURITY_DETACHMENT]: { submitsRoster: false, decides: true, readsDetail: true },
    [Role.LEADER]: { submitsRoster: false, decides: false, readsDetail: false },
    [Role.OFFICE]: { submitsRoster: false, decides: false, readsDetail: false },
    [Role.EVENT_DETACHMENT]: { submitsRoster: false, decides: false, readsDetail: false },
    [Role.DISTRICT_BUREAU]: { submitsRoster: false, decides: false, readsDetail: false },
    [Role.ADMIN]: { submitsRoster: false, decides: false, readsDetail: false },
    [Role.AUDITOR]: { submitsRoster: false, decides: false, readsDetail: false },
  }))('%s: %o', (role, expected) => {
    expect(grantedBy({ submitsRoster: ROSTER_SUBMITTERS, decides: VETTING_DECIDERS, readsDetail: VETTING_DETAIL_READERS }, role)).toEqual(expected);
    // The record-level predicates agree with the edge.
    expect(runsVetting(actorFor(role))).toBe(expected.decides);
    expect(seesVettingDetail(actorFor(role))).toBe(expected.readsDetail);
  });
});
