import { graphql } from '@/gql';

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
    version
    resultsVersion
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
  mutation UpdateTrainingSession($id: ID!, $input: UpdateTrainingSessionInput!, $expectedVersion: Int) {
    updateTrainingSession(id: $id, input: $input, expectedVersion: $expectedVersion) {
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
  mutation RecordTrainingResults($sessionId: ID!, $results: [TrainingResultInput!]!, $expectedResultsVersion: Int) {
    recordTrainingResults(sessionId: $sessionId, results: $results, expectedResultsVersion: $expectedResultsVersion) {
      id
      resultsRecorded
      resultsVersion
    }
  }
`);
