// Prints a tenant's change events as they commit, through Apollo Client and urql at once
// (both over graphql-ws), until Ctrl-C.
//   npm install && KEY=sk_test_… node follow.mjs [ws://localhost:8080/graphql]
// Node 20 has no WebSocket of its own, so graphql-ws is handed the `ws` package's.
import WebSocket from 'ws';
import { ApolloClient, InMemoryCache, gql } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { Client, subscriptionExchange } from '@urql/core';
import { createClient } from 'graphql-ws';

const key = process.env.KEY;
const url = process.argv[2] ?? 'ws://localhost:8080/graphql';
if (!key) {
  console.error('Set KEY to an API key with customers:read');
  process.exit(2);
}

const EVENTS = `subscription { customerEvents { id type customerId version customer { email } } }`;
const ws = createClient({
  url, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${key}` },
  on: { closed: (event) => event.code >= 4000 && console.error(`closed: ${event.code} ${event.reason}`) },
});

const apollo = new ApolloClient({ link: new GraphQLWsLink(ws), cache: new InMemoryCache() });
apollo.subscribe({ query: gql(EVENTS) }).subscribe({
  next: ({ data }) => console.log('apollo', JSON.stringify(data.customerEvents)),
  error: (error) => console.error('apollo', error.message),
});

const urql = new Client({
  url: url.replace(/^ws/, 'http'),
  exchanges: [subscriptionExchange({
    forwardSubscription: (request) => ({
      subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
    }),
  })],
});
urql.subscription(EVENTS, {}).subscribe((result) => {
  if (result.error) {
    console.error('urql', result.error.message);
  }
  else {
    console.log('urql', JSON.stringify(result.data.customerEvents));
  }
});
