import { graphql } from '../../gql';

export const IndustriesQuery = graphql(`
  query Industries {
    industries {
      code
      name
      parentCode
      category
    }
  }
`);
