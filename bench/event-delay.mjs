// Commit-to-event delay under load (bench/event-delay.sh runs it; plain Node 20+, no packages).
// Creates a probe customer, registers a webhook endpoint (CUSTOMER_UPDATED) to a receiver on
// loopback in this process, subscribes to the customer's customerEvents over graphql-transport-ws,
// then runs the load command given after "--" (or just waits --seconds) while it updates the
// probe customer every ~100 ms. For each update it takes the time the mutation's HTTP response
// was read (after the commit) and the time the subscription message and the webhook request
// with that customer version arrived, and prints one JSON line: both paths' delays
// (count, p50, p99, max in ms; negative: the event came before the response) and the load's
// own JSON line (wrk's, through bench/wrk/common.lua).
//
//   KEY=sk_test_… node --experimental-websocket bench/event-delay.mjs http://127.0.0.1:18090 \
//     [--interval 100] [--seconds 30] [--grace 5] [-- wrk -c16 -d30s … (the load)]
import { createServer } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const load = split < 0 ? [] : args.slice(split + 1);
const own = split < 0 ? args : args.slice(0, split);
const option = (name, fallback) => {
  const at = own.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(own[at + 1]);
};
const base = own[0];
const interval = option('interval', 100);
const seconds = option('seconds', 30);
const grace = option('grace', 5) * 1000;
const key = process.env.KEY;
if (!base || !key) {
  console.error('usage: KEY=… node --experimental-websocket event-delay.mjs http://host:port [--interval ms] [--seconds s] [-- load command]');
  process.exit(2);
}
const now = () => performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function gql(query, variables = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

// committed, subscription, webhook: arrival times by customer version.
const committed = new Map();
const bySubscription = new Map();
const byWebhook = new Map();
let badSignatures = 0;

// --- the probe customer and the webhook receiver ------------------------------------------
const created = await gql(`mutation ($input: CreateCustomerInput!) {
    createCustomer(input: $input) { customer { id version } userErrors { message } } }`,
{ input: { email: `probe-${Date.now()}@example.test`, firstName: 'Probe', lastName: 'L0' } });
const customerId = created.createCustomer.customer.id;

let secret = '';
const receiver = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const at = now();
    const raw = Buffer.concat(chunks).toString();
    const [t, v1] = (req.headers['customer-graph-signature'] ?? '').split(',').map((part) => part.split('=')[1]);
    const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest('hex');
    if (!(v1?.length === expected.length && timingSafeEqual(Buffer.from(v1), Buffer.from(expected)))) badSignatures++;
    const event = JSON.parse(raw);
    if (event.customerId === customerId && !byWebhook.has(event.version)) byWebhook.set(event.version, at);
    res.writeHead(204).end();
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const endpoint = await gql(`mutation ($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { webhookEndpoint { id } secret userErrors { code field message } } }`,
{ input: { url: `http://127.0.0.1:${receiver.address().port}/hook`, types: ['CUSTOMER_UPDATED'], description: 'event-delay probe' } });
if (!endpoint.createWebhookEndpoint.secret) throw new Error(JSON.stringify(endpoint.createWebhookEndpoint.userErrors));
secret = endpoint.createWebhookEndpoint.secret;

// --- the subscription (graphql-transport-ws) -------------------------------------------------
const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
const subscribed = new Promise((resolve, reject) => {
  ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${key}` } }));
  ws.onclose = (event) => reject(new Error(`WebSocket closed: ${event.code} ${event.reason}`));
  ws.onmessage = ({ data }) => {
    const at = now();
    const message = JSON.parse(data);
    if (message.type === 'connection_ack') {
      ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: {
        query: 'subscription ($id: ID) { customerEvents(customerId: $id, types: [CUSTOMER_UPDATED]) { id version } }',
        variables: { id: customerId } } }));
      setTimeout(resolve, 1000); // the subscription is registered well before the first probe
    } else if (message.type === 'ping') {
      ws.send(JSON.stringify({ type: 'pong' }));
    } else if (message.type === 'next') {
      const event = message.payload.data?.customerEvents;
      if (!event) throw new Error(JSON.stringify(message.payload));
      if (!bySubscription.has(event.version)) bySubscription.set(event.version, at);
    } else if (message.type === 'error' || message.type === 'complete') {
      reject(new Error(`subscription ended: ${data}`));
    }
  };
});
await subscribed;
let closing = false;
ws.onclose = (event) => { if (!closing) console.error(`WebSocket closed: ${event.code} ${event.reason}`); };

// --- the load and the probe --------------------------------------------------------------------
let loadLine = null;
let loadRunning = load.length > 0;
const loadDone = !loadRunning ? Promise.resolve(0) : new Promise((resolve) => {
  const child = spawn(load[0], load.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  child.on('close', (code) => {
    loadRunning = false;
    loadLine = out.split('\n').find((line) => line.startsWith('{')) ?? null;
    resolve(code);
  });
});
const UPDATE = `mutation ($input: UpdateCustomerInput!) {
  updateCustomer(input: $input) { customer { version } userErrors { message } } }`;
const started = now();
let probeErrors = 0;
for (let i = 1; loadRunning || (load.length === 0 && now() - started < seconds * 1000); i++) {
  const sent = now();
  try {
    const { customer } = (await gql(UPDATE, { input: { id: customerId, lastName: `L${i}` } })).updateCustomer;
    committed.set(customer.version, now());
  } catch (error) {
    probeErrors++;
  }
  await sleep(Math.max(0, interval - (now() - sent)));
}
const loadCode = await loadDone;
const last = Math.max(...committed.keys());
for (const waitUntil = now() + grace; now() < waitUntil && !(bySubscription.has(last) && byWebhook.has(last));) {
  await sleep(50);
}

// --- the figures -------------------------------------------------------------------------------
function delays(arrivals) {
  const values = [...committed].filter(([version]) => arrivals.has(version))
    .map(([version, at]) => arrivals.get(version) - at).sort((a, b) => a - b);
  const at = (p) => values.length ? Number(values[Math.min(values.length - 1, Math.floor(p * values.length))].toFixed(1)) : null;
  return { count: values.length, missing: committed.size - values.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
}
console.log(JSON.stringify({
  probes: committed.size, probeErrors, intervalMs: interval, seconds: Number(((now() - started) / 1000).toFixed(1)),
  subscription: delays(bySubscription), webhook: { ...delays(byWebhook), badSignatures },
  load: loadLine ? JSON.parse(loadLine) : null, loadExit: loadCode,
}));
closing = true;
ws.close();
await gql('mutation ($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { userErrors { message } } }',
  { input: { id: endpoint.createWebhookEndpoint.webhookEndpoint.id } }).catch(() => {});
receiver.close();
process.exit(0);
