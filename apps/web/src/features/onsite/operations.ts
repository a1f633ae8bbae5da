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

export const TrainingOverviewQuery = graphql(`
  query TrainingOverview($activityId: ID!) {
    training(activityId: $activityId) {
      activityId
      guardsRequired
      clearedCount
      onDutyCount
      trainees {
        rosterEntryId
        guardId
        guardName
        certificateNo
        companyName
        standing
        passedTopics
        missingTopics
      }
      sessions {
        ...TrainingSessionFields
      }
    }
  }
`);

export const TrainingSessionFields = graphql(`
  fragment TrainingSessionFields on TrainingSession {
    id
    activityId
    activityName
    startsAt
    place
    instructor
    topics
    periods
    isMakeup
    resultsRecorded
    started
    passScore
    cancelledAt
    cancelReason
    updatedAt
    attendance {
      sessionId
      rosterEntryId
      guardId
      guardName
      certificateNo
      companyName
      attended
      passed
      passedTopics
      recordedAt
      scores {
        topic
        score
        passed
      }
    }
  }
`);

export const TrainingSessionQuery = graphql(`
  query TrainingSessionSheet($id: ID!) {
    trainingSession(id: $id) {
      ...TrainingSessionFields
    }
  }
`);

export const ScheduleTrainingMutation = graphql(`
  mutation ScheduleTraining($activityId: ID!, $input: ScheduleTrainingInput!) {
    scheduleTraining(activityId: $activityId, input: $input) {
      id
    }
  }
`);

export const UpdateTrainingSessionMutation = graphql(`
  mutation UpdateTrainingSession($id: ID!, $input: UpdateTrainingSessionInput!) {
    updateTrainingSession(id: $id, input: $input) {
      id
    }
  }
`);

export const CancelTrainingSessionMutation = graphql(`
  mutation CancelTrainingSession($id: ID!, $reason: String!) {
    cancelTrainingSession(id: $id, reason: $reason) {
      id
    }
  }
`);

export const AssignPostsMutation = graphql(`
  mutation AssignPosts($activityId: ID!, $assignments: [PostAssignmentInput!]!) {
    assignPosts(activityId: $activityId, assignments: $assignments) {
      rosterEntryId
      post
      area
    }
  }
`);

export const RecordTrainingResultsMutation = graphql(`
  mutation RecordTrainingResults($sessionId: ID!, $results: [TrainingResultInput!]!) {
    recordTrainingResults(sessionId: $sessionId, results: $results) {
      id
      resultsRecorded
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
      photo
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
        photo
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

export const TimelineQuery = graphql(`
  query ActivityTimeline($activityId: ID!) {
    activityTimeline(activityId: $activityId) {
      activityId
      activityCode
      activityName
      entries {
        at
        kind
        kindLabel
        title
        detail
        actorName
        important
      }
    }
  }
`);

export const WorkQueueQuery = graphql(`
  query WorkQueue($page: PageInput) {
    workQueue(page: $page) {
      total
      items {
        activityId
        activityCode
        activityName
        status
        district
        startsAt
        task
        detail
        dueOn
        daysLeft
        daysUntilStart
        late
        link
      }
    }
  }
`);
