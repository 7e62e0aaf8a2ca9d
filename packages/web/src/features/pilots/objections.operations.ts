import { graphql } from '../../gql';

export const PilotObjectionsQuery = graphql(`
  query PilotObjections($id: ID!) {
    pilotApplication(id: $id) {
      id
      state
      noticeStartsOn
      noticeEndsOn
      authority {
        id
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

export const RecordPilotObjectionMutation = graphql(`
  mutation RecordPilotObjection(
    $applicationId: ID!
    $receivedOn: String!
    $objector: String!
    $content: String!
  ) {
    recordPilotObjection(
      applicationId: $applicationId
      receivedOn: $receivedOn
      objector: $objector
      content: $content
    ) {
      id
    }
  }
`);

export const AnswerPilotObjectionMutation = graphql(`
  mutation AnswerPilotObjection($id: ID!, $answer: String!) {
    answerPilotObjection(id: $id, answer: $answer) {
      id
      answer
      answeredAt
    }
  }
`);
