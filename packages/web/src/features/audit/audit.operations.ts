import { graphql } from '../../gql';

export const RecordHistoryQuery = graphql(`
  query RecordHistory($subjectType: String!, $subjectId: ID!, $first: Int, $after: String) {
    recordHistory(subjectType: $subjectType, subjectId: $subjectId, first: $first, after: $after) {
      events {
        occurredAt
        seq
        actorName
        tenantName
        action
        actionLabel
        changes {
          field
          label
          before
          after
        }
      }
      endCursor
      hasNextPage
    }
  }
`);

export const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditEventFilterInput, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      events {
        seq
        occurredAt
        actorName
        action
        actionLabel
        subjectType
        subjectLabel
        subjectId
        changes {
          field
          label
          before
          after
        }
      }
      endCursor
      hasNextPage
    }
  }
`);

export const AuditFilterOptionsQuery = graphql(`
  query AuditFilterOptions {
    auditActions {
      action
      label
    }
    users {
      id
      displayName
      username
    }
  }
`);

export const AuditChainStatusQuery = graphql(`
  query AuditChainStatus($fromSeq: String) {
    auditChainStatus(fromSeq: $fromSeq) {
      verdict
      headSeq
      checkedFrom
      verifiedUpTo
      brokenSeq
      brokenReason
      brokenReasonLabel
      brokenActionLabel
      brokenAt
      windowSize
    }
  }
`);
