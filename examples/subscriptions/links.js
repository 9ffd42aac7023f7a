// Live updates in a frontend: customerEvents over WebSocket (graphql-transport-ws) at the same
// /graphql as HTTP, with the key in connection_init's payload. Both links are graphql-ws's
// createClient, used unchanged; queries and mutations keep going over HTTP.
// npm install graphql graphql-ws @apollo/client @urql/core
import { ApolloClient, HttpLink, InMemoryCache, gql, split } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient } from 'graphql-ws';

export const CUSTOMER_EVENTS = gql`
  subscription CustomerEvents($customerId: ID, $types: [EventType!], $after: String) {
    customerEvents(customerId: $customerId, types: $types, after: $after) {
      id type occurredAt customerId version
      customer { id email displayName }
      ... on CustomerEvent { changedFields }
      ... on AddressEvent { addressId }
    }
  }
`;

// One WebSocket per client; graphql-ws reconnects by itself. Pass the id of the last event
// received as `after` when you resubscribe, and nothing is missed in between.
function wsClient(apiKey, url) {
  return createClient({ url, connectionParams: { Authorization: `Bearer ${apiKey}` } });
}

export function apolloClient(apiKey, http = 'http://localhost:8080/graphql', ws = 'ws://localhost:8080/graphql') {
  const subscriptions = new GraphQLWsLink(wsClient(apiKey, ws));
  const queries = new HttpLink({ uri: http, headers: { Authorization: `Bearer ${apiKey}` } });
  return new ApolloClient({
    link: split(({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    }, subscriptions, queries),
    cache: new InMemoryCache(),
  });
}
// With React: const { data } = useSubscription(CUSTOMER_EVENTS, { variables: { customerId } });

export function urqlClient(apiKey, http = 'http://localhost:8080/graphql', ws = 'ws://localhost:8080/graphql') {
  const subscriptions = wsClient(apiKey, ws);
  return new Client({
    url: http,
    fetchOptions: { headers: { Authorization: `Bearer ${apiKey}` } },
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: subscriptions.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
}
// urql: client.subscription(CUSTOMER_EVENTS, { customerId }).subscribe((result) => ...);
