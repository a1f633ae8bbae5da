import { Role } from '@evs/schema';
import type { MeQuery as MeResult } from '@/gql/graphql';
import { putEarlyAnswer } from '@/shared/earlyAnswers';
import { postGraphQL } from '@/shared/graphqlRequest';

/**
 * The on-site screen's three queries, sent with `fetch` as soon as the early `me` says who is signed
 * in, while Apollo and the screen's code still download (a chunk of its own, asked for by the router
 * with the screen's root). Apollo takes the answers when it sends the same operations
 * (`shared/earlyAnswers.ts`). GraphQL Code Generator reads these texts (tagged by their GraphQL comment)
 * and writes the documents Apollo uses (`operations.ts`); the `__typename`s are written out so that an
 * answer fetched without Apollo goes into its cache as is.
 */
export const ONSITE_ACTIVITY_QUERY = /* GraphQL */ `
  query OnsiteActivity($id: ID!) {
    activity(id: $id) {
      __typename
      id
      code
      name
      status
      venue
      startsAt
      endsAt
      startableFrom
      securityMode
      closeStatement
      guardsRequired
      version
      selectedCompany {
        __typename
        id
        name
      }
      deadlines {
        __typename
        daysUntilStart
        lateStages
        stages {
          __typename
          stage
          label
          rule
          responsibleUnitName
          dueOn
          daysLeft
          done
          late
        }
      }
    }
  }
`;

export const ON_DUTY_ROSTER_QUERY = /* GraphQL */ `
  query OnDutyRoster($activityId: ID!) {
    onDutyRoster(activityId: $activityId) {
      __typename
      rosterEntryId
      guardId
      name
      certificateNo
      photoUrl
      post
      area
      companyId
      companyName
    }
  }
`;

export const ACTIVITY_FINDINGS_QUERY = /* GraphQL */ `
  query ActivityFindings($activityId: ID!, $openOnly: Boolean, $page: PageInput) {
    findings(activityId: $activityId, openOnly: $openOnly, page: $page) {
      __typename
      total
      items {
        __typename
        id
        inspectionId
        personName
        certificateNo
        post
        area
        companyName
        item
        serious
        note
        photoUrl
        recordedAt
        recordedByName
        correctedAt
        correctedByName
        correctionNote
      }
    }
  }
`;

/** The variables of the on-site screen's three queries: one place, for the screen, its preload and this. */
export const onsiteVariables = (activityId: string) => ({
  activity: { id: activityId },
  roster: { activityId },
  findings: { activityId, page: { pageSize: 200 } },
});

/** Who may open the on-site screen (现场监管 of one activity): the route registry's entry says the same. */
export const ONSITE_ROLES: readonly Role[] = [Role.SECURITY_DETACHMENT, Role.COMPANY, Role.OFFICE, Role.LEADER];

/** Whether the screen may ask for its data for this user: a role it admits, and no step left (a new password, 2FA). */
export const mayAskForOnsite = (me: MeResult['me']): boolean =>
  ONSITE_ROLES.includes(me.role as Role) && !me.mustChangePassword && !me.passwordExpired && !me.mustEnrolTotp;

/**
 * Once `me` answers: the three queries, for a user the screen admits (nothing is asked that the
 * server would refuse). A failure is left to the screen, which asks again and shows it.
 */
export function askForOnsiteEarly(activityId: string, me: Promise<MeResult> | undefined): void {
  me?.then(
    (data) => {
      if (!mayAskForOnsite(data.me)) return;
      const v = onsiteVariables(activityId);
      putEarlyAnswer('OnsiteActivity', v.activity, postGraphQL('OnsiteActivity', ONSITE_ACTIVITY_QUERY, v.activity));
      putEarlyAnswer('OnDutyRoster', v.roster, postGraphQL('OnDutyRoster', ON_DUTY_ROSTER_QUERY, v.roster));
      putEarlyAnswer('ActivityFindings', v.findings, postGraphQL('ActivityFindings', ACTIVITY_FINDINGS_QUERY, v.findings));
    },
    () => undefined,
  );
}
