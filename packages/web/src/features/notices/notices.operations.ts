import { graphql } from '../../gql';

// Kept short for the workbench (工作台): id, title, time, publisher, pinned.
export const NoticesForMeQuery = graphql(`
  query NoticesForMe($first: Int) {
    noticesForMe(first: $first) {
      id
      title
      publishedAt
      publisherName
      pinned
    }
  }
`);

export const OwnNoticesQuery = graphql(`
  query OwnNotices {
    notices(first: 100) {
      id
      title
      audienceLabels
      pinned
      state
      stateLabel
      publishedAt
      updatedAt
      version
    }
  }
`);

export const NoticeQuery = graphql(`
  query Notice($id: ID!) {
    notice(id: $id) {
      id
      publisherTenantId
      publisherName
      title
      body
      audiences
      audienceLabels
      pinned
      state
      stateLabel
      publishedAt
      withdrawnAt
      withdrawalReason
      version
      updatedAt
      attachments {
        documentId
        fileName
        mediaType
        sizeBytes
      }
    }
  }
`);

export const SaveNoticeMutation = graphql(`
  mutation SaveNotice($input: SaveNoticeInput!) {
    saveNotice(input: $input) {
      id
      version
      state
    }
  }
`);

export const PublishNoticeMutation = graphql(`
  mutation PublishNotice($id: ID!, $version: Int!) {
    publishNotice(id: $id, version: $version) {
      id
      version
      state
      publishedAt
    }
  }
`);

export const WithdrawNoticeMutation = graphql(`
  mutation WithdrawNotice($input: WithdrawNoticeInput!) {
    withdrawNotice(input: $input) {
      id
      version
      state
      withdrawnAt
      withdrawalReason
    }
  }
`);

export const DetachNoticeDocumentMutation = graphql(`
  mutation DetachNoticeDocument($noticeId: ID!, $documentId: ID!) {
    detachNoticeDocument(noticeId: $noticeId, documentId: $documentId) {
      id
    }
  }
`);
