import { graphql } from '../../gql';
import type { FilingDetailQuery as FilingDetailResult } from '../../gql/graphql';

// The filing as its detail page and the page's sections and modals read it.
export type FilingDetail = FilingDetailResult['filing'];

export const FilingRoundFieldsFragment = graphql(`
  fragment FilingRoundFields on FilingRound {
    id
    version
    year
    documentNumber
    status
    opensAt
    closesAt
    quotaPerUnit
    reviewRequired
    noticeDays
    requiredDocuments
    publishedAt
    isOpen
  }
`);

export const FilingRoundsQuery = graphql(`
  query FilingRounds {
    filingRounds {
      ...FilingRoundFields
    }
  }
`);

export const FilingRoundDefaultsQuery = graphql(`
  query FilingRoundDefaults {
    filingRoundDefaults {
      reviewRequired
      noticeDays
      validityYears
      requiredDocuments
    }
  }
`);

export const CreateFilingRoundMutation = graphql(`
  mutation CreateFilingRound($input: FilingRoundInput!) {
    createFilingRound(input: $input) {
      ...FilingRoundFields
    }
  }
`);

export const UpdateFilingRoundMutation = graphql(`
  mutation UpdateFilingRound($id: ID!, $version: Int!, $input: FilingRoundInput!) {
    updateFilingRound(id: $id, version: $version, input: $input) {
      ...FilingRoundFields
    }
  }
`);

export const PublishFilingRoundMutation = graphql(`
  mutation PublishFilingRound($id: ID!, $version: Int!) {
    publishFilingRound(id: $id, version: $version) {
      ...FilingRoundFields
    }
  }
`);

export const FilingsQuery = graphql(`
  query Filings($filter: FilingFilterInput!) {
    filings(filter: $filter) {
      id
      allianceId
      allianceName
      cityTenantId
      cityName
      state
      submittedAt
      filingNumber
      createdAt
      round {
        id
        year
        documentNumber
      }
    }
  }
`);

export const FilingDetailQuery = graphql(`
  query FilingDetail($id: ID!) {
    filing(id: $id) {
      id
      certificatePdf {
        state
        fileName
        sha256
        downloadUrl
        reason
      }
      version
      allianceId
      allianceName
      cityTenantId
      cityName
      state
      significance
      level
      documents {
        documentId
        kind
        name
        sha256
        size
        downloadUrl
      }
      submittedAt
      acceptedAt
      correctionDeadline
      noticeStartsOn
      noticeEndsOn
      lastReason
      decidedAt
      filingNumber
      filedOn
      validThrough
      nationallyRecommended
      nationalOpinion
      nationalRecommendedAt
      availableActions
      createdAt
      round {
        ...FilingRoundFields
      }
      snapshot
      snapshots {
        seq
        kind
        takenAt
        sha256
        snapshot
        changes {
          kind
          subject
          description
        }
      }
      timeline {
        at
        action
        actorName
        toState
        reason
      }
      objections {
        id
        receivedOn
        objector
        content
        answer
        answeredAt
      }
    }
  }
`);

// What the certificate prints, and nothing more.
export const FilingCertificateQuery = graphql(`
  query FilingCertificate($id: ID!) {
    filing(id: $id) {
      id
      allianceId
      allianceName
      cityName
      state
      filingNumber
      filedOn
      validThrough
      round {
        id
        documentNumber
      }
      # The measures the filing was checked under, named on the certificate.
      snapshot
    }
  }
`);

// The city's alliances to file one of (one page of the register is plenty); the API says which may not be.
export const FilableAlliancesQuery = graphql(`
  query FilableAlliances {
    alliances(first: 100) {
      totalCount
      nodes {
        id
        name
        status
        pilotStatus
      }
    }
  }
`);

// The alliance's register documents, to attach to the filing each under a kind the round asks for.
export const FilingAllianceDocumentsQuery = graphql(`
  query FilingAllianceDocuments($id: ID!) {
    alliance(id: $id) {
      id
      documents {
        id
        kind
        fileName
        sha256
        sizeBytes
        uploadedAt
        downloadUrl
      }
    }
  }
`);

export const CreateFilingMutation = graphql(`
  mutation CreateFiling($roundId: ID!, $allianceId: ID!) {
    createFiling(roundId: $roundId, allianceId: $allianceId) {
      id
    }
  }
`);

// The dossier comes back with the new version: the page starts a fresh form for each version, from
// the cache, which must not pair the new version with the dossier as it was before the save.
export const UpdateFilingMutation = graphql(`
  mutation UpdateFiling($input: UpdateFilingInput!) {
    updateFiling(input: $input) {
      id
      version
      significance
      level
      documents {
        documentId
        kind
        name
        sha256
        size
        downloadUrl
      }
    }
  }
`);

export const TransitionFilingMutation = graphql(`
  mutation TransitionFiling($input: TransitionFilingInput!) {
    transitionFiling(input: $input) {
      id
      version
      state
      availableActions
    }
  }
`);

export const RecordFilingObjectionMutation = graphql(`
  mutation RecordFilingObjection(
    $filingId: ID!
    $receivedOn: String!
    $objector: String!
    $content: String!
  ) {
    recordFilingObjection(
      filingId: $filingId
      receivedOn: $receivedOn
      objector: $objector
      content: $content
    ) {
      id
    }
  }
`);

export const AnswerFilingObjectionMutation = graphql(`
  mutation AnswerFilingObjection($id: ID!, $answer: String!) {
    answerFilingObjection(id: $id, answer: $answer) {
      id
      answer
      answeredAt
    }
  }
`);

export const RecommendFilingNationallyMutation = graphql(`
  mutation RecommendFilingNationally($id: ID!, $version: Int!, $opinion: String!) {
    recommendFilingNationally(id: $id, version: $version, opinion: $opinion) {
      id
      version
      nationallyRecommended
      nationalOpinion
      nationalRecommendedAt
    }
  }
`);

export const WithdrawNationalRecommendationMutation = graphql(`
  mutation WithdrawNationalRecommendation($id: ID!, $version: Int!, $reason: String!) {
    withdrawNationalRecommendation(id: $id, version: $version, reason: $reason) {
      id
      version
      nationallyRecommended
      nationalOpinion
      nationalRecommendedAt
    }
  }
`);
