import { graphql } from '../../gql';

export const AllianceDocumentsQuery = graphql(`
  query AllianceDocuments($id: ID!) {
    alliance(id: $id) {
      id
      documents {
        id
        kind
        fileName
        mediaType
        sizeBytes
        sha256
        uploadedAt
        downloadUrl
      }
    }
  }
`);
