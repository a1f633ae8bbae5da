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
      selfRecruitedRegister
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
    createCompany(input: $input) {
      id
      name
      issuedAccount {
        ...IssuedAccountFields
      }
    }
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

export const ImportCompaniesMutation = graphql(`
  mutation ImportCompanies($file: FileInput!, $mode: ImportMode!) {
    importCompanies(file: $file, mode: $mode) { mode totalRows validRows invalidRows created updated unchanged ids elapsedMs problems { row column message } }
  }
`);
