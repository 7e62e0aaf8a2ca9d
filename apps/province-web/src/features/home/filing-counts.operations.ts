import { graphql } from '../../gql';

export const FilingCountsByCityQuery = graphql(`
  query FilingCountsByCity {
    filingCountsByCity {
      city {
        id
        code
        name
      }
      total
      byState {
        state
        count
      }
    }
  }
`);
