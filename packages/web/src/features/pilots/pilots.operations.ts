import { graphql } from '../../gql';

// The city's established alliances, for a new application (one page of the register is plenty).
export const ApplicableAlliancesQuery = graphql(`
  query ApplicableAlliances {
    alliances(filter: { status: ESTABLISHED }, first: 100) {
      totalCount
      nodes {
        id
        name
        pilotStatus
        industry {
          code
          name
        }
      }
    }
  }
`);

export const CreatePilotApplicationMutation = graphql(`
  mutation CreatePilotApplication($input: CreatePilotApplicationInput!) {
    createPilotApplication(input: $input) {
      id
    }
  }
`);

export const PilotApplicationPageQuery = graphql(`
  query PilotApplicationPage($filter: PilotApplicationFilterInput!, $page: PilotApplicationPageInput!) {
    pilotApplicationPage(filter: $filter, page: $page) {
      totalCount
      items {
        id
        allianceId
        allianceName
        level
        state
        submittedAt
        recommendedAt
        homeTenant {
          id
          name
        }
        call {
          id
          title
        }
      }
    }
  }
`);

export const PilotApplicationDetailQuery = graphql(`
  query PilotApplicationDetail($id: ID!) {
    pilotApplication(id: $id) {
      id
      version
      allianceId
      allianceName
      level
      state
      availableActions
      industry {
        code
        name
      }
      homeTenant {
        id
        name
        bureauName
      }
      authority {
        id
        name
        bureauName
      }
      recommendingUnit {
        id
        name
        bureauName
      }
      call {
        ...PilotCallFields
      }
      form {
        goals
        workPlan
        budgetFen
        ownInvestmentFen
        expectedResults
        contactName
        contactPhone
      }
      feasibilityReport {
        id
        kind
        fileName
        downloadUrl
      }
      attachments {
        id
        kind
        fileName
        downloadUrl
      }
      dossier
      submittedAt
      submittedByName
      recommendedAt
      recommendedByName
      recommendationOpinion
      acceptedAt
      noticeStartsOn
      noticeEndsOn
      decidedAt
      decisionReason
      decisionBasis
      decisionPdf {
        state
        fileName
        sha256
        downloadUrl
        reason
      }
      lastReason
      timeline {
        at
        action
        toState
        actorName
        tierName
        opinion
      }
      panel {
        aggregate {
          rule
          sheets
          total
          passMark
          passes
          rank
        }
      }
      createdAt
      updatedAt
    }
  }
`);

// The alliance's register documents, to pick the feasibility report and attachments from.
export const PilotAllianceDocumentsQuery = graphql(`
  query PilotAllianceDocuments($id: ID!) {
    alliance(id: $id) {
      id
      documents {
        id
        kind
        fileName
        uploadedAt
      }
    }
  }
`);

export const UpdatePilotApplicationMutation = graphql(`
  mutation UpdatePilotApplication($input: UpdatePilotApplicationInput!) {
    # What the form is filled from, so the form started afresh for the new version shows what was saved.
    updatePilotApplication(input: $input) {
      id
      version
      updatedAt
      form {
        goals
        workPlan
        budgetFen
        ownInvestmentFen
        expectedResults
        contactName
        contactPhone
      }
      feasibilityReport {
        id
        kind
        fileName
        downloadUrl
      }
      attachments {
        id
        kind
        fileName
        downloadUrl
      }
    }
  }
`);

export const TransitionPilotApplicationMutation = graphql(`
  mutation TransitionPilotApplication($input: TransitionPilotApplicationInput!) {
    transitionPilotApplication(input: $input) {
      id
      version
      state
      availableActions
    }
  }
`);

export const ConfirmedPilotsQuery = graphql(`
  query ConfirmedPilots {
    confirmedPilots {
      applicationId
      allianceId
      allianceName
      level
      confirmedOn
      authority {
        id
        name
        level
      }
      allianceTenant {
        id
        code
        name
      }
      industry {
        code
        name
      }
      call {
        id
        title
      }
    }
  }
`);
