import { graphql } from '../../gql';

export const SupportObjectionFieldsFragment = graphql(`
  fragment SupportObjectionFields on SupportObjection {
    id
    receivedOn
    objector
    content
    answer
    sustained
    answeredAt
  }
`);

export const RecordSupportObjectionMutation = graphql(`
  mutation RecordSupportObjection($input: RecordSupportObjectionInput!) {
    recordSupportObjection(input: $input) {
      ...SupportObjectionFields
    }
  }
`);

export const AnswerSupportObjectionMutation = graphql(`
  mutation AnswerSupportObjection($input: AnswerSupportObjectionInput!) {
    answerSupportObjection(input: $input) {
      ...SupportObjectionFields
    }
  }
`);
