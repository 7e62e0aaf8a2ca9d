import { graphql } from '../../gql';

// The whole statistics page in one query: the API answers it in one SQL statement.
export const StatisticsQuery = graphql(`
  query Statistics {
    statistics {
      cities {
        code
        name
        alliances
        pilots
        filings
        awardedFen
        disbursedFen
      }
      allianceIndustries {
        key
        label
        count
      }
      allianceStatuses {
        key
        count
      }
      pilotLevels {
        key
        count
      }
      pilotsByYear {
        year
        level
        count
      }
      filingStates {
        key
        count
      }
      fundingByYear {
        key
        label
        awardedFen
        disbursedFen
        recoveredFen
      }
      fundingByProgramme {
        key
        label
        awardedFen
        disbursedFen
        recoveredFen
      }
    }
  }
`);
