/**
 * Load and memory (issue 8): Omnigraph's gateway against a bare ApolloGateway on the same supergraph, subgraphs and
 * simulators, side by side in one run (docs: /work/shared/performance.md §1).
 *
 * Processes, each on its own so its RSS is visible: simulators (CPU 0), subgraphs (CPU 0), each gateway (CPU 1):
 * `gateway/src/index.ts` (every edge feature on, file key store, no Redis) and bench/access-control/bare-gateway.ts
 * (no edge, signs as the call center). autocannon runs here, on CPU 0 (`npm run bench:resilience` pins it).
 *
 * (a) soak: `--connections` (50) closed-loop connections on the call-center query (schema/operations/
 *     CallCenterCustomer.graphql, a different customer's phone per request) for `--duration` seconds (600) per
 *     gateway; RSS of every process after a warm-up and at the end, and the drift.
 * (b) flood: `--flood-connections` (500) connections from one partner key (a 5-SKU catalogue read) for
 *     `--flood-seconds` (30) while the call-center key sends the call-center query at `--rate` (5) requests/s,
 *     open loop; the call center's p50/p99 and errors, the flood's 200/429/503 counts; `--reps` (3) rotated.
 * Every 200 response is checked. Results: bench/results/resilience-under-load.md.
 *
 * Usage: npm run bench:resilience [-- --duration 600 --warmup 60 --connections 50 --flood-seconds 30 --flood-connections 500 --rate 5
 *        --reps 3 --scale 1 --skip-soak --out resilience-under-load.md]   (--reps 0: the soak only)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { createApiKeyService, createFileKeyStore } from '@omnigraph/auth';
import { findFreePort } from '@omnigraph/shared/testing';
import { registeredOperationText } from '../gateway/src/edge/registered-operations.ts';
import { fmt, makeSkuBodies, median, openBenchSession, rssMb, startPinned } from './bench-helpers.ts';
import type { SimulatorsReady } from './resilience/simulators.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '600' },
    connections: { type: 'string', default: '50' },
    'flood-seconds': { type: 'string', default: '30' },
    'flood-connections': { type: 'string', default: '500' },
    rate: { type: 'string', default: '5' },
    reps: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '60' },
    scale: { type: 'string', default: '1' },
    'skip-soak': { type: 'boolean', default: false },
    out: { type: 'string', default: 'resilience-under-load.md' },
  },
});
const soakSeconds = Number(values.duration);
const soakConnections = Number(values.connections);
const floodSeconds = Number(values['flood-seconds']);
const floodConnections = Number(values['flood-connections']);
const rate = Number(values.rate);
const reps = Number(values.reps);
const warmupSeconds = Number(values.warmup);

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const CALL_CENTER_QUERY = registeredOperationText('CallCenterCustomer');
const PRODUCTS_QUERY = `query Products($skus: [ID!]!) { products(skus: $skus) { sku name listPrice { gross { amount } } stock { available } } }`;

const okCallCenter = (body: string) => body.startsWith('{"data":{"findCustomers":[') && !body.includes('"errors"');
const okProducts = (body: string) => body.startsWith('{"data":{"products":[') && !body.includes('"errors"');

interface Gw {
  label: string;
  child: ChildProcess;
  url: string;
  callCenterHeaders: Record<string, string>;
  floodHeaders: Record<string, string>;
}
interface Procs {
  simulators: number;
  subgraphs: number;
}
interface SoakResult {
  label: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  rss: Record<'gateway' | 'subgraphs' | 'simulators', { start: number; end: number; samples: number[] }>;
}
interface FloodResult {
  label: string;
  wellBehaved: { requests: number; p50: number; p99: number; bad: number };
  flood: { requests: number; ok: number; tooMany: number; overloaded: number; other: number };
  gatewayRssAfter: number;
}

function rotating(bodies: string[]) {
  let i = Math.floor(Math.random() * bodies.length);
  return () => bodies[i++ % bodies.length]!;
}

async function load(opts: {
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  check: (body: string) => boolean;
  connections: number;
  seconds: number;
  overallRate?: number;
}) {
  const next = rotating(opts.bodies);
  let badBodies = 0;
  let firstBad: string | undefined;
  const result = await autocannon({
    url: `${opts.url}/graphql`,
    connections: opts.connections,
    duration: opts.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...opts.headers },
    ...(opts.overallRate === undefined ? {} : { overallRate: opts.overallRate }),
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: next() }),
        onResponse: (status, body) => {
          if (status === 200 && !opts.check(body)) badBodies += 1;
          // what went wrong, once per load, for the console (never a customer's data: error codes only)
          if (firstBad === undefined && (status !== 200 || !opts.check(body)) && status !== 429 && status !== 503) {
            firstBad = `${status} ${JSON.stringify([...body.matchAll(/"code":"([A-Z_]+)"/g)].map((m) => m[1]))}`;
          }
        },
      },
    ],
  });
  const codes = result.statusCodeStats ?? {};
  const count = (code: string) => (codes as Record<string, { count?: number }>)[code]?.count ?? 0;
  const statuses = Object.entries(codes)
    .map(([code, v]) => `${code}×${(v as { count?: number }).count ?? 0}`)
    .join(' ');
  if (firstBad !== undefined || result.errors + result.timeouts > 0) {
    console.log(`  statuses ${statuses}, errors ${result.errors}, timeouts ${result.timeouts}, first bad: ${firstBad ?? '—'}`);
  }
  return { result, badBodies, count };
}

async function soak(g: Gw, procs: Procs, bodies: string[]): Promise<SoakResult> {
  console.log(`soak ${g.label}: warm-up ${warmupSeconds} s …`);
  await load({ url: g.url, headers: g.callCenterHeaders, bodies, check: okCallCenter, connections: soakConnections, seconds: warmupSeconds });
  const pid = g.child.pid!;
  const start = { gateway: rssMb(pid), subgraphs: rssMb(procs.subgraphs), simulators: rssMb(procs.simulators) };
  console.log(`soak ${g.label}: ${soakSeconds} s at ${soakConnections} connections, RSS at start ${JSON.stringify(start)}`);
  // The trajectory tells a plateau (V8 sizing its heap to the load) from a leak (growth that does not stop).
  const samples = { gateway: [start.gateway], subgraphs: [start.subgraphs], simulators: [start.simulators] };
  const sampler = setInterval(
    () => {
      samples.gateway.push(rssMb(pid));
      samples.subgraphs.push(rssMb(procs.subgraphs));
      samples.simulators.push(rssMb(procs.simulators));
    },
    Math.max(5_000, (soakSeconds * 1000) / 10),
  );
  const { result, badBodies } = await load({
    url: g.url,
    headers: g.callCenterHeaders,
    bodies,
    check: okCallCenter,
    connections: soakConnections,
    seconds: soakSeconds,
  });
  clearInterval(sampler);
  // Let in-flight work and timers settle before reading the end figures.
  await new Promise((r) => setTimeout(r, 3_000));
  const end = { gateway: rssMb(pid), subgraphs: rssMb(procs.subgraphs), simulators: rssMb(procs.simulators) };
  const out: SoakResult = {
    label: g.label,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.errors + result.timeouts + result.non2xx + badBodies,
    rss: {
      gateway: { start: start.gateway, end: end.gateway, samples: [...samples.gateway, end.gateway] },
      subgraphs: { start: start.subgraphs, end: end.subgraphs, samples: [...samples.subgraphs, end.subgraphs] },
      simulators: { start: start.simulators, end: end.simulators, samples: [...samples.simulators, end.simulators] },
    },
  };
  console.log(
    `soak ${g.label}: ${out.requests} requests, ${fmt(out.rps)} req/s, p50 ${out.p50} p99 ${out.p99}, bad ${out.bad}, RSS at end ${JSON.stringify(end)}`,
  );
  return out;
}

async function flood(g: Gw, callCenterBodies: string[], floodBodies: string[]): Promise<FloodResult> {
  const [wellBehaved, flooding] = await Promise.all([
    // starts a moment later, so it measures a gateway already under the flood
    new Promise((r) => setTimeout(r, 2_000)).then(() =>
      load({
        url: g.url,
        headers: g.callCenterHeaders,
        bodies: callCenterBodies,
        check: okCallCenter,
        connections: Math.max(2, rate * 2),
        seconds: floodSeconds - 4,
        overallRate: rate,
      }),
    ),
    load({ url: g.url, headers: g.floodHeaders, bodies: floodBodies, check: okProducts, connections: floodConnections, seconds: floodSeconds }),
  ]);
  const w = wellBehaved.result;
  const f = flooding.result;
  const ok = flooding.count('200');
  const tooMany = flooding.count('429');
  const overloaded = flooding.count('503');
  const out: FloodResult = {
    label: g.label,
    wellBehaved: {
      requests: w.requests.total,
      p50: w.latency.p50,
      p99: w.latency.p99,
      bad: w.errors + w.timeouts + w.non2xx + wellBehaved.badBodies,
    },
    flood: { requests: f.requests.total, ok, tooMany, overloaded, other: f.requests.total - ok - tooMany - overloaded + f.errors },
    gatewayRssAfter: rssMb(g.child.pid!),
  };
  console.log(`flood ${g.label}: call center ${JSON.stringify(out.wellBehaved)}, flood ${JSON.stringify(out.flood)}`);
  return out;
}

async function main(): Promise<void> {
  const session = openBenchSession('omnigraph-bench-res-');
  const { pepper, keyFile, common } = session;
  const loadBefore = loadavg();
  try {
    console.log('starting simulators and subgraphs on CPU 0 …');
    const sims = await startPinned(
      0,
      here('./resilience/simulators.ts'),
      { ...common, BENCH_SCALE: values.scale },
      /^SIMULATORS_READY (\{.*\})\n/m,
      'pipe',
    );
    const ready = JSON.parse(sims.match[1]!) as SimulatorsReady;
    const subs = await startPinned(0, here('./resilience/subgraphs.ts'), { ...common, ...ready.subgraphEnv }, /^SUBGRAPHS_READY (\{.*\})\n/m, 'pipe');
    const subgraphUrls = JSON.parse(subs.match[1]!) as Record<string, string>;
    const procs: Procs = { simulators: sims.child.pid!, subgraphs: subs.child.pid! };

    const keys = createApiKeyService({ store: createFileKeyStore(keyFile), pepper });
    const callCenterKey = (
      await keys.createKey({
        name: 'bench call center',
        ownerId: 'omnigraph-bench',
        profile: 'internal',
        scopes: ['catalog:read', 'stock:read', 'customers:read', 'customers:pii', 'orders:read'],
        rateLimitPerMinute: 1_000_000_000,
        costPerMinute: 1_000_000_000_000,
      })
    ).key;
    // A partner inside any per-minute limit: what stops it is the concurrency cap and shedding, not the rate limit.
    const partnerKey = (
      await keys.createKey({
        name: 'bench flooding partner',
        ownerId: 'omnigraph-bench',
        scopes: ['catalog:read', 'stock:read'],
        rateLimitPerMinute: 1_000_000_000,
        costPerMinute: 1_000_000_000_000,
      })
    ).key;

    const gatewayEnv = { ...common, ...subgraphUrls };
    const startGateway = async (label: string, entry: string, env: NodeJS.ProcessEnv, headers: { cc: string; flood: string }): Promise<Gw> => {
      const port = await findFreePort();
      const { child, match } = await startPinned(
        1,
        entry,
        // info, production's default: the access-log line of every request is part of the gateway's cost
        { ...gatewayEnv, GATEWAY_PORT: String(port), GATEWAY_METRICS_PORT: '0', LOG_LEVEL: 'info', ...env },
        /listening on (http:\/\/[\d.]+:\d+)/,
      );
      return { label, child, url: match[1]!, callCenterHeaders: { 'x-api-key': headers.cc }, floodHeaders: { 'x-api-key': headers.flood } };
    };
    console.log('starting gateways on CPU 1 …');
    const omnigraph = await startGateway(
      'Omnigraph',
      here('../gateway/src/index.ts'),
      { OMNIGRAPH_KEY_STORE_FILE: keyFile },
      { cc: callCenterKey, flood: partnerKey },
    );
    const bare = await startGateway(
      'bare ApolloGateway',
      here('./access-control/bare-gateway.ts'),
      { BENCH_IDENTITY: 'call-center' },
      { cc: callCenterKey, flood: partnerKey },
    );
    const gateways = [omnigraph, bare];

    const callCenterBodies = ready.phones.map((phone) => JSON.stringify({ query: CALL_CENTER_QUERY, variables: { phone } }));
    const floodBodies = makeSkuBodies(PRODUCTS_QUERY, ready.skus, 5);
    for (const g of gateways) {
      const res = await fetch(`${g.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...g.callCenterHeaders },
        body: callCenterBodies[0]!,
      });
      const text = await res.text();
      if (res.status !== 200 || !okCallCenter(text)) throw new Error(`${g.label}: unexpected answer ${res.status} ${text.slice(0, 300)}`);
    }

    const soaks: SoakResult[] = [];
    if (!values['skip-soak']) for (const g of gateways) soaks.push(await soak(g, procs, callCenterBodies));

    const floods: FloodResult[] = [];
    for (let rep = 0; rep < reps; rep++) {
      for (const g of rep % 2 === 0 ? gateways : [...gateways].reverse()) floods.push(await flood(g, callCenterBodies, floodBodies));
    }
    writeReport({ soaks, floods, loadBefore, loadAfter: loadavg(), scale: values.scale!, phones: ready.phones.length });
  } finally {
    await session.close();
  }
}

function writeReport(r: {
  soaks: SoakResult[];
  floods: FloodResult[];
  loadBefore: number[];
  loadAfter: number[];
  scale: string;
  phones: number;
}): void {
  const drift = (x: { start: number; end: number }) =>
    `${fmt(x.start)} → ${fmt(x.end)} MB (${x.end >= x.start ? '+' : ''}${fmt(((x.end - x.start) / x.start) * 100, 1)} %)`;
  const lines: string[] = [
    '# Resilience under load: soak and one-key flood',
    '',
    `Run ${new Date().toISOString()} by \`npm run bench:resilience\` (bench/resilience-under-load.ts). ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ` +
      `${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}. Load average before ${r.loadBefore.map((l) => fmt(l, 1)).join(' / ')}, ` +
      `after ${r.loadAfter.map((l) => fmt(l, 1)).join(' / ')} (1/5/15 min): the machine is shared with other work, read the ratios.`,
    '',
    `Processes: simulators and subgraphs each in their own process on CPU 0, each gateway in its own process on CPU 1 (\`taskset\`), ` +
      `\`NODE_ENV=production\`, memory caches (no Redis), dataset scale ${r.scale}; autocannon on CPU 0. Every 200 response checked.`,
    '',
  ];
  if (r.soaks.length > 0) {
    lines.push(
      `## (a) Soak: ${soakConnections} connections, call-center query, ${soakSeconds} s per gateway (after ${warmupSeconds} s warm-up)`,
      '',
      `Variables: the phone of one of ${r.phones} CRM contacts, rotated per request. Target: RSS drift ≤ 10 % for every process.` +
        (soakSeconds < 600 ? ` **Shortened soak** (${soakSeconds} s instead of 600 s): machine time was short.` : ''),
      '',
      '| gateway | requests | req/s | p50 / p99 ms | bad | gateway RSS | subgraphs RSS | simulators RSS |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      ...r.soaks.map(
        (s) =>
          `| ${s.label} | ${s.requests} | ${fmt(s.rps)} | ${s.p50} / ${s.p99} | ${s.bad} | ${drift(s.rss.gateway)} | ${drift(s.rss.subgraphs)} | ${drift(s.rss.simulators)} |`,
      ),
      '',
      'RSS every tenth of the soak (MB), start → end:',
      '',
      ...r.soaks.flatMap((s) =>
        (['gateway', 'subgraphs', 'simulators'] as const).map((p) => `- ${s.label}, ${p}: ${s.rss[p].samples.map((x) => fmt(x)).join(' · ')}`),
      ),
      '',
      'The subgraphs and simulators serve both soaks one after the other: their row of the second gateway starts where the first ended.',
      '',
    );
  }
  if (r.floods.length > 0)
    lines.push(
      `## (b) One key floods: ${floodConnections} connections from one partner key for ${floodSeconds} s, the call center at ${rate} req/s`,
      '',
      'The flood: a 5-SKU catalogue read, closed loop (each connection sends again as soon as it is answered, ignoring ' +
        '`Retry-After`). The call center: the call-center query, open loop at a fixed rate, from the 3rd second. Target: call-center p99 ≤ 500 ms.',
      '',
      '| gateway | call-center requests | call-center p50 / p99 ms (median of reps, min–max of p99) | call-center errors | flood requests | flood 200 | 429 | 503 | other | gateway RSS after |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
  for (const label of [...new Set(r.floods.map((f) => f.label))]) {
    const fs = r.floods.filter((f) => f.label === label);
    const p99s = fs.map((f) => f.wellBehaved.p99);
    const sum = (g: (f: FloodResult) => number) => fs.reduce((a, f) => a + g(f), 0);
    lines.push(
      `| ${label} | ${sum((f) => f.wellBehaved.requests)} | ${fmt(median(fs.map((f) => f.wellBehaved.p50)))} / ${fmt(median(p99s))} (${fmt(Math.min(...p99s))}–${fmt(Math.max(...p99s))}) | ` +
        `${sum((f) => f.wellBehaved.bad)} | ${sum((f) => f.flood.requests)} | ${sum((f) => f.flood.ok)} | ${sum((f) => f.flood.tooMany)} | ${sum((f) => f.flood.overloaded)} | ${sum((f) => f.flood.other)} | ${fmt(Math.max(...fs.map((f) => f.gatewayRssAfter)))} MB |`,
    );
  }
  if (r.floods.length > 0) lines.push('', `Sums over ${reps} repetitions, the gateways in rotating order.`, '');
  const out = here(`./results/${values.out}`);
  mkdirSync(here('./results'), { recursive: true });
  writeFileSync(out, lines.join('\n'));
  console.log(`\nwrote ${out}\n\n${lines.join('\n')}`);
}

await main();
process.exit(0);
