// Apollo Client for Customer Graph: Relay-style connections merged in the cache, and
// automatic persisted queries (the gateway answers PersistedQueryNotFound on a first hash,
// and the link resends with the query).
// npm install @apollo/client graphql crypto-hash
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination } from '@apollo/client/utilities';
import { sha256 } from 'crypto-hash';

export function customerGraphClient(apiKey, uri = 'http://localhost:8080/graphql') {
  return new ApolloClient({
    link: createPersistedQueryLink({ sha256 }).concat(
      new HttpLink({ uri, headers: { Authorization: `Bearer ${apiKey}` } })),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            // Pages of one filter and order are one list; another filter is another list.
            customers: relayStylePagination(['filter', 'orderBy']),
            sources: relayStylePagination(['filter']),
          },
        },
        Customer: {
          fields: {
            addresses: relayStylePagination(),
            sources: relayStylePagination(),
          },
        },
      },
    }),
  });
}

export const CUSTOMERS = gql`
  query Customers($first: Int!, $after: String, $filter: CustomerFilter) {
    customers(first: $first, after: $after, filter: $filter) {
      totalCount
      edges { cursor node { id email displayName tags } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

// With React: const { data, fetchMore } = useQuery(CUSTOMERS, { variables: { first: 20 } });
// Next page:  fetchMore({ variables: { after: data.customers.pageInfo.endCursor } });
// relayStylePagination appends the new edges to data.customers.edges.
