/**
 * `npm run bench`: the scenarios S1–S6 of /work/shared/performance.md §4, Omnigraph's gateway (every edge feature on:
 * API keys, operation limits, scopes, rate limit, signed subgraph calls) side by side with a bare `@apollo/gateway`
 * on the same committed supergraph, the same subgraphs and the same simulators, in one run, repetitions rotated.
 *
 * Processes, each apart so its CPU and RSS are visible: simulators (CPU 0), the four subgraphs (one process, CPU 0),
 * each gateway (CPU 1, measured one at a time); autocannon runs here (`npm run bench` pins it to CPU 0).
 * The bare gateway is bench/access-control/bare-gateway.ts: ApolloGateway + ApolloServer on node:http, supergraphSdl
 * from schema/supergraph.graphql, subgraph calls signed with the shared secret as the call center (the subgraphs refuse
 * unsigned calls), nothing else.
 *
 * Every scenario reports per gateway: CPU ms per request of each process (from /proc/<pid>/stat), upstream calls per
 * request (the simulators' request counters), p50/p99, req/s, RSS. Every response is checked; a bad one is counted.
 * Caches are the subgraphs' in-memory caches as configured (no Redis), warmed by a warm-up pass.
 *
 * Usage: npm run bench [-- --quick] [--seconds 5 --reps 3 --warmup 5 --soak-seconds 60 --scenarios S4,S5,S2,S1,S6,S3]
 * Results: bench/results/omnigraph-vs-apollo.md and .json (or --out <name> for both, e.g. a quick run).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createApiKeyService, createFileKeyStore } from '@omnigraph/auth';
import { findFreePort } from '@omnigraph/shared/testing';
import { registeredOperationText } from '../gateway/src/edge/registered-operations.ts';
import { cpuTicks, fmt, makeSkuBodies, openBenchSession, peakRssMb, rssMb, SATURATED_GATEWAY_ENV, startPinned } from './bench-helpers.ts';
import { cpuMsPerRequest, driftPercent, requestsPerCoreSecond, shareOfConcurrencyBound, summarise } from './omnigraph-vs-apollo/bench-math.ts';
import type { SimulatorsReady } from './resilience/simulators.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    reps: { type: 'string' },
    warmup: { type: 'string' },
    'soak-seconds': { type: 'string' },
    scenarios: { type: 'string', default: 'S4,S5,S2,S1,S6,S3' },
    out: { type: 'string' },
  },
});
const quick = values.quick!;
const seconds = Number(values.seconds ?? (quick ? 1.5 : 5));
const reps = Number(values.reps ?? (quick ? 1 : 3));
const warmupSeconds = Number(values.warmup ?? (quick ? 1 : 5));
const soakSeconds = Number(values['soak-seconds'] ?? (quick ? 5 : 60));
const scenarios = new Set(values.scenarios!.split(',').map((s) => s.trim().toUpperCase()));
const outName = values.out ?? (quick ? 'omnigraph-vs-apollo.quick' : 'omnigraph-vs-apollo');

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const CUSTOMER_ORDERS = registeredOperationText('CustomerOrders');
const PRODUCTS_QUERY = `query Products($skus: [ID!]!) {
  products(skus: $skus) { sku name listPrice { gross { amount } } stock { available location { code } } }
}`;
const SKUS = 50;
const okOrders = (body: string) => body.startsWith('{"data":{"findCustomers":[{') && !body.includes('"errors"');
const okProducts = (body: string) => body.startsWith('{"data":{"products":[{') && !body.includes('"errors"');

type Proc = 'gateway' | 'subgraphs' | 'simulators';
const PROCS: Proc[] = ['gateway', 'subgraphs', 'simulators'];

interface Gw {
  label: string;
  child: ChildProcess;
  url: string;
  headers: Record<string, string>;
}
interface Stack {
  pids: Record<Exclude<Proc, 'gateway'>, number>;
  simulatorUrls: Record<string, string>;
}
interface Sample {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  cpuMs: Record<Proc, number>;
  upstreamPerRequest: number;
  upstreamBySystem: Record<string, number>;
  rss: Record<Proc, number>;
}

// ───────────────────────── stack control ─────────────────────────

async function simulatorTotals(stack: Stack): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, url] of Object.entries(stack.simulatorUrls)) {
    const res = await fetch(`${url}/__simulator/counters`);
    out[name] = ((await res.json()) as { total: number }).total;
  }
  return out;
}

async function setLatency(stack: Stack, fixedMs: number): Promise<void> {
  for (const url of Object.values(stack.simulatorUrls)) {
    const res = await fetch(`${url}/__simulator/config`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latency: { fixedMs, jitterMs: 0 } }),
    });
    if (!res.ok) throw new Error(`latency knob refused: ${res.status} ${await res.text()}`);
  }
}

async function measure(g: Gw, stack: Stack, bodies: string[], check: (b: string) => boolean, connections: number, secs: number): Promise<Sample> {
  let i = Math.floor(Math.random() * bodies.length);
  let badBodies = 0;
  const badKinds = new Set<string>();
  const pids: Record<Proc, number> = { gateway: g.child.pid!, ...stack.pids };
  const ticksBefore = Object.fromEntries(PROCS.map((p) => [p, cpuTicks(pids[p])])) as Record<Proc, number>;
  const countsBefore = await simulatorTotals(stack);
  const result = await autocannon({
    url: `${g.url}/graphql`,
    connections,
    duration: secs,
    method: 'POST',
    timeout: 30,
    headers: { 'content-type': 'application/json', ...g.headers },
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length]! }),
        onResponse: (status, body) => {
          if (status === 200 && !check(body)) badBodies += 1;
          // what went wrong, by status and error code only (never a customer's data), for the console
          if ((status !== 200 || !check(body)) && badKinds.size < 5)
            badKinds.add(`${status} ${[...body.matchAll(/"code":"([A-Z_]+)"/g)].map((m) => m[1]).join(',')}`);
        },
      },
    ],
  });
  const countsAfter = await simulatorTotals(stack);
  if (badKinds.size > 0 || result.timeouts + result.errors > 0) {
    console.log(`  bad answers: ${[...badKinds].join('; ') || '—'}, timeouts ${result.timeouts}, connection errors ${result.errors}`);
  }
  const requests = result.requests.total;
  const cpuMs = Object.fromEntries(PROCS.map((p) => [p, cpuMsPerRequest(cpuTicks(pids[p]) - ticksBefore[p], requests)])) as Record<Proc, number>;
  const upstreamBySystem = Object.fromEntries(
    Object.keys(countsAfter).map((k) => [k, requests > 0 ? (countsAfter[k]! - countsBefore[k]!) / requests : NaN]),
  );
  return {
    requests,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.errors + result.timeouts + result.non2xx + badBodies,
    cpuMs,
    upstreamPerRequest: Object.values(upstreamBySystem).reduce((a, b) => a + b, 0),
    upstreamBySystem,
    rss: Object.fromEntries(PROCS.map((p) => [p, rssMb(pids[p])])) as Record<Proc, number>,
  };
}

// ───────────────────────── scenarios ─────────────────────────

interface Row {
  scenario: string;
  case: string;
  gateway: string;
  samples: Sample[];
  /** extra figures a scenario computes (floor, share of bound, RSS drift …) */
  extra?: Record<string, number>;
}
const rows: Row[] = [];

