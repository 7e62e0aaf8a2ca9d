import { graphql } from '../../gql';

export const PilotCallFieldsFragment = graphql(`
  fragment PilotCallFields on PilotCall {
    id
    version
    title
    description
    level
    opensAt
    closesAt
    recommendBy
    decideBy
    requiredDocuments
    status
    publishedAt
    isOpen
    isMine
    guide {
      ...CallGuideFields
    }
    authority {
      id
      name
      bureauName
    }
    measures {
      id
      title
      documentNumber
      versionNo
    }
  }
`);

export const PilotCallsQuery = graphql(`
  query PilotCalls {
    pilotCalls {
      ...PilotCallFields
    }
  }
`);

export const CreatePilotCallMutation = graphql(`
  mutation CreatePilotCall($input: PilotCallInput!) {
    createPilotCall(input: $input) {
      ...PilotCallFields
    }
  }
`);

export const UpdatePilotCallMutation = graphql(`
  mutation UpdatePilotCall($id: ID!, $version: Int!, $input: PilotCallInput!) {
    updatePilotCall(id: $id, version: $version, input: $input) {
      ...PilotCallFields
    }
  }
`);

export const PublishPilotCallMutation = graphql(`
  mutation PublishPilotCall($id: ID!, $version: Int!) {
    publishPilotCall(id: $id, version: $version) {
      ...PilotCallFields
    }
  }
`);

export const CallGuideFieldsFragment = graphql(`
  fragment CallGuideFields on Document {
    id
    fileName
    sha256
    downloadUrl
  }
`);

export const RemoveCallGuideMutation = graphql(`
  mutation RemoveCallGuide($callId: ID!) {
    removeCallGuide(callId: $callId)
  }
`);
