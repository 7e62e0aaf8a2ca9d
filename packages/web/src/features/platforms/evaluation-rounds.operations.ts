import { graphql } from '../../gql';

export const EvaluationRoundFieldsFragment = graphql(`
  fragment EvaluationRoundFields on PlatformEvaluationRound {
    id
    year
    field
    fieldName
    status
    statusLabel
    evaluatedOn
    version
    openedAt
    closedAt
  }
`);

export const EvaluationRoundDetailFieldsFragment = graphql(`
  fragment EvaluationRoundDetailFields on PlatformEvaluationRoundDetail {
    id
    year
    field
    fieldName
    status
    statusLabel
    evaluatedOn
    version
    openedAt
    closedAt
    closable
    platforms {
      platformId
      name
      kind
      kindLabel
      hostName
      allianceName
      due
      dueLabel
      status
      statusLabel
      rectificationDueOn
      sheetsSubmitted
      sheetsExpected
      minSheets
      evaluationId
      grade
      gradeLabel
      total
    }
    seats {
      id
      expertId
      expertName
      seatedAt
      declaredAt
      sheetsSubmitted
      sheetsTotal
      recusedPlatformNames
    }
  }
`);

export const EvaluationRoundsQuery = graphql(`
  query PlatformEvaluationRounds {
    platformEvaluationRounds {
      ...EvaluationRoundFields
    }
  }
`);

export const EvaluationRoundQuery = graphql(`
  query PlatformEvaluationRound($id: ID!) {
    platformEvaluationRound(id: $id) {
      ...EvaluationRoundDetailFields
    }
  }
`);

export const EvaluatorCandidatesQuery = graphql(`
  query PlatformEvaluatorCandidates($roundId: ID!) {
    platformEvaluatorCandidates(roundId: $roundId) {
      seated
      expert {
        id
        name
        title
        available
        unavailableReason
        accountUsername
        affiliations {
          id
          label
        }
      }
      conflicts {
        platformId
        platformName
        message
      }
    }
  }
`);

export const OpenEvaluationRoundMutation = graphql(`
  mutation OpenPlatformEvaluationRound($input: OpenPlatformEvaluationRoundInput!) {
    openPlatformEvaluationRound(input: $input) {
      ...EvaluationRoundDetailFields
    }
  }
`);

export const SeatEvaluatorsMutation = graphql(`
  mutation SeatPlatformEvaluators($input: SeatPlatformEvaluatorsInput!) {
    seatPlatformEvaluators(input: $input) {
      ...EvaluationRoundDetailFields
    }
  }
`);

export const CloseEvaluationRoundMutation = graphql(`
  mutation ClosePlatformEvaluationRound($input: ClosePlatformEvaluationRoundInput!) {
    closePlatformEvaluationRound(input: $input) {
      ...EvaluationRoundDetailFields
    }
  }
`);

export const EvaluationTaskDetailFieldsFragment = graphql(`
  fragment EvaluationTaskDetailFields on PlatformEvaluationTaskDetail {
    id
    seatedAt
    declaredAt
    sheetsSubmitted
    sheetsTotal
    round {
      id
      year
      fieldName
      status
      statusLabel
    }
    sheets {
      id
      version
      platformId
      platformName
      kind
      kindLabel
      hostName
      allianceName
      recognisedOn
      dueLabel
      status
      statusLabel
      submittedAt
      weightedTotal
      scores {
        key
        score
      }
      criteria {
        key
        label
        weight
      }
    }
  }
`);

export const MyEvaluationTasksQuery = graphql(`
  query MyPlatformEvaluationTasks {
    myPlatformEvaluationTasks {
      id
      seatedAt
      declaredAt
      sheetsSubmitted
      sheetsTotal
      round {
        id
        year
        fieldName
        status
        statusLabel
      }
    }
  }
`);

export const MyEvaluationTaskQuery = graphql(`
  query MyPlatformEvaluationTask($id: ID!) {
    myPlatformEvaluationTask(id: $id) {
      ...EvaluationTaskDetailFields
    }
    expertDeclaration {
      version
      title
      paragraphs
    }
  }
`);

export const DeclareForEvaluationMutation = graphql(`
  mutation DeclareForPlatformEvaluation($taskId: ID!, $declarationVersion: String!) {
    declareForPlatformEvaluation(taskId: $taskId, declarationVersion: $declarationVersion) {
      ...EvaluationTaskDetailFields
    }
  }
`);

export const SaveEvaluationSheetMutation = graphql(`
  mutation SavePlatformEvaluationSheet($input: SavePlatformEvaluationSheetInput!) {
    savePlatformEvaluationSheet(input: $input) {
      ...EvaluationTaskDetailFields
    }
  }
`);
