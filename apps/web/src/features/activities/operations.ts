import { graphql } from '@/gql';

export const ActivityListQuery = graphql(`
  query ActivityList($filter: ActivityFilterInput, $page: PageInput) {
    activities(filter: $filter, page: $page) {
      total
      items {
        id
        code
        name
        type
        status
        district
        venue
        organizerName
        startsAt
        endsAt
        expectedAttendance
        guardsRequired
        securityMode
        daysUntilStart
        permitTier
        recommendationShortfall
        requestedAt
        warnings {
          code
          message
        }
        selectedCompany {
          id
          name
        }
      }
    }
  }
`);

export const ActivityDetailQuery = graphql(`
  query ActivityDetail($id: ID!) {
    activity(id: $id) {
      id
      code
      name
      type
      status
      district
      organizerUnitId
      organizerName
      undertakerName
      venue
      address
      startsAt
      endsAt
      appliedOn
      expectedAttendance
      guardsRequired
      securityMode
      contactName
      contactPhone
      ageLimit
      effectiveAgeLimit
      effectiveMinAge
      ageLimitsFixed
      version
      permitTier
      suggestedGuards
      daysUntilStart
      recommendationShortfall
      recommendationJustification
      approvalNote
      approvedByName
      approvedAt
      requestedAt
      returnReason
      cancelReason
      selectionReason
      closeStatement
      evaluationRating
      evaluationText
      startableFrom
      instructionRequests {
        id
        requestedAt
        requestedByName
        assessment {
          scale
          staffing
          proposedCandidates
          opinion
          permitTier
          expectedAttendance
          guardsRequired
          suggestedGuards
        }
        answeredAt
        answeredByName
        approved
        answer
      }
      deadlines {
        daysUntilStart
        lateStages
        next {
          stage
          label
          dueOn
          responsibleUnitName
        }
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
      reporterUnit {
        id
        name
      }
      organizerUnit {
        id
        name
        district
      }
      selectedCompany {
        id
        name
      }
      warnings {
        code
        message
      }
      plan {
        posts
        identificationMarks
        venueCapacity
        bufferZones
        ticketAndSecurityChecks
        parking
        crowdGuidance
        emergencyPlan
      }
      transitions {
        id
        fromStatus
        toStatus
        actorName
        comment
        at
      }
      candidates {
        companyId
        companyName
        rank
        score
        quote
        selected
      }
    }
  }
`);

export const OrganizerUnitsQuery = graphql(`
  query OrganizerUnits {
    units(kind: ORGANIZER) {
      id
      name
      district
    }
  }
`);

export const CreateActivityMutation = graphql(`
  mutation CreateActivity($input: ActivityInput!) {
    createActivity(input: $input) {
      id
      status
    }
  }
`);

export const UpdateActivityMutation = graphql(`
  mutation UpdateActivity($id: ID!, $input: ActivityInput!, $expectedVersion: Int) {
    updateActivity(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      status
      version
    }
  }
`);

export const ReportActivityMutation = graphql(`
  mutation ReportActivity($id: ID!, $expectedVersion: Int) {
    reportActivity(id: $id, expectedVersion: $expectedVersion) {
      id
      status
      version
    }
  }
`);

export const ApproveActivityMutation = graphql(`
  mutation ApproveActivity($id: ID!, $approved: Boolean!, $note: String, $expectedVersion: Int) {
    approveActivity(id: $id, approved: $approved, note: $note, expectedVersion: $expectedVersion) {
      id
      status
      version
    }
  }
`);

export const CancelActivityMutation = graphql(`
  mutation CancelActivity($id: ID!, $reason: String!, $expectedVersion: Int) {
    cancelActivity(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
      id
      status
      version
    }
  }
`);

export const RequestInstructionMutation = graphql(`
  mutation RequestInstruction($id: ID!, $input: InstructionRequestInput!) {
    requestInstruction(id: $id, input: $input) {
      id
      status
      version
      requestedAt
    }
  }
`);
