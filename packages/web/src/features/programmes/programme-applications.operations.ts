import { graphql } from '../../gql';

export const ProgrammeCallFieldsFragment = graphql(`
  fragment ProgrammeCallFields on ProgrammeCall {
    id
    programmeId
    title
    description
    opensAt
    closesAt
    recommendBy
    decideBy
    requiredDocuments
    status
    publishedAt
    version
    measuresVersionNo
    guide {
      ...CallGuideFields
    }
  }
`);

export const ProgrammeCallsQuery = graphql(`
  query ProgrammeCalls {
    programmeCalls {
      ...ProgrammeCallFields
    }
    programmes {
      id
      name
      year
      kindLabel
      status
      isMine
    }
  }
`);

export const CreateProgrammeCallMutation = graphql(`
  mutation CreateProgrammeCall($programmeId: ID!, $input: ProgrammeCallInput!) {
    createProgrammeCall(programmeId: $programmeId, input: $input) {
      ...ProgrammeCallFields
    }
  }
`);

export const PublishProgrammeCallMutation = graphql(`
  mutation PublishProgrammeCall($id: ID!, $version: Int!) {
    publishProgrammeCall(id: $id, version: $version) {
      ...ProgrammeCallFields
    }
  }
`);

export const ProgrammeApplicationFieldsFragment = graphql(`
  fragment ProgrammeApplicationFields on ProgrammeApplication {
    id
    recognisedPlatformId
    state
    stateLabel
    version
    allianceId
    allianceName
    callId
    programmeId
    requestedSupportFen
    awardFen
    submittedAt
    recommendedAt
    recommendationOpinion
    decidedAt
    decisionReason
    lastReason
    frozenOn
    noticeStartsOn
    noticeEndsOn
    authorityTenantId
    objections {
      ...SupportObjectionFields
    }
    createdAt
    availableActions
    form {
      title
      startOn
      endOn
      requestedSupportFen
      responsibleUnit {
        organizationId
        name
      }
      responsiblePerson
      participants {
        organizationId
        name
        task
      }
      ipTerms {
        ownership
        licensing
        benefitShares {
          organizationId
          name
          basisPoints
        }
        onDissolution
        onMemberExit
      }
      sections {
        key
        text
      }
      particulars {
        key
        value
      }
    }
    documents {
      documentId
      kind
      kindLabel
      fileName
    }
    decisionPdf {
      state
      fileName
      sha256
      downloadUrl
      reason
    }
    decisionBasis {
      reason
      awardFen
      verifiedInvestmentFen
      matchRatio
      supportCeilingFen
      reviewTotal
      passes
    }
  }
`);

export const ProgrammeApplicationsQuery = graphql(`
  query ProgrammeApplications($filter: ProgrammeApplicationFilterInput) {
    programmeApplications(filter: $filter) {
      totalCount
      items {
        id
        state
        stateLabel
        version
        allianceName
        callId
        programmeId
        requestedSupportFen
        awardFen
        submittedAt
        createdAt
        form {
          title
        }
      }
    }
  }
`);

export const ProgrammeApplicationQuery = graphql(`
  query ProgrammeApplication($id: ID!) {
    programmeApplication(id: $id) {
      ...ProgrammeApplicationFields
    }
  }
`);

export const CreateProgrammeApplicationMutation = graphql(`
  mutation CreateProgrammeApplication($input: CreateProgrammeApplicationInput!) {
    createProgrammeApplication(input: $input) {
      ...ProgrammeApplicationFields
    }
  }
`);

export const SaveProgrammeApplicationFormMutation = graphql(`
  mutation SaveProgrammeApplicationForm($input: SaveProgrammeApplicationFormInput!) {
    saveProgrammeApplicationForm(input: $input) {
      ...ProgrammeApplicationFields
    }
  }
`);

export const TransitionProgrammeApplicationMutation = graphql(`
  mutation TransitionProgrammeApplication($input: TransitionProgrammeApplicationInput!) {
    transitionProgrammeApplication(input: $input) {
      ...ProgrammeApplicationFields
    }
  }
`);

export const PriorInvestmentFieldsFragment = graphql(`
  fragment PriorInvestmentFields on PriorInvestment {
    id
    allianceId
    authorityTenantId
    description
    declaredFen
    declaredAt
    evidenceDocumentIds
    verifiedFen
    verificationReason
    verifiedOn
  }
`);

export const PriorInvestmentsQuery = graphql(`
  query PriorInvestments($filter: PriorInvestmentFilterInput) {
    priorInvestments(filter: $filter) {
      ...PriorInvestmentFields
    }
  }
`);

export const DeclarePriorInvestmentMutation = graphql(`
  mutation DeclarePriorInvestment($input: DeclarePriorInvestmentInput!) {
    declarePriorInvestment(input: $input) {
      ...PriorInvestmentFields
    }
  }
`);

export const VerifyPriorInvestmentMutation = graphql(`
  mutation VerifyPriorInvestment($input: VerifyPriorInvestmentInput!) {
    verifyPriorInvestment(input: $input) {
      ...PriorInvestmentFields
    }
  }
`);

// 申报书: the application with its programme's name, kind and authority (the sheet's header).
export const ProgrammeApplicationPrintQuery = graphql(`
  query ProgrammeApplicationPrint($id: ID!) {
    programmeApplication(id: $id) {
      ...ProgrammeApplicationFields
    }
    programmes {
      id
      name
      year
      kind
      kindLabel
      authority {
        id
        bureauName
      }
    }
  }
`);
