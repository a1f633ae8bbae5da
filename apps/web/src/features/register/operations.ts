import { graphql } from '@/gql';

export const CompanyListQuery = graphql(`
  query CompanyList($filter: CompanyFilterInput, $sort: CompanySortInput, $page: PageInput) {
    companies(filter: $filter, sort: $sort, page: $page) {
      total
      items {
        id
        name
        creditCode
        district
        status
        statusReason
        licenseExpiry
        licenseValid
        licenseDaysLeft
        registeredCapital
        guardsOnRegister
        guardsWithValidCertificate
        performanceScore
      }
    }
  }
`);

export const CompanyDetailQuery = graphql(`
  query CompanyDetail($id: ID!) {
    company(id: $id) {
      id
      name
      creditCode
      licenseNo
      licenseExpiry
      licenseValid
      licenseDaysLeft
      registeredCapital
      address
      district
      contactName
      contactPhone
      status
      statusReason
      version
      createdAt
      guardsOnRegister
      guardsWithValidCertificate
      guardsWithValidVetting
      activitiesServed
      findingsRate
      performanceScore
      ageProfile { under30 from30to39 from40to49 from50to55 over55 averageAge }
      performance {
        dutyGuards
        findings
        findingsCorrected
        openSeriousFindings
        findingsPer100
        correctionRate
        vettingDecided
        vettingFailed
        vettingFailureRate
        closedActivities
        averageRating
        score
        hasHistory
      }
    }
  }
`);

export const CreateCompanyMutation = graphql(`
  mutation CreateCompany($input: CreateCompanyInput!) {
    createCompany(input: $input) { id name }
  }
`);

export const UpdateCompanyMutation = graphql(`
  mutation UpdateCompany($id: ID!, $input: CompanyInput!, $version: Int) {
    updateCompany(id: $id, input: $input, version: $version) { id name version }
  }
`);

export const SetCompanyStatusMutation = graphql(`
  mutation SetCompanyStatus($id: ID!, $status: CompanyStatus!, $reason: String!) {
    setCompanyStatus(id: $id, status: $status, reason: $reason) { id status statusReason version }
  }
`);

export const UpdateCompanyProfileMutation = graphql(`
  mutation UpdateCompanyProfile($input: CompanyProfileInput!) {
    updateCompanyProfile(input: $input) { id address contactName contactPhone version }
  }
`);

export const GuardListQuery = graphql(`
  query GuardList($filter: GuardFilterInput, $page: PageInput) {
    guards(filter: $filter, page: $page) {
      total
      items {
        id
        name
        idNumber
        sex
        age
        phone
        certificateNo
        education
        status
        leftOn
        relativeCount
        relativesDeclared
        eligibilityProblems { code article message }
      }
    }
  }
`);

export const GuardDetailQuery = graphql(`
  query GuardDetail($id: ID!) {
    guard(id: $id) {
      id
      companyId
      name
      idNumber
      birthDate
      sex
      age
      phone
      certificateNo
      certificateIssuedOn
      education
      photo
      status
      leftOn
      relativeCount
      relativesDeclared
      relativesStatement
      company { id name }
      revocations { id revokedOn reason }
      eligibilityProblems { code article message }
    }
  }
`);

/** 保安管理支队 only: reading relatives is written to the audit log. */
export const GuardRelativesQuery = graphql(`
  query GuardRelatives($id: ID!) {
    guard(id: $id) { id relatives { id name relation idNumber } }
  }
`);

export const CreateGuardMutation = graphql(`
  mutation CreateGuard($input: CreateGuardInput!) {
    createGuard(input: $input) { id name }
  }
`);

export const UpdateGuardMutation = graphql(`
  mutation UpdateGuard($id: ID!, $input: GuardInput!) {
    updateGuard(id: $id, input: $input) { id name }
  }
`);

export const SetGuardRelativesMutation = graphql(`
  mutation SetGuardRelatives($guardId: ID!, $relatives: [RelativeInput!]!, $statement: String) {
    setGuardRelatives(guardId: $guardId, relatives: $relatives, statement: $statement) { id relativeCount relativesDeclared relativesStatement }
  }
`);

export const GuardLeavesMutation = graphql(`
  mutation GuardLeaves($id: ID!, $date: String!) {
    guardLeaves(id: $id, date: $date) { id status leftOn }
  }
`);
