// Commit-to-message delay: subscribes to one customer's events on the WebSocket URL, updates
// the customer N times through the HTTP URL (the same instance, or another one), and times each
// event's message from the mutation's response (a negative delay: the message came first).
//   KEY=sk_test_… node latency.mjs ws://localhost:8080/graphql http://localhost:8081/graphql 100
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const key = process.env.KEY;
const [wsUrl, httpUrl] = [process.argv[2], process.argv[3]];
const n = Number(process.argv[4] ?? 50);

async function post(query, variables = {}) {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()).data;
}

const id = (await post('{ customers(first: 1) { nodes { id } } }')).customers.nodes[0].id;
const ws = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${key}` } });
const arrivals = new Map();
const waiting = new Map();
ws.subscribe({
  query: 'subscription ($id: ID) { customerEvents(customerId: $id) { version } }',
  variables: { id },
}, {
  next: ({ data }) => {
    const at = performance.now();
    arrivals.set(data.customerEvents.version, at);
    waiting.get(data.customerEvents.version)?.(at);
  },
  error: (error) => console.error(error),
  complete: () => {},
});
await new Promise((resolve) => setTimeout(resolve, 1000));

const UPDATE = 'mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { version } } }';
const delays = [];
for (let i = 0; i < n; i++) {
  const { version } = (await post(UPDATE, { input: { id, lastName: `L${i}` } })).updateCustomer.customer;
  const committed = performance.now();
  const arrived = arrivals.get(version) ?? await new Promise((resolve) => waiting.set(version, resolve));
  delays.push(arrived - committed);
  await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 100));
}
delays.sort((a, b) => a - b);
const at = (p) => delays[Math.min(delays.length - 1, Math.floor(p * delays.length))].toFixed(1);
console.log(`n=${n} p50=${at(0.5)} ms p90=${at(0.9)} ms p99=${at(0.99)} ms max=${at(1)} ms`);
await ws.dispose();
