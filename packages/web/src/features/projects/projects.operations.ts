import { graphql } from '../../gql';

export const ProjectSummaryFieldsFragment = graphql(`
  fragment ProjectSummaryFields on Project {
    id
    version
    title
    state
    stateLabel
    awardFen
    awardedOn
    programmeId
    allianceId
    authority {
      id
      name
    }
    city {
      id
      code
      name
    }
    totals {
      disbursedFen
      netFen
      remainingFen
    }
  }
`);

export const ProjectsQuery = graphql(`
  query Projects($filter: ProjectFilterInput) {
    projects(filter: $filter) {
      totalCount
      items {
        ...ProjectSummaryFields
      }
    }
  }
`);

export const ProjectDetailQuery = graphql(`
  query ProjectDetail($id: ID!) {
    project(id: $id) {
      ...ProjectSummaryFields
      applicationId
      supportSource
      supportSourceLabel
      contract
      decisionBasis
      pendingChange
      reports
      frozenAt
      lastReason
      availableActions
      noticeStartsOn
      noticeEndsOn
      acceptance {
        requestedOn
        finalReport
        documentIds
        reviewStartedOn
        reviewedOn
        reviewTotal
        reviewPasses
      }
      acceptanceDocuments {
        documentId
        fileName
      }
      objections {
        ...SupportObjectionFields
      }
      authorityTenantId
      cityTenantId
      totals {
        awardedFen
        disbursedFen
        recoveredFen
        netFen
        remainingFen
      }
      ledger {
        id
        kind
        kindLabel
        amountFen
        entryOn
        documentNumber
        note
        recordedAt
      }
    }
  }
`);

export const OpenProjectsOfAllianceQuery = graphql(`
  query OpenProjectsOfAlliance($allianceId: ID!) {
    openProjectsOfAlliance(allianceId: $allianceId) {
      id
      title
      stateLabel
      awardFen
      authority {
        id
        name
      }
    }
  }
`);

export const DisburseProjectMutation = graphql(`
  mutation DisburseProject($input: LedgerEntryInput!) {
    disburseProject(input: $input) {
      id
      amountFen
    }
  }
`);

export const RecoverProjectFundsMutation = graphql(`
  mutation RecoverProjectFunds($input: LedgerEntryInput!) {
    recoverProjectFunds(input: $input) {
      id
      amountFen
    }
  }
`);

export const TransitionProjectMutation = graphql(`
  mutation TransitionProject($input: TransitionProjectInput!) {
    transitionProject(input: $input) {
      id
      version
      state
    }
  }
`);

// 任务书: the contract in force, the awarding authority (the sheet's header) and the ledger's summary.
export const ProjectPrintQuery = graphql(`
  query ProjectPrint($id: ID!) {
    project(id: $id) {
      id
      title
      state
      stateLabel
      awardFen
      awardedOn
      supportSourceLabel
      contract
      authority {
        id
        bureauName
      }
      city {
        id
        name
      }
      totals {
        awardedFen
        disbursedFen
        recoveredFen
        netFen
        remainingFen
      }
      ledger {
        id
        kindLabel
        amountFen
        entryOn
        documentNumber
      }
    }
  }
`);
