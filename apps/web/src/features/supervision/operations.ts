import { graphql } from '@/gql';

/** A unit's overdue stages (督办): the overview's panel and the 督办 page show the same rows. */
export const OverdueUnitFields = graphql(`
  fragment OverdueUnitFields on OverdueUnit {
    unitId
    unitName
    items {
      activityId
      activityCode
      activityName
      district
      stage
      stageLabel
      task
      dueOn
      daysOverdue
      unitId
      unitName
      reminderLevel
      openNoticeId
    }
  }
`);

export const OverdueByUnitQuery = graphql(`
  query OverdueByUnit {
    overdueByUnit {
      ...OverdueUnitFields
    }
  }
`);

export const SupervisionNoticeFields = graphql(`
  fragment SupervisionNoticeFields on SupervisionNotice {
    id
    activityId
    activityName
    stage
    stageLabel
    unitId
    unitName
    text
    dueOn
    issuedAt
    issuedByName
    answer
    answeredAt
    answeredByName
    outcome
    closedAt
    closedByName
    answerLate
    mine
  }
`);

export const SupervisionNoticesQuery = graphql(`
  query SupervisionNotices($filter: SupervisionNoticeFilter, $page: PageInput) {
    supervisionNotices(filter: $filter, page: $page) {
      total
      items {
        ...SupervisionNoticeFields
      }
    }
  }
`);

export const IssueSupervisionNoticeMutation = graphql(`
  mutation IssueSupervisionNotice($input: SupervisionNoticeInput!) {
    issueSupervisionNotice(input: $input) {
      ...SupervisionNoticeFields
    }
  }
`);

export const AnswerSupervisionNoticeMutation = graphql(`
  mutation AnswerSupervisionNotice($id: ID!, $answer: String!) {
    answerSupervisionNotice(id: $id, answer: $answer) {
      ...SupervisionNoticeFields
    }
  }
`);

export const CloseSupervisionNoticeMutation = graphql(`
  mutation CloseSupervisionNotice($id: ID!, $outcome: String!) {
    closeSupervisionNotice(id: $id, outcome: $outcome) {
      ...SupervisionNoticeFields
    }
  }
`);
