import { graphql } from '../../gql';

// One query for the page and the menu counts: both read the same cached work list.

export const WorkListQuery = graphql(`
  query WorkList {
    workList {
      total
      overdue
      counts {
        kind
        count
        overdue
      }
      items {
        kind
        subject
        subjectId
        allianceName
        callTitle
        dueAt
        overdue
        assignmentId
        href
      }
    }
  }
`);
