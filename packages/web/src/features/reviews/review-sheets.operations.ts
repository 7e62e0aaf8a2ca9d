import { graphql } from '../../gql';

export const MyReviewsQuery = graphql(`
  query MyReviews {
    myReviewAssignments {
      id
      assignedAt
      subjectKind
      filing {
        id
        allianceName
        cityName
        round {
          id
          year
          documentNumber
        }
      }
      project {
        id
        title
        acceptance {
          requestedOn
        }
      }
      application {
        id
        allianceName
        call {
          id
          title
          decideBy
        }
      }
      programmeApplication {
        id
        allianceName
        callTitle
      }
      sheet {
        id
        status
        submittedAt
      }
    }
  }
`);

// An expert's own seat with the dossier; other experts' sheets are never asked for.
export const ReviewSheetQuery = graphql(`
  query ReviewSheet {
    myReviewAssignments {
      id
      assignedAt
      subjectKind
      filing {
        id
        allianceName
        cityName
        round {
          id
          year
          documentNumber
        }
        snapshot
      }
      project {
        id
        title
        contract
        acceptance {
          requestedOn
          finalReport
        }
        acceptanceDocuments {
          documentId
          fileName
        }
      }
      application {
        id
        allianceName
        level
        state
        industry {
          code
          name
        }
        homeTenant {
          id
          name
        }
        call {
          id
          title
          decideBy
        }
        form {
          goals
          workPlan
          budgetFen
          ownInvestmentFen
          expectedResults
          contactName
          contactPhone
        }
        feasibilityReport {
          id
          fileName
          downloadUrl
        }
        attachments {
          id
          kind
          fileName
          downloadUrl
        }
        dossier
        submittedAt
        recommendedByName
        recommendationOpinion
      }
      programmeApplication {
        id
        allianceName
        callTitle
        programmeName
        programmeKind
        requestedSupportFen
        frozenOn
        industry {
          code
          name
        }
        form {
          title
          startOn
          endOn
          responsiblePerson
          responsibleUnit {
            name
          }
          ipTerms {
            ownership
            licensing
            onDissolution
            onMemberExit
            benefitShares {
              organizationId
              basisPoints
            }
          }
          participants {
            organizationId
            name
            task
          }
          particulars {
            key
            value
          }
          sections {
            key
            text
          }
        }
        documents {
          documentId
          kindLabel
          fileName
        }
      }
      sheet {
        id
        assignmentId
        status
        scores {
          key
          label
          description
          scale
          weight
          score
          comment
        }
        total
        overallOpinion
        recommendation
        submittedAt
        reopenedAt
        reopenReason
        version
        declaredAt
        declarationVersion
      }
    }
  }
`);

export const SaveReviewSheetMutation = graphql(`
  mutation SaveReviewSheet($input: SaveReviewSheetInput!) {
    saveReviewSheet(input: $input) {
      id
      assignmentId
      status
      scores {
        key
        label
        description
        scale
        weight
        score
        comment
      }
      total
      overallOpinion
      recommendation
      submittedAt
      reopenedAt
      reopenReason
      version
      declaredAt
      declarationVersion
    }
  }
`);

export const DeclareForReviewMutation = graphql(`
  mutation DeclareForReview($assignmentId: ID!, $declarationVersion: String!) {
    declareForReview(assignmentId: $assignmentId, declarationVersion: $declarationVersion) {
      id
      declaredAt
      declarationVersion
    }
  }
`);
