import { graphql } from '@/gql';

// The on-site screen's three queries are written in `earlyOnsite.ts` (sent with `fetch` on the first
// load, before Apollo); these are the documents GraphQL Code Generator made of them.
export {
  OnsiteActivityDocument as OnsiteActivityQuery,
  OnDutyRosterDocument as OnDutyRosterQuery,
  ActivityFindingsDocument as FindingsQuery,
} from '@/gql/graphql';

export const OnsiteActivitiesQuery = graphql(`
  query OnsiteActivities($filter: ActivityFilterInput, $page: PageInput) {
    activities(filter: $filter, page: $page) {
      total
      items {
        id
        code
        name
        status
        venue
        startsAt
        endsAt
        guardsRequired
        selectedCompany {
          id
          name
        }
        deadlines {
          daysUntilStart
          lateStages
          next {
            stage
            label
            dueOn
            daysLeft
            late
          }
        }
      }
    }
  }
`);

export const RecordInspectionMutation = graphql(`
  mutation RecordInspection($input: RecordInspectionInput!) {
    recordInspection(input: $input) {
      id
      findings {
        id
        item
        serious
      }
    }
  }
`);

export const CorrectFindingMutation = graphql(`
  mutation CorrectFinding($findingId: ID!, $note: String!, $correctedAt: DateTimeISO) {
    correctFinding(findingId: $findingId, note: $note, correctedAt: $correctedAt) {
      id
      correctedAt
      correctedByName
      correctionNote
    }
  }
`);

export const StartActivityMutation = graphql(`
  mutation StartActivity($id: ID!) {
    startActivity(id: $id) {
      id
      status
      version
    }
  }
`);

export const CloseActivityMutation = graphql(`
  mutation CloseActivity($id: ID!, $input: CloseActivityInput!) {
    closeActivity(id: $id, input: $input) {
      id
      status
      version
      closeStatement
    }
  }
`);
