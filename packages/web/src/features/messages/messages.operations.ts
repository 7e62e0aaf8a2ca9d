import { graphql } from '../../gql';

export const UnreadMessageCountQuery = graphql(`
  query UnreadMessageCount {
    unreadMessageCount
  }
`);

export const MyMessagesQuery = graphql(`
  query MyMessages($unreadOnly: Boolean, $first: Int, $before: DateTime) {
    myMessages(unreadOnly: $unreadOnly, first: $first, before: $before) {
      id
      kind
      kindLabel
      title
      body
      link
      createdAt
      readAt
    }
    unreadMessageCount
  }
`);

export const MarkMessageReadMutation = graphql(`
  mutation MarkMessageRead($id: ID!) {
    markMessageRead(id: $id) {
      id
      readAt
    }
  }
`);

export const MarkAllMessagesReadMutation = graphql(`
  mutation MarkAllMessagesRead {
    markAllMessagesRead
  }
`);
