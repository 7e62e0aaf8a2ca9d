import { graphql } from '../../gql';

export const ExpertFieldsFragment = graphql(`
  fragment ExpertFields on Expert {
    id
    name
    title
    domains {
      code
      name
    }
    affiliations {
      id
      label
      position
      organization {
        id
      }
      bureau {
        id
      }
    }
    declaredConflicts {
      id
      label
      reason
      declaredOn
    }
    available
    unavailableReason
    accountUsername
    accountUserId
    reviewsThisYear
    yearlyCap
    version
  }
`);

export const ExpertsQuery = graphql(`
  query Experts {
    experts {
      ...ExpertFields
    }
  }
`);

// Admins only (the API's users query); the pool form offers the tier's EXPERT accounts from it.
export const ExpertAccountsQuery = graphql(`
  query ExpertAccounts {
    users {
      id
      username
      displayName
      roles
      disabled
    }
  }
`);

export const CreateExpertMutation = graphql(`
  mutation CreateExpert($input: ExpertInput!) {
    createExpert(input: $input) {
      ...ExpertFields
    }
  }
`);

export const UpdateExpertMutation = graphql(`
  mutation UpdateExpert($input: UpdateExpertInput!) {
    updateExpert(input: $input) {
      ...ExpertFields
    }
  }
`);

export const DeclareExpertConflictMutation = graphql(`
  mutation DeclareExpertConflict($input: DeclareExpertConflictInput!) {
    declareExpertConflict(input: $input) {
      ...ExpertFields
    }
  }
`);

export const ReviewAggregateFieldsFragment = graphql(`
  fragment ReviewAggregateFields on ReviewAggregate {
    rule
    sheets
    trimmed
    criteria {
      key
      label
      value
      min
      max
    }
    total
    totalSpread
    totalStdDev
    passMark
    passes
    rank
  }
`);

// One panel as the authority reads it, for a pilot application or a filing.
export const ReviewPanelFieldsFragment = graphql(`
  fragment ReviewPanelFields on ReviewPanel {
    size
    complete
    sheetsSubmitted
    seats {
      assignmentId
      assignedAt
      expert {
        id
        name
        title
      }
      sheet {
        id
        status
        total
        overallOpinion
        recommendation
        submittedAt
        reopenedAt
        reopenReason
        scores {
          key
          label
          weight
          score
          comment
        }
      }
    }
    aggregate {
      ...ReviewAggregateFields
    }
  }
`);

export const ReviewPanelQuery = graphql(`
  query ReviewPanel($id: ID!) {
    pilotApplication(id: $id) {
      id
      industry {
        code
        name
        parentCode
      }
      panel {
        ...ReviewPanelFields
      }
    }
  }
`);

export const FilingReviewPanelQuery = graphql(`
  query FilingReviewPanel($id: ID!) {
    filing(id: $id) {
      id
      industry {
        code
        name
        parentCode
      }
      panel {
        ...ReviewPanelFields
      }
    }
  }
`);

export const ProgrammeReviewPanelQuery = graphql(`
  query ProgrammeReviewPanel($id: ID!) {
    programmeApplication(id: $id) {
      id
      industry {
        code
        name
        parentCode
      }
      panel {
        ...ReviewPanelFields
      }
    }
  }
`);

export const ProjectAcceptancePanelQuery = graphql(`
  query ProjectAcceptancePanel($id: ID!) {
    project(id: $id) {
      id
      industry {
        code
        name
        parentCode
      }
      acceptancePanel {
        ...ReviewPanelFields
      }
    }
  }
`);

export const ProposePanelQuery = graphql(`
  query ProposePanel($applicationId: ID!) {
    proposePanel(applicationId: $applicationId) {
      experts {
        id
        name
        title
      }
      explanation
      unfilledSeats {
        seat
        requirement
        reason
      }
    }
  }
`);

// The pool for one application's panel: each expert with the conflicts that keep them off it.
export const PanelCandidatesQuery = graphql(`
  query PanelCandidates($applicationId: ID!) {
    panelCandidates(applicationId: $applicationId) {
      expert {
        ...ExpertFields
      }
      conflicts {
        code
        organizationLabel
        message
      }
    }
  }
`);

export const AssignPanelMutation = graphql(`
  mutation AssignPanel($input: AssignPanelInput!) {
    assignPanel(input: $input) {
      size
      sheetsSubmitted
    }
  }
`);

export const SwapPanelMemberMutation = graphql(`
  mutation SwapPanelMember($input: SwapPanelMemberInput!) {
    swapPanelMember(input: $input) {
      size
      sheetsSubmitted
    }
  }
`);

export const ReopenReviewSheetMutation = graphql(`
  mutation ReopenReviewSheet($input: ReopenReviewSheetInput!) {
    reopenReviewSheet(input: $input) {
      id
      status
      reopenedAt
      reopenReason
    }
  }
`);

export const CallRankingQuery = graphql(`
  query CallRanking($callId: ID!) {
    pilotCall(id: $callId) {
      id
      title
      level
      authority {
        id
        bureauName
      }
    }
    callRanking(callId: $callId) {
      application {
        id
        allianceName
        state
        homeTenant {
          id
          name
        }
      }
      aggregate {
        ...ReviewAggregateFields
      }
    }
  }
`);
