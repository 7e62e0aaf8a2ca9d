import { graphql } from '../../gql';
import type {
  AllianceAgreementsQuery as AllianceAgreementsResult,
  AllianceMembersQuery as AllianceMembersResult,
  AllianceSummaryQuery as AllianceSummaryResult,
} from '../../gql/graphql';

// The rows a section and its modals share, here rather than in the section, so the modals need not
// import the section that opens them.
export type AllianceSummary = AllianceSummaryResult['alliance'];
export type AllianceMemberRow = AllianceMembersResult['alliance']['members'][number];
export type AgreementMember = AllianceAgreementsResult['alliance']['members'][number];

export const AllianceRegisterQuery = graphql(`
  query AllianceRegister(
    $filter: AllianceFilterInput!
    $first: Int!
    $after: String
    $orderBy: AllianceOrder
  ) {
    alliances(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        foundedOn
        status
        pilotStatus
        nationalPilot {
          id
          documentNumber
          designatedOn
        }
        industry {
          code
          name
        }
        tenant {
          id
          code
          name
        }
        filing {
          id
          state
          filingNumber
        }
        chairMember {
          id
          name
        }
        members(current: true) {
          id
        }
        foundingCheck {
          rootCauses
          allHold
          conditions {
            condition
            article
            holds
            dependsOn
          }
        }
      }
    }
  }
`);

export const AllianceSummaryQuery = graphql(`
  query AllianceSummary($id: ID!) {
    alliance(id: $id) {
      id
      version
      name
      objectives
      foundedOn
      status
      pilotStatus
      pilotSince
      pilotApplicationId
      nationalPilot {
        id
        documentNumber
        designatedOn
        isMine
      }
      nationalPilotHistory {
        id
        documentNumber
        designatedOn
        inForce
        withdrawal {
          on
          reason
        }
      }
      establishedOn
      dissolvedOn
      dissolutionReason
      availableActions
      industry {
        code
        name
      }
      tenant {
        id
        name
        bureauName
      }
      filing {
        id
        state
        filingNumber
      }
      chairMember {
        id
        name
      }
    }
  }
`);

export const AllianceMembersQuery = graphql(`
  query AllianceMembers($id: ID!) {
    alliance(id: $id) {
      id
      foundedOn
      members {
        id
        role
        joinedOn
        exitedOn
        exitReason
        organization {
          id
          name
          creditCode
          type
          legalRepresentative
          industryBackbone
          backboneBasis
          inHunan
          typeMismatchWarning
          correctable
          version
        }
      }
    }
  }
`);

export const AllianceGovernanceQuery = graphql(`
  query AllianceGovernance($id: ID!) {
    alliance(id: $id) {
      id
      version
      liableEntity
      executiveFullTimeStaff
      governanceBodies {
        kind
        name
        description
      }
      hostOrganization {
        id
        name
      }
      members(current: true) {
        id
        organization {
          id
          name
        }
      }
    }
  }
`);

export const AllianceAgreementsQuery = graphql(`
  query AllianceAgreements($id: ID!) {
    alliance(id: $id) {
      id
      agreements {
        id
        version
        revision
        inEffect
        innovationGoals
        ipOwnership
        ipLicensing
        ipBenefitSharing
        breachLiability
        ipOnDissolution
        ipOnMemberExit
        fundManagement
        fundSupervision
        newMembersRule
        externalCooperation
        resultsDiffusion
        scanDocumentId
        tasks {
          organizationId
          task
        }
        signatures {
          organizationId
          signatoryName
          signedOn
        }
      }
      members {
        id
        role
        joinedOn
        exitedOn
        organization {
          id
          name
          legalRepresentative
        }
      }
      documents {
        id
        kind
        fileName
        downloadUrl
      }
    }
  }
`);

export const AllianceOutputsQuery = graphql(`
  query AllianceOutputs($id: ID!) {
    alliance(id: $id) {
      id
      outputs {
        id
        year
        kind
        quantity
        description
      }
    }
  }
`);

export const FoundingCheckQuery = graphql(`
  query AllianceFoundingCheck($id: ID!, $basis: MeasuresBasis!) {
    alliance(id: $id) {
      id
      foundingCheck(basis: $basis) {
        asOf
        allHold
        agreementVersionInEffect
        rootCauses
        measuresTitle
        conditions {
          condition
          article
          title
          holds
          dependsOn
          reasons {
            code
            message
            organizationId
          }
        }
      }
    }
  }
`);

// Every change answers with the alliance's new version and status; the page then refetches what it shows.
export const RegisterAllianceMutation = graphql(`
  mutation RegisterAlliance($input: RegisterAllianceInput!) {
    registerAlliance(input: $input) {
      id
      name
    }
  }
`);

export const UpdateAllianceMutation = graphql(`
  mutation UpdateAlliance($input: UpdateAllianceInput!) {
    updateAlliance(input: $input) {
      id
      version
      name
      objectives
      foundedOn
      industry {
        code
        name
      }
    }
  }
`);

export const SetAllianceGovernanceMutation = graphql(`
  mutation SetAllianceGovernance($input: SetGovernanceInput!) {
    setAllianceGovernance(input: $input) {
      id
      version
    }
  }
`);

export const AddAllianceMemberMutation = graphql(`
  mutation AddAllianceMember($input: AddMemberInput!) {
    addAllianceMember(input: $input) {
      id
      version
    }
  }
`);

export const ExitAllianceMemberMutation = graphql(`
  mutation ExitAllianceMember($input: ExitMemberInput!) {
    exitAllianceMember(input: $input) {
      id
      version
    }
  }
`);

export const CreateAgreementVersionMutation = graphql(`
  mutation CreateAgreementVersion($input: CreateAgreementVersionInput!) {
    createAgreementVersion(input: $input) {
      id
      version
    }
  }
`);

export const UpdateAgreementDraftMutation = graphql(`
  mutation UpdateAgreementDraft($input: UpdateAgreementDraftInput!) {
    updateAgreementDraft(input: $input) {
      id
      version
    }
  }
`);

export const RecordAgreementSignatureMutation = graphql(`
  mutation RecordAgreementSignature($input: RecordSignatureInput!) {
    recordAgreementSignature(input: $input) {
      id
      version
    }
  }
`);

export const AddAllianceOutputMutation = graphql(`
  mutation AddAllianceOutput($input: AddOutputInput!) {
    addAllianceOutput(input: $input) {
      id
    }
  }
`);

export const EstablishAllianceMutation = graphql(`
  mutation EstablishAlliance($input: EstablishAllianceInput!) {
    establishAlliance(input: $input) {
      id
      version
      status
      establishedOn
      availableActions
    }
  }
`);

export const DissolveAllianceMutation = graphql(`
  mutation DissolveAlliance($input: DissolveAllianceInput!) {
    dissolveAlliance(input: $input) {
      id
      version
      status
      dissolvedOn
      dissolutionReason
      availableActions
    }
  }
`);

// 国家级试点: the province's administrators record the Ministry's designation and withdraw it.
export const RecordNationalPilotMutation = graphql(`
  mutation RecordNationalPilot($input: RecordNationalPilotInput!) {
    recordNationalPilot(input: $input) {
      id
      allianceId
      documentNumber
      designatedOn
      inForce
    }
  }
`);

export const WithdrawNationalPilotMutation = graphql(`
  mutation WithdrawNationalPilot($input: WithdrawNationalPilotInput!) {
    withdrawNationalPilot(input: $input) {
      id
      inForce
      withdrawal {
        on
        reason
      }
    }
  }
`);