function record(scenario: string, c: string, gateway: string, s: Sample, extra?: Record<string, number>): void {
  const existing = rows.find((r) => r.scenario === scenario && r.case === c && r.gateway === gateway);
  if (existing) {
    existing.samples.push(s);
    if (extra) existing.extra = { ...existing.extra, ...extra };
  } else rows.push({ scenario, case: c, gateway, samples: [s], ...(extra ? { extra } : {}) });
  const cpu = PROCS.map((p) => `${p} ${fmt(s.cpuMs[p], 2)}`).join(', ');
  console.log(
    `${scenario} ${c} · ${gateway}: ${fmt(s.rps)} req/s, p50 ${s.p50} p99 ${s.p99} ms, CPU ms/req ${cpu}, upstream/req ${fmt(s.upstreamPerRequest, 2)}, bad ${s.bad}`,
  );
}

/** Rotated order per repetition: neither gateway always runs first (warmer box, fuller caches). */
const rotated = (gws: Gw[], rep: number) => (rep % 2 === 0 ? gws : [...gws].reverse());

async function main(): Promise<void> {
  const session = openBenchSession('omnigraph-bench-ova-');
  const { pepper, keyFile, common } = session;
  const started = new Date();
  const loadBefore = loadavg();
  try {
    console.log('starting simulators and subgraphs on CPU 0 …');
    const sims = await startPinned(0, here('./resilience/simulators.ts'), common, /^SIMULATORS_READY (\{.*\})\n/m, 'pipe');
    const ready = JSON.parse(sims.match[1]!) as SimulatorsReady;
    const subs = await startPinned(0, here('./resilience/subgraphs.ts'), { ...common, ...ready.subgraphEnv }, /^SUBGRAPHS_READY (\{.*\})\n/m, 'pipe');
    const subgraphUrls = JSON.parse(subs.match[1]!) as Record<string, string>;
    const stack: Stack = { pids: { simulators: sims.child.pid!, subgraphs: subs.child.pid! }, simulatorUrls: ready.urls };

    const key = (
      await createApiKeyService({ store: createFileKeyStore(keyFile), pepper }).createKey({
        name: 'bench call center',
        ownerId: 'omnigraph-bench',
        profile: 'internal',
        scopes: ['catalog:read', 'stock:read', 'customers:read', 'customers:pii', 'orders:read'],
        // far beyond what a run sends: a refusal would be a benchmark artefact
        rateLimitPerMinute: 1_000_000_000,
        costPerMinute: 1_000_000_000_000,
      })
    ).key;
    const startGateway = async (label: string, entry: string, env: NodeJS.ProcessEnv): Promise<Gw> => {
      const port = await findFreePort();
      const { child, match } = await startPinned(
        1,
        entry,
        { ...common, ...subgraphUrls, GATEWAY_PORT: String(port), ...SATURATED_GATEWAY_ENV, ...env },
        /listening on (http:\/\/[\d.]+:\d+)/,
      );
      return { label, child, url: match[1]!, headers: { 'x-api-key': key } };
    };
    console.log('starting gateways on CPU 1 …');
    const gws = [
      await startGateway('Omnigraph', here('../gateway/src/index.ts'), { OMNIGRAPH_KEY_STORE_FILE: keyFile }),
      // the bare gateway ignores the key; sending it keeps the request bytes the same
      await startGateway('bare Apollo', here('./access-control/bare-gateway.ts'), { BENCH_IDENTITY: 'call-center' }),
    ];

    const ordersBody = (email: string, first: number) => [JSON.stringify({ query: CUSTOMER_ORDERS, variables: { email, first } })];
    const s4Cases: [string, string[]][] = [
      ['Anna first:5', ordersBody('anna.kowalska@example.pl', 5)],
      ['Tomasz first:5', ordersBody('tomasz.wisniewski@example.pl', 5)],
      // issue 13's latency target is stated for first:20
      ['Tomasz first:20', ordersBody('tomasz.wisniewski@example.pl', 20)],
      ['Tomasz first:100', ordersBody('tomasz.wisniewski@example.pl', 100)],
    ];
    const variedProducts = makeSkuBodies(PRODUCTS_QUERY, ready.skus, SKUS);
    const fixedProducts = [variedProducts[0]!];

    for (const g of gws) {
      for (const [body, check] of [
        [s4Cases[3]![1][0]!, okOrders],
        [fixedProducts[0]!, okProducts],
      ] as const) {
        const res = await fetch(`${g.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...g.headers }, body });
        const text = await res.text();
        if (res.status !== 200 || !check(text)) throw new Error(`${g.label}: unexpected answer ${res.status} ${text.slice(0, 400)}`);
      }
    }
    console.log('warm-up …');
    for (const g of gws) {
      for (const [, bodies] of s4Cases) await measure(g, stack, bodies, okOrders, 1, warmupSeconds / 2);
      await measure(g, stack, variedProducts, okProducts, 10, warmupSeconds);
    }

    for (let rep = 0; rep < reps; rep++) {
      console.log(`── repetition ${rep + 1}/${reps}`);
      if (scenarios.has('S4')) {
        for (const latency of [0, 20]) {
          await setLatency(stack, latency);
          for (const g of rotated(gws, rep)) {
            for (const [label, bodies] of s4Cases)
              record('S4', `${label} · ${latency} ms`, g.label, await measure(g, stack, bodies, okOrders, 1, seconds));
          }
        }
        await setLatency(stack, 0);
      }
      if (scenarios.has('S5')) {
        for (const g of rotated(gws, rep)) {
          record('S5', 'warm 50-SKU, 1 conn', g.label, await measure(g, stack, fixedProducts, okProducts, 1, seconds));
          record('S5', 'warm 50-SKU, 10 conns', g.label, await measure(g, stack, fixedProducts, okProducts, 10, seconds));
        }
      }
      if (scenarios.has('S2')) {
        for (const conns of [10, 50]) {
          for (const g of rotated(gws, rep))
            record('S2', `varied 50-SKU, ${conns} conns`, g.label, await measure(g, stack, variedProducts, okProducts, conns, seconds));
        }
      }
      if (scenarios.has('S1')) {
        for (const latency of [0, 20]) {
          await setLatency(stack, latency);
          for (const g of rotated(gws, rep))
            record('S1', `varied 50-SKU, 1 conn · ${latency} ms`, g.label, await measure(g, stack, variedProducts, okProducts, 1, seconds));
        }
        await setLatency(stack, 0);
      }
      if (scenarios.has('S3')) {
        for (const latency of [20, 100]) {
          await setLatency(stack, latency);
          for (const g of rotated(gws, rep)) {
            const s = await measure(g, stack, variedProducts, okProducts, 50, seconds);
            // Floor: one upstream step per sequential round trip; the 0 ms p50 of S1 is the gateway's own share.
            record('S3', `varied 50-SKU, 50 conns · ${latency} ms`, g.label, s, { latencyMs: latency });
          }
        }
        await setLatency(stack, 0);
      }
    }

    if (scenarios.has('S6')) {
      await setLatency(stack, 0);
      const soakBodies = [...s4Cases[0]![1], ...s4Cases[1]![1]];
      for (const g of gws) {
        const at50 = await measure(g, stack, variedProducts, okProducts, 50, seconds);
        record('S6', 'varied 50-SKU, 50 conns', g.label, at50, {
          peakGatewayMb: peakRssMb(g.child.pid!),
          peakSubgraphsMb: peakRssMb(stack.pids.subgraphs),
          peakSimulatorsMb: peakRssMb(stack.pids.simulators),
        });
        console.log(`S6 soak ${g.label}: ${soakSeconds} s at 50 connections (CustomerOrders, Anna and Tomasz first:5) …`);
        const pids: Record<Proc, number> = { gateway: g.child.pid!, ...stack.pids };
        const start = PROCS.map((p) => rssMb(pids[p]));
        const s = await measure(g, stack, soakBodies, okOrders, 50, soakSeconds);
        // in-flight work and timers settle before the end figures
        await new Promise((r) => setTimeout(r, 2_000));
        const end = PROCS.map((p) => rssMb(pids[p]));
        record(
          'S6',
          `soak ${soakSeconds} s, 50 conns`,
          g.label,
          s,
          Object.fromEntries(
            PROCS.flatMap((p, k) => [
              [`${p}RssStartMb`, start[k]!],
              [`${p}RssEndMb`, end[k]!],
              [`${p}DriftPercent`, driftPercent(start[k]!, end[k]!)],
            ]),
          ),
        );
      }
    }

    writeReport({ started, loadBefore, loadAfter: loadavg(), simulators: Object.keys(ready.urls) });
  } finally {
    await session.close();
  }
}

// ───────────────────────── report ─────────────────────────

const med = (xs: number[], d = 1) => {
  const s = summarise(xs);
  return xs.length > 1 ? `${fmt(s.median, d)} (${fmt(s.min, d)}–${fmt(s.max, d)})` : fmt(s.median, d);
};
const pick = (r: Row, f: (s: Sample) => number) => summarise(r.samples.map(f)).median;

function writeReport(r: { started: Date; loadBefore: number[]; loadAfter: number[]; simulators: string[] }): void {
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}`;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const lines: string[] = [
    `# Omnigraph vs bare @apollo/gateway (npm run bench${quick ? ' -- --quick' : ''})`,
    '',
    `- Commit \`${commit}\`, ${r.started.toISOString()}; ${machine}.`,
    `- Load (/proc/loadavg 1/5/15 min) before ${load(r.loadBefore)}, after ${load(r.loadAfter)}: a shared box, read the ratios, not the absolute figures.`,
    `- ${reps} repetition(s) of ${seconds} s per sample, gateways rotated, medians with min–max; warm-up ${warmupSeconds} s; soak ${soakSeconds} s.`,
    '- Processes: simulators and the four subgraphs (one process) on CPU 0 with autocannon; each gateway on CPU 1, one measured at a time.',
    '- Omnigraph: `gateway/src/index.ts`, every edge feature on (API key, operation limits, scopes, rate limit, signed subgraph calls), the call-center key.',
    '  Bare Apollo: `bench/access-control/bare-gateway.ts`, ApolloGateway + ApolloServer on node:http, signs subgraph calls as the call center.',
    '- CPU ms per request per process from /proc/<pid>/stat (10 ms ticks: figures under ~0.5 ms need many requests); upstream calls per request from the',
    `  simulators' request counters (${r.simulators.join(', ')}); subgraph caches in memory, as configured, warm after the warm-up.`,
    '- "req/s per core" = 1000 ÷ gateway CPU ms per request: what one fully busy gateway core would serve.',
    '',
    '| scenario | case | gateway | req/s | req/s per core | p50 ms | p99 ms | CPU ms/req gateway | subgraphs | simulators | stack | upstream calls/req | RSS MB gw / sub / sim | bad |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const cpu = (p: Proc) => row.samples.map((s) => s.cpuMs[p]);
    const stack = row.samples.map((s) => s.cpuMs.gateway + s.cpuMs.subgraphs + s.cpuMs.simulators);
    const rss = PROCS.map((p) => fmt(pick(row, (s) => s.rss[p]))).join(' / ');
    lines.push(
      `| ${row.scenario} | ${row.case} | ${row.gateway} | ${med(
        row.samples.map((s) => s.rps),
        0,
      )} | ${fmt(requestsPerCoreSecond(pick(row, (s) => s.cpuMs.gateway)))} | ${med(
        row.samples.map((s) => s.p50),
        1,
      )} | ${med(
        row.samples.map((s) => s.p99),
        1,
      )} | ${med(cpu('gateway'), 2)} | ${med(cpu('subgraphs'), 2)} | ${med(cpu('simulators'), 2)} | ${med(stack, 2)} | ${fmt(
        pick(row, (s) => s.upstreamPerRequest),
        2,
      )} | ${rss} | ${row.samples.reduce((a, s) => a + s.bad, 0)} |`,
    );
  }

  lines.push('', '## Ratios (Omnigraph ÷ bare Apollo, medians of the same run)', '');
  lines.push('| scenario | case | gateway CPU/req | stack CPU/req | p50 | req/s |', '|---|---|---:|---:|---:|---:|');
  for (const row of rows.filter((x) => x.gateway === 'Omnigraph')) {
    const bare = rows.find((x) => x.gateway === 'bare Apollo' && x.scenario === row.scenario && x.case === row.case);
    if (!bare) continue;
    const ratio = (f: (s: Sample) => number) => fmt(pick(row, f) / pick(bare, f), 2);
    const stack = (s: Sample) => s.cpuMs.gateway + s.cpuMs.subgraphs + s.cpuMs.simulators;
    lines.push(
      `| ${row.scenario} | ${row.case} | ${ratio((s) => s.cpuMs.gateway)} | ${ratio(stack)} | ${ratio((s) => s.p50)} | ${ratio((s) => s.rps)} |`,
    );
  }

  const s4 = rows.filter((x) => x.scenario === 'S4' && x.case.endsWith('· 0 ms'));
  if (s4.length > 0) {
    lines.push('', '## S4 upstream calls per query by system (latency 0 ms)', '');
    lines.push(`| case | gateway | ${r.simulators.join(' | ')} |`, `|---|---|${r.simulators.map(() => '---:').join('|')}|`);
    for (const row of s4)
      lines.push(
        `| ${row.case} | ${row.gateway} | ${r.simulators
          .map((n) =>
            fmt(
              pick(row, (s) => s.upstreamBySystem[n] ?? NaN),
              2,
            ),
          )
          .join(' | ')} |`,
      );
    const cpuOf = (c: string) =>
      pick(
        rows.find((x) => x.scenario === 'S4' && x.gateway === 'Omnigraph' && x.case === c)!,
        (s) => s.cpuMs.gateway + s.cpuMs.subgraphs + s.cpuMs.simulators,
      );
    const anna = rows.some((x) => x.case === 'Anna first:5 · 0 ms') ? cpuOf('Anna first:5 · 0 ms') : NaN;
    lines.push('', `Omnigraph stack CPU, Tomasz first:5 ÷ Anna first:5: ${fmt(cpuOf('Tomasz first:5 · 0 ms') / anna, 2)}× (target ≤ 1.3×).`);
    lines.push('S4 latency floor at 20 ms per upstream call: 3 sequential steps (CRM lookup → both channels → ERP products and stock) = 60 ms.');
  }

  const s1 = (g: string, l: number) => rows.find((x) => x.scenario === 'S1' && x.gateway === g && x.case.endsWith(`· ${l} ms`));
  const s3 = rows.filter((x) => x.scenario === 'S3');
  if (s3.length > 0) {
    lines.push('', '## S3 share of the concurrency bound (50 connections)', '');
    lines.push(
      'Floor per request estimated from S1: (p50 at 20 ms − p50 at 0 ms) gives the sequential upstream steps × 20 ms; at 100 ms the same number of steps × 100 ms.',
      '',
      '| case | gateway | steps (est.) | floor ms | req/s | share of C ÷ floor |',
      '|---|---|---:|---:|---:|---:|',
    );
    for (const row of s3) {
      const a = s1(row.gateway, 0);
      const b = s1(row.gateway, 20);
      const steps = a && b ? Math.max(1, Math.round((pick(b, (s) => s.p50) - pick(a, (s) => s.p50)) / 20)) : NaN;
      const floor = steps * (row.extra?.['latencyMs'] ?? NaN);
      const rps = pick(row, (s) => s.rps);
      lines.push(
        `| ${row.case} | ${row.gateway} | ${fmt(steps)} | ${fmt(floor)} | ${fmt(rps)} | ${fmt(shareOfConcurrencyBound(rps, 50, floor) * 100)} % |`,
      );
    }
  }

  const s6 = rows.filter((x) => x.scenario === 'S6' && x.extra);
  if (s6.length > 0) {
    lines.push('', '## S6 memory', '', '| case | gateway | figures |', '|---|---|---|');
    for (const row of s6)
      lines.push(
        `| ${row.case} | ${row.gateway} | ${Object.entries(row.extra!)
          .map(([k, v]) => `${k} ${fmt(v, 1)}`)
          .join(', ')} |`,
      );
  }

  lines.push(
    '',
    '## Findings',
    '',
    '- Hive Gateway (`@graphql-hive/gateway` 2.15.1) is not in this run: it cannot load this supergraph unmodified (`Multiple canonical definitions for "OrderSummary"`, from `@graphql-tools/stitch`), and with a one-line patch it answers the call-center `@requires` plan wrongly (`unavailableChannels: ["ESHOP","MARKETPLACE"]`, `totalCount: 0`) — measured in /work/shared/performance.md §5. Not a dependency until it can run the supergraph as committed.',
    '- At 10 and 50 connections the subgraphs, simulators and autocannon share CPU 0 and saturate it before the gateway core does: req/s in S2, S3 and S6 is bounded by that core on a 2-core box, so compare gateways by CPU per request and req/s per core, and read the S3 share of the concurrency bound as a lower bound.',
    '- S2 varies the SKU set per request (512 bodies over the dataset), which defeats whole-response caching but not per-SKU entity caches in the subgraphs: "uncached" means no identical request twice in a row.',
    '',
  );
  const dir = here('./results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${outName}.md`), lines.join('\n'));
  writeFileSync(
    join(dir, `${outName}.json`),
    `${JSON.stringify({ commit, date: r.started.toISOString(), machine, loadBefore: r.loadBefore, loadAfter: r.loadAfter, quick, seconds, reps, soakSeconds, rows }, null, 1)}\n`,
  );
  console.log(`results: bench/results/${outName}.md`);
}

await main();
