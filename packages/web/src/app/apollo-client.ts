import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { ErrorCode } from '@xiangmeng/domain';
import { ViewerQuery } from '../features/auth/viewer.operations';

/** One client per app: same-origin `/graphql`, the session travels as an HttpOnly cookie. */
export function createApolloClient(): ApolloClient {
  const cache = new InMemoryCache({
    typePolicies: {
      // Aggregates have no identity of their own; they live inside the list that holds them.
      DivisionSummary: { keyFields: false },
    },
  });

  // An expired or revoked session surfaces on whatever request comes next; forgetting the
  // viewer sends the app back to its sign-in page.
  const sessionLink = new ErrorLink(({ error }) => {
    const expired =
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED);
    if (expired) cache.writeQuery({ query: ViewerQuery, data: { me: null } });
  });

  const httpLink = new HttpLink({
    uri: '/graphql',
    credentials: 'same-origin',
    // The API's CSRF prevention refuses requests that a plain form post could have sent.
    headers: { 'apollo-require-preflight': 'true' },
  });

  return new ApolloClient({ cache, link: ApolloLink.from([sessionLink, httpLink]) });
}
