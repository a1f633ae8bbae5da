import { graphql } from '@/gql';

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

export const OnsiteActivityQuery = graphql(`
  query OnsiteActivity($id: ID!) {
    activity(id: $id) {
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
        id
        name
      }
      deadlines {
        daysUntilStart
        lateStages
        stages {
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
`);

export const OnDutyRosterQuery = graphql(`
  query OnDutyRoster($activityId: ID!) {
    onDutyRoster(activityId: $activityId) {
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
`);

export const FindingsQuery = graphql(`
  query ActivityFindings($activityId: ID!, $openOnly: Boolean, $page: PageInput) {
    findings(activityId: $activityId, openOnly: $openOnly, page: $page) {
      total
      items {
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
