import { graphql } from '@/gql';

export const OverviewCountFields = graphql(`
  fragment OverviewCountFields on OverviewCount {
    key
    label
    value
    kind
    filter {
      from
      to
      district
      status
      lateStage
      late
      fewCandidates
      closedWithSerious
      qualified
      decision
      reasonCategory
      trainingOutcome
      item
      open
      companyId
      ageBand
    }
  }
`);

export const OverviewQuery = graphql(`
  query Overview($range: DateRangeInput!, $district: District) {
    overview(range: $range, district: $district) {
      from
      to
      district
      generatedAt
      headline {
        activities
        activitiesOpen
        activitiesLate
        activitiesFewCandidates
        activitiesClosedWithSerious
        companiesQualified
        companiesTotal
        guardsVetted
        guardsPassed
        guardsPending
        vettingPassRate
        trainingPassRate
        guardsOnDuty
        findingsOpen
        findingsTotal
      }
      companiesByDistrict { key label parts { ...OverviewCountFields } }
      vettingOutcomes { ...OverviewCountFields }
      failureReasons { ...OverviewCountFields }
      activitiesByStage { key label parts { ...OverviewCountFields } }
      lateByStage { ...OverviewCountFields }
      fewCandidates { ...OverviewCountFields }
      closedWithSerious { ...OverviewCountFields }
      punctuality { unitId unitName onTime late overdue open }
      trainingOutcomes { ...OverviewCountFields }
      findingsByItem { key label parts { ...OverviewCountFields } }
      findingsByCompany { key label parts { ...OverviewCountFields } }
      ageProfile { ...OverviewCountFields }
    }
  }
`);

export const OverviewDrilldownQuery = graphql(`
  query OverviewDrilldown($kind: DrilldownKind!, $filter: DrilldownFilterInput!, $page: PageInput) {
    overviewDrilldown(kind: $kind, filter: $filter, page: $page) {
      kind
      title
      columns
      total
      page
      pageSize
      items {
        id
        cells
        link
      }
    }
  }
`);

export const MyHomeQuery = graphql(`
  query MyHome {
    myHome {
      counts {
        key
        label
        value
        link
        warn
      }
      activities {
        id
        code
        name
        status
        district
        venue
        startsAt
        guardsRequired
        daysLeft
        lateStage
        waitingOn
        myTurn
        vettingPassed
        vettingFailed
        vettingPending
        nextTrainingAt
        findingsOpen
        link
      }
      company {
        id
        name
        creditCode
        licenseNo
        licenseExpiry
        licenseDaysLeft
        status
        district
        qualified
        problems
      }
      trainings {
        id
        activityName
        startsAt
        place
        guards
        makeup
      }
      outcomes {
        key
        label
        value
      }
      ageProfile {
        key
        label
        value
      }
      noticesToAnswer
      overdue {
        ...OverdueUnitFields
      }
    }
  }
`);
