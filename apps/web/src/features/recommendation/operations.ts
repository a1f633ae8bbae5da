import { graphql } from '@/gql';

export const ScoreWeightsFragment = graphql(`
  fragment ScoreWeights on ScoreWeight {
    key
    label
    weight
    share
    rule
  }
`);

export const CandidateSuggestionsQuery = graphql(`
  query CandidateSuggestions($activityId: ID!, $page: PageInput, $qualifiedOnly: Boolean) {
    activity(id: $activityId) {
      id
      code
      name
      status
      district
      venue
      startsAt
      endsAt
      guardsRequired
      expectedAttendance
      securityMode
      recommendationJustification
    }
    candidateSuggestions(activityId: $activityId, page: $page, qualifiedOnly: $qualifiedOnly) {
      activityId
      companyCount
      total
      recommendedCompanyIds
      guardsRequired
      guardsNeeded
      capacityMargin
      minAge
      maxAge
      reuseWindowDays
      qualifiedCount
      weights {
        ...ScoreWeights
      }
      items {
        companyId
        companyName
        district
        status
        licenseExpiry
        qualified
        rank
        score
        guardsOnRegister
        eligibleGuards
        guardsNeeded
        averageAge
        youngShare
        activitiesServed
        similarActivities
        recommended
        parts {
          key
          label
          weight
          raw
          normalized
          points
        }
        exclusions {
          code
          message
        }
      }
    }
  }
`);

export const RecommendCandidatesMutation = graphql(`
  mutation RecommendCandidates($activityId: ID!, $companyIds: [ID!]!, $justification: String) {
    recommendCandidates(activityId: $activityId, companyIds: $companyIds, justification: $justification) {
      id
      status
      recommendationShortfall
    }
  }
`);

export const CandidateComparisonQuery = graphql(`
  query CandidateComparison($activityId: ID!) {
    candidateComparison(activityId: $activityId) {
      canSelect
      activity {
        id
        code
        name
        status
        venue
        startsAt
        endsAt
        guardsRequired
        expectedAttendance
        selectionReason
        recommendationJustification
        selectedCompany {
          id
          name
        }
      }
      weights {
        ...ScoreWeights
      }
      weightsAsOf
      candidates {
        companyId
        companyName
        rank
        score
        quote
        quoteNote
        selected
      }
      rows {
        key
        label
        group
        higherIsBetter
        hint
        cells {
          companyId
          display
          value
          best
        }
      }
    }
  }
`);

export const SubmitQuoteMutation = graphql(`
  mutation SubmitQuote($activityId: ID!, $companyId: ID!, $amount: Float!, $note: String) {
    submitQuote(activityId: $activityId, companyId: $companyId, amount: $amount, note: $note) {
      companyId
      quote
      quoteNote
    }
  }
`);

export const SelectCompanyMutation = graphql(`
  mutation SelectCompany($activityId: ID!, $companyId: ID!, $reason: String!) {
    selectCompany(activityId: $activityId, companyId: $companyId, reason: $reason) {
      id
      status
      selectedCompanyId
    }
  }
`);
