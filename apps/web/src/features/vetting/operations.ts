import { graphql } from '@/gql';

export const VettingActivitiesQuery = graphql(`
  query VettingActivities($statuses: [ActivityStatus!], $page: PageInput) {
    vettingActivities(statuses: $statuses, page: $page) {
      total
      items {
        id
        code
        name
        status
        securityMode
        startsAt
        endsAt
        venue
        organizerName
        guardsRequired
        submitterName
        tier
        canSubmit
        closeBlockers
        counts { total passed failed pending unchecked removed }
      }
    }
  }
`);

export const SubmitterEntriesQuery = graphql(`
  query SubmitterEntries($activityId: ID!, $page: PageInput) {
    rosterEntries(activityId: $activityId, filter: { includeRemoved: false }, page: $page) {
      total
      items { id guardId guardName idNumber post state decision reasonCategory checked reused replacesEntryId precheckProblems { code message } }
    }
  }
`);

export const OfficerEntriesQuery = graphql(`
  query OfficerEntries($activityId: ID!, $filter: RosterEntriesFilter, $page: PageInput) {
    rosterEntries(activityId: $activityId, filter: $filter, page: $page) {
      total
      items {
        id guardId guardName idNumber companyName post state decision reasonCategory checked reused decidedAt version
        suggestion suggestionCategory suggestionReason hitCount decisionNote decidedByName relativesChecked
        precheckProblems { code message }
      }
    }
  }
`);

export const EntryDetailQuery = graphql(`
  query RosterEntryDetail($id: ID!) {
    rosterEntry(id: $id) {
      id
      guardName
      hits { id relation subjectName subjectIdNumber record { category occurredOn source severity name registeredAt } }
      relatives { relation name idNumber }
      priorDecisions { entryId activityName companyName decision reasonCategory decidedAt note reused removed }
    }
  }
`);

export const RosterCandidatesQuery = graphql(`
  query RosterCandidates($activityId: ID!, $search: String, $onlyEligible: Boolean, $page: PageInput) {
    rosterCandidates(activityId: $activityId, search: $search, onlyEligible: $onlyEligible, page: $page) {
      total
      items { guardId name idNumber onRoster problems { code message } }
    }
  }
`);

export const SubmitRosterMutation = graphql(`
  mutation SubmitRoster($input: SubmitRosterInput!) {
    submitRoster(input: $input) { activityStatus warning entries { id guardName decision precheckProblems { code message } } }
  }
`);

export const ReplaceEntryMutation = graphql(`
  mutation ReplaceRosterEntry($entryId: ID!, $guardId: ID!) {
    replaceRosterEntry(entryId: $entryId, guardId: $guardId) { id guardName decision precheckProblems { code message } }
  }
`);

export const RemoveEntryMutation = graphql(`
  mutation RemoveRosterEntry($entryId: ID!) {
    removeRosterEntry(entryId: $entryId) { id state }
  }
`);

export const DecideMutation = graphql(`
  mutation DecideVetting($input: DecideVettingInput!) {
    decideVetting(input: $input) { activityStatus closed decided closeBlockers }
  }
`);

/** Who 一键通过 would pass now: listed in its confirmation, and sent back with it (bound to what the officer saw). */
export const PassableEntriesQuery = graphql(`
  query PassableEntries($activityId: ID!) {
    passableEntries(activityId: $activityId) { id version guardName }
  }
`);

export const PassAllCleanMutation = graphql(`
  mutation PassAllClean($activityId: ID!, $expected: [EntryVersionInput!]!) {
    passAllClean(activityId: $activityId, expected: $expected) { activityStatus closed decided closeBlockers }
  }
`);

export const CloseVettingMutation = graphql(`
  mutation CloseVetting($activityId: ID!, $comment: String) {
    closeVetting(activityId: $activityId, comment: $comment) { activityStatus closed }
  }
`);

export const RecheckMutation = graphql(`
  mutation RecheckVetting($activityId: ID!) {
    recheckVetting(activityId: $activityId)
  }
`);

export const VettingSummaryQuery = graphql(`
  query VettingSummary($activityId: ID!) {
    vettingSummary(activityId: $activityId) {
      tier
      closed
      closedAt
      issuedAt
      exportUrl
      counts { total passed failed pending removed }
      reasonCounts { reasonCategory count }
      activity { id code name status securityMode startsAt endsAt venue organizerName guardsRequired submitterName }
      entries { entryId guardName idNumber companyName post decision reasonCategory removed replaced reused decisionNote hitCount }
      clearedRoster { guardName idNumber companyName post }
    }
  }
`);

export const ImportGuardsMutation = graphql(`
  mutation ImportGuards($input: ImportGuardsInput!) {
    importGuards(input: $input) { mode totalRows validRows invalidRows created updated unchanged ids elapsedMs problems { row column message } }
  }
`);

export const ImportRecordsMutation = graphql(`
  mutation ImportRecords($file: FileInput!, $mode: ImportMode!) {
    importRecords(file: $file, mode: $mode) { mode totalRows validRows invalidRows created updated unchanged ids elapsedMs problems { row column message } }
  }
`);

export const RecordsStatsQuery = graphql(`
  query RecordsRegisterStats {
    recordsRegisterStats { total people lastImportedAt source }
  }
`);

/** 审查直系亲属 as set now: the workbench says when checks look at the guard alone. */
export const VettingPolicyQuery = graphql(`
  query VettingPolicy {
    settings { key value }
  }
`);
