import { graphql } from '../../gql';

// The workbench in one query: what waits (the work list's counts), the latest messages, and for
// staff the calls and rounds now open, for an expert their review tasks.
export const WorkbenchQuery = graphql(`
  query Workbench($staff: Boolean!, $expert: Boolean!) {
    workList {
      total
      overdue
      counts {
        kind
        count
        overdue
      }
    }
    myMessages(first: 5) {
      id
      kindLabel
      title
      link
      createdAt
      readAt
    }
    unreadMessageCount
    pilotCalls @include(if: $staff) {
      id
      title
      level
      isOpen
      isMine
      closesAt
      authority {
        id
        name
      }
    }
    programmeCalls @include(if: $staff) {
      id
      title
      status
      opensAt
      closesAt
    }
    filingRounds @include(if: $staff) {
      id
      year
      documentNumber
      isOpen
      closesAt
    }
    myReviewAssignments @include(if: $expert) {
      id
      assignedAt
      subjectKind
      application {
        id
        allianceName
        call {
          id
          title
          decideBy
        }
      }
      filing {
        id
        allianceName
        round {
          id
          year
          documentNumber
        }
      }
      sheet {
        id
        status
        submittedAt
      }
    }
  }
`);
