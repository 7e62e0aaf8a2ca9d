import { graphql } from '../../gql';

export const FinancingNeedFieldsFragment = graphql(`
  fragment FinancingNeedFields on FinancingNeed {
    id
    tenantId
    allianceId
    allianceName
    organizationId
    organizationName
    amountFen
    purpose
    termMonths
    preferredForm
    preferredFormLabel
    postedOn
    inLinkageProgramme
    status
    statusLabel
    version
    introductions {
      id
      institutionId
      institutionName
      eventId
      introducedOn
      outcome
      outcomeLabel
      outcomeOn
      outcomeNote
      version
    }
  }
`);

export const FinancingNeedsQuery = graphql(`
  query FinancingNeeds($status: String) {
    financingNeeds(status: $status) {
      ...FinancingNeedFields
    }
  }
`);

export const PostFinancingNeedMutation = graphql(`
  mutation PostFinancingNeed($input: PostFinancingNeedInput!) {
    postFinancingNeed(input: $input) {
      ...FinancingNeedFields
    }
  }
`);

export const ChangeFinancingNeedMutation = graphql(`
  mutation ChangeFinancingNeed($input: ChangeFinancingNeedInput!) {
    changeFinancingNeed(input: $input) {
      ...FinancingNeedFields
    }
  }
`);

export const IntroduceInstitutionMutation = graphql(`
  mutation IntroduceInstitution($input: IntroduceInstitutionInput!) {
    introduceInstitution(input: $input) {
      ...FinancingNeedFields
    }
  }
`);

export const AnswerIntroductionMutation = graphql(`
  mutation AnswerIntroduction($input: AnswerIntroductionInput!) {
    answerIntroduction(input: $input) {
      ...FinancingNeedFields
    }
  }
`);

export const FinancingEventsQuery = graphql(`
  query FinancingEvents {
    financingEvents {
      id
      title
      heldOn
      organizer
      institutions {
        id
        name
      }
      enterprises {
        id
        name
      }
      note
    }
  }
`);

export const RecordFinancingEventMutation = graphql(`
  mutation RecordFinancingEvent($input: RecordFinancingEventInput!) {
    recordFinancingEvent(input: $input) {
      id
    }
  }
`);

export const FinancingRecordFieldsFragment = graphql(`
  fragment FinancingRecordFields on FinancingRecord {
    id
    form
    formLabel
    institutionId
    institutionName
    organizationId
    organizationName
    allianceId
    allianceName
    needId
    amountFen
    grantedOn
    termMonths
    rateBasisPoints
    registeredOn
  }
`);

export const FinancingRecordsQuery = graphql(`
  query FinancingRecords {
    financingRecords {
      ...FinancingRecordFields
    }
  }
`);

export const RecordFinancingMutation = graphql(`
  mutation RecordFinancing($input: RecordFinancingInput!) {
    recordFinancing(input: $input) {
      ...FinancingRecordFields
    }
  }
`);

export const CompensationFiguresFragment = graphql(`
  fragment CompensationFiguresFields on CompensationFigures {
    shareNumerator
    shareDenominator
    perBankYearlyCeilingFen
    ceilingYear
    paidThisYearFen
    shareOfLossFen
    remainingCeilingFen
    amountFen
    cappedByCeiling
    measuresVersionNo
  }
`);

export const CompensationClaimFieldsFragment = graphql(`
  fragment CompensationClaimFields on CompensationClaim {
    id
    financingRecordId
    institutionName
    organizationName
    loanAmountFen
    grantedOn
    registeredOn
    state
    stateLabel
    version
    defaultedOn
    principalLostFen
    amountFen
    filedOn
    lastReason
    actions
    basis {
      ...CompensationFiguresFields
    }
    preview {
      ...CompensationFiguresFields
    }
  }
`);

export const CompensationClaimsQuery = graphql(`
  query CompensationClaims {
    compensationClaims {
      ...CompensationClaimFields
    }
  }
`);

export const FileCompensationClaimMutation = graphql(`
  mutation FileCompensationClaim($input: FileCompensationClaimInput!) {
    fileCompensationClaim(input: $input) {
      ...CompensationClaimFields
    }
  }
`);

export const TransitionCompensationClaimMutation = graphql(`
  mutation TransitionCompensationClaim($input: TransitionCompensationClaimInput!) {
    transitionCompensationClaim(input: $input) {
      ...CompensationClaimFields
    }
  }
`);

export const FinancingStatisticsQuery = graphql(`
  query FinancingStatistics($year: Int) {
    financingStatistics(year: $year) {
      tenantId
      cityName
      form
      formLabel
      institutionId
      institutionName
      year
      records
      amountFen
    }
  }
`);

export const LinkageInstitutionsQuery = graphql(`
  query LinkageInstitutions {
    linkageInstitutions {
      id
      organizationId
      name
      typeLabel
      enrolledOn
      withdrawnOn
      withdrawalReason
    }
  }
`);

export const WithdrawLinkageInstitutionMutation = graphql(`
  mutation WithdrawLinkageInstitution($input: WithdrawLinkageInstitutionInput!) {
    withdrawLinkageInstitution(input: $input) {
      id
      withdrawnOn
      withdrawalReason
    }
  }
`);

export const EnrolLinkageInstitutionMutation = graphql(`
  mutation EnrolLinkageInstitution($input: EnrolLinkageInstitutionInput!) {
    enrolLinkageInstitution(input: $input) {
      id
    }
  }
`);

/** The bureau's alliances: whom needs and records can name. */
export const FinanceAlliancesQuery = graphql(`
  query FinanceAlliances {
    alliances(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

/** One alliance's current members (a query of its own: with every alliance's, it passes the cost limit). */
export const FinanceAllianceMembersQuery = graphql(`
  query FinanceAllianceMembers($id: ID!) {
    alliance(id: $id) {
      id
      members(current: true) {
        id
        organization {
          id
          name
          type
        }
      }
    }
  }
`);

export const FinanceOrganizationsQuery = graphql(`
  query FinanceOrganizations($search: String!) {
    organizations(search: $search, first: 20) {
      id
      name
      type
    }
  }
`);
