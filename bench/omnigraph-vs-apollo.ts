/**
 * `npm run bench`: the scenarios S1–S6 of /work/shared/performance.md §4, Omnigraph's gateway (every edge feature on:
 * API keys, operation limits, scopes, rate limit, signed subgraph calls) side by side with a bare `@apollo/gateway`
 * on the same committed supergraph, the same subgraphs and the same simulators, and with `--baseline <ref>` a third
 * series, "Omnigraph @<ref>": that commit's own simulators, subgraphs and gateway, checked out in a temporary git
 * worktree (removed at the end, also on Ctrl-C). One run, repetitions rotated across the series.
 *
 * Processes as deployed: `node <entry>.ts` with Node 24's type stripping (no tsx; `--node-flags` adds V8 flags to this
 * commit's subgraphs and Omnigraph's gateway), each subgraph its own process
 * (erp, eshop, crm, marketplace, commands, pricing), the simulators one process, all on CPU 0 with autocannon
 * (`npm run bench` pins this process there); each gateway on CPU 1, measured one at a time. The bare gateway
 * (bench/access-control/bare-gateway.ts) runs on this commit's subgraphs; the baseline gateway on the baseline's.
 *
 * Every scenario reports per series: CPU ms per request of each process (from /proc/<pid>/stat), upstream calls per
 * request (the simulators' request counters), p50/p99, req/s, RSS. Every response is checked; a bad one is counted by
 * status and error code. Caches are the subgraphs' in-memory caches as configured (no Redis), warmed by a warm-up pass.
 * The report ends with issue 13's checks (PASS/FAIL), each against the baseline or bare Apollo of the same run.
 *
 * Usage: npm run bench -- [--baseline <git-ref>] [--quick] [--seconds 5 --reps 3 --warmup 5 --soak-seconds 600]
 *        [--soak-omnigraph-only] [--gateway-cpu-prof <dir>] [--node-flags=<V8 flags>]
 *        [--scenarios S4,S5,S2,S1,S3,S6] [--out <name>]
 * Results: bench/results/omnigraph-vs-apollo.md and .json (or --out <name> for both, e.g. a quick run).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createApiKeyService, createFileKeyStore } from '@omnigraph/auth';
import { findFreePort } from '@omnigraph/shared/testing';
import { registeredOperationText } from '../gateway/src/edge/registered-operations.ts';
import {
  cpuTicks,
  fmt,
  makeSkuBodies,
  makeSkuLists,
  openBenchSession,
  peakRssMb,
  rssMb,
  SATURATED_GATEWAY_ENV,
  startPinned,
} from './bench-helpers.ts';
import {
  cpuMsPerRequest,
  driftPercent,
  judge,
  microsPerListItem,
  requestsPerCoreSecond,
  shareOfConcurrencyBound,
  soakRss,
  summarise,
  type Verdict,
} from './omnigraph-vs-apollo/bench-math.ts';
import { checkOutBaseline, heapFigures, REPO_ROOT, startStack, SUBGRAPHS, type RunningStack } from './omnigraph-vs-apollo/processes.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    seconds: { type: 'string' },
    reps: { type: 'string' },
    warmup: { type: 'string' },
    'soak-seconds': { type: 'string' },
    // the soak is the longest part of a run (600 s per series); the drift target is Omnigraph's own
    'soak-omnigraph-only': { type: 'boolean', default: false },
    // a .cpuprofile of this commit's gateway, written to the folder when it stops (it then stops without a drain delay)
    'gateway-cpu-prof': { type: 'string' },
    // V8 flags for this checkout's subgraphs and Omnigraph's gateway (not the simulators, bare Apollo or the
    // baseline), e.g. --node-flags=--max-semi-space-size=16 for the memory-bound setting of docs/adr/0016-heap-sizing.md
    'node-flags': { type: 'string', default: '' },
    scenarios: { type: 'string', default: 'S4,S5,S2,S1,S3,S6' },
    out: { type: 'string' },
  },
});
const quick = values.quick!;
const seconds = Number(values.seconds ?? (quick ? 1.5 : 5));
const reps = Number(values.reps ?? (quick ? 1 : 3));
const warmupSeconds = Number(values.warmup ?? (quick ? 1 : 5));
const soakSeconds = Number(values['soak-seconds'] ?? (quick ? 10 : 600));
const scenarios = new Set(values.scenarios!.split(',').map((s) => s.trim().toUpperCase()));
const nodeFlags = values['node-flags']!.split(/\s+/).filter((flag) => flag !== '');
const profileDir = values['gateway-cpu-prof'] === undefined ? undefined : resolve(values['gateway-cpu-prof']);
const outName = values.out ?? (quick ? 'omnigraph-vs-apollo.quick' : 'omnigraph-vs-apollo');

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const CUSTOMER_ORDERS = registeredOperationText('CustomerOrders');
const PRODUCTS_QUERY = `query Products($skus: [ID!]!) {
  products(skus: $skus) { sku name listPrice { gross { amount } } stock { available location { code } } }
}`;
const SKUS = 50;
/** S6: the list sizes whose CPU difference gives the cost per list item */
const LIST_SIZES = [10, 200, 1000];
/**
 * The gateway caps a list argument at 100 items for every profile (operation limits, LIST_TOO_LARGE), so an S6 list
 * of n SKUs is ⌈n ÷ 100⌉ aliased `products` root fields of at most 100 each: one ERP fetch in every gateway's plan,
 * the same n items to merge and shape.
 */
const MAX_LIST_ARGUMENT = 100;
function listBodies(skus: string[], n: number): string[] {
  return makeSkuLists(skus, n, 64).map((picked) => {
    const parts = Array.from({ length: Math.ceil(n / MAX_LIST_ARGUMENT) }, (_, k) =>
      picked.slice(k * MAX_LIST_ARGUMENT, (k + 1) * MAX_LIST_ARGUMENT),
    );
    const query = `query List(${parts.map((_, k) => `$s${k}: [ID!]!`).join(', ')}) {\n${parts
      .map((_, k) => `  p${k}: products(skus: $s${k}) { sku name listPrice { gross { amount } } stock { available location { code } } }`)
      .join('\n')}\n}`;
    return JSON.stringify({ query, variables: Object.fromEntries(parts.map((part, k) => [`s${k}`, part])) });
  });
}
const okOrders = (body: string) => body.startsWith('{"data":{"findCustomers":[{') && !body.includes('"errors"');
const okProducts = (body: string) => body.startsWith('{"data":{"products":[{') && !body.includes('"errors"');
const okList = (body: string) => body.startsWith('{"data":{"p0":[{') && !body.includes('"errors"');

const OMNIGRAPH = 'Omnigraph';
// The processes inherit this process's environment: `GATEWAY_RESPONSE_CACHE_TTL_SECONDS=0 npm run bench …` measures
// Omnigraph's gateway without its response cache (bare Apollo and the baseline have none).
const CACHE_OFF_ENV = 'GATEWAY_RESPONSE_CACHE_TTL_SECONDS=0';
const responseCacheOn = process.env['GATEWAY_RESPONSE_CACHE_TTL_SECONDS'] !== '0';
const BARE = 'bare Apollo';
/** the measured processes: the gateway, each subgraph, the simulators */
const PROCS = ['gateway', ...SUBGRAPHS, 'simulators'] as const;
type Proc = (typeof PROCS)[number];

interface Gw {
  label: string;
  child: ChildProcess;
  url: string;
  headers: Record<string, string>;
  /** the simulators and subgraphs behind this gateway */
  stack: RunningStack;
  /** the gateway's Prometheus listener, when it has one (bare Apollo has none) */
  metricsUrl?: string;
}
interface Sample {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  /** bad answers by "<status> <error codes>" (never a body's data) */
  badKinds: Record<string, number>;
  cpuMs: Record<Proc, number>;
  upstreamPerRequest: number;
  upstreamBySystem: Record<string, number>;
  rss: Record<Proc, number>;
}
const subgraphsCpu = (s: Sample) => SUBGRAPHS.reduce((a, p) => a + s.cpuMs[p], 0);
const stackCpu = (s: Sample) => PROCS.reduce((a, p) => a + s.cpuMs[p], 0);

// ───────────────────────── stack control ─────────────────────────

async function simulatorTotals(stack: RunningStack): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, url] of Object.entries(stack.simulatorUrls)) {
    const res = await fetch(`${url}/__simulator/counters`);
    out[name] = ((await res.json()) as { total: number }).total;
  }
  return out;
}

/** Simulated upstream latency on every stack of the run, so each series sees the same. */
async function setLatency(stacks: RunningStack[], fixedMs: number): Promise<void> {
  for (const url of stacks.flatMap((s) => Object.values(s.simulatorUrls))) {
    const res = await fetch(`${url}/__simulator/config`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latency: { fixedMs, jitterMs: 0 } }),
    });
    if (!res.ok) throw new Error(`latency knob refused: ${res.status} ${await res.text()}`);
  }
}

const pidsOf = (g: Gw): Record<Proc, number> => ({ gateway: g.child.pid!, ...g.stack.pids });

/**
 * What went wrong in a bad answer, from its `errors` only (never a customer's data): each error's code and, for an
 * upstream failure, the subgraph it names, e.g. `UPSTREAM_TIMEOUT@erp`.
 */
function errorKinds(body: string): string {
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: unknown; serviceName?: unknown } }[] }).errors ?? [];
    const kinds = errors.map(
      (e) => `${String(e.extensions?.code ?? '(no code)')}${typeof e.extensions?.serviceName === 'string' ? `@${e.extensions.serviceName}` : ''}`,
    );
    return [...new Set(kinds)].sort().join(',') || '(no errors)';
  } catch {
    return '(not JSON)';
  }
}

async function measure(g: Gw, bodies: string[], check: (b: string) => boolean, connections: number, secs: number): Promise<Sample> {
  let i = Math.floor(Math.random() * bodies.length);
  let badBodies = 0;
  const badKinds: Record<string, number> = {};
  const pids = pidsOf(g);
  const ticksBefore = Object.fromEntries(PROCS.map((p) => [p, cpuTicks(pids[p])])) as Record<Proc, number>;
  const countsBefore = await simulatorTotals(g.stack);
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
          if (status === 200 && check(body)) return;
          if (status === 200) badBodies += 1;
          const kind = `${status} ${errorKinds(body)}`;
          badKinds[kind] = (badKinds[kind] ?? 0) + 1;
        },
      },
    ],
  });
  const countsAfter = await simulatorTotals(g.stack);
  if (Object.keys(badKinds).length > 0 || result.timeouts + result.errors > 0) {
    const kinds = Object.entries(badKinds).map(([k, n]) => `${n}× ${k}`);
    console.log(`  bad answers: ${kinds.join('; ') || '—'}, timeouts ${result.timeouts}, connection errors ${result.errors}`);
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
    badKinds,
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
  console.log(
    `${scenario} ${c} · ${gateway}: ${fmt(s.rps)} req/s, p50 ${s.p50} p99 ${s.p99} ms, CPU ms/req gateway ${fmt(s.cpuMs.gateway, 2)}, subgraphs ${fmt(
      subgraphsCpu(s),
      2,
    )}, simulators ${fmt(s.cpuMs.simulators, 2)}, upstream/req ${fmt(s.upstreamPerRequest, 2)}, bad ${s.bad}`,
  );
}

/** Rotated order per repetition: no series always runs first (warmer box, fuller caches). */
const rotated = <T>(xs: T[], rep: number) => [...xs.slice(rep % xs.length), ...xs.slice(0, rep % xs.length)];

let baselineLabel: string | undefined;

async function main(): Promise<void> {
  const session = openBenchSession('omnigraph-bench-ova-');
  const { pepper, keyFile, common } = session;
  const started = new Date();
  const loadBefore = loadavg();
  try {
    const baseline = values.baseline ? checkOutBaseline(values.baseline, session) : undefined;
    if (baseline) console.log(`baseline ${values.baseline} = ${baseline.commit}, checked out in ${baseline.root}`);
    console.log('starting simulators and subgraphs (one process each) on CPU 0 …');
    const current = await startStack(REPO_ROOT, 0, common, join(session.dir, 'current'), nodeFlags);
    const old = baseline ? await startStack(baseline.root, 0, common, join(session.dir, 'baseline-files')) : undefined;
    const stacks = old ? [current, old] : [current];

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
    // One key file per gateway, as one per deployment: two gateways flushing usage into one file contend for its lock
    // (and, the lock timed out, serve the key from memory with a warning), which no deployment does.
    const ownKeyFile = (name: string) => {
      const file = join(session.dir, `keys-${name}.json`);
      copyFileSync(keyFile, file);
      return file;
    };
    const startGateway = async (
      label: string,
      root: string,
      entry: string,
      stack: RunningStack,
      env: NodeJS.ProcessEnv,
      nodeArgs: string[] = [],
    ): Promise<Gw> => {
      const port = await findFreePort();
      const metricsPort = await findFreePort();
      const { child, match } = await startPinned(
        1,
        join(root, entry),
        { ...common, ...stack.gatewayEnv, GATEWAY_PORT: String(port), ...SATURATED_GATEWAY_ENV, GATEWAY_METRICS_PORT: String(metricsPort), ...env },
        /listening on (http:\/\/[\d.]+:\d+)/,
        'ignore',
        nodeArgs,
        root,
      );
      const metricsUrl = label === BARE ? {} : { metricsUrl: `http://127.0.0.1:${metricsPort}/metrics` };
      return { label, child, url: match[1]!, headers: { 'x-api-key': key }, stack, ...metricsUrl };
    };
    console.log('starting gateways on CPU 1 …');
    const gws = [
      await startGateway(
        OMNIGRAPH,
        REPO_ROOT,
        'gateway/src/index.ts',
        current,
        {
          OMNIGRAPH_KEY_STORE_FILE: ownKeyFile('current'),
          // the profile is written at exit, which must come before stopChild's SIGKILL
          ...(profileDir === undefined ? {} : { GATEWAY_SHUTDOWN_DELAY_MS: '0', GATEWAY_SHUTDOWN_GRACE_MS: '500' }),
        },
        [...nodeFlags, ...(profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`])],
      ),
      // the bare gateway ignores the key; sending it keeps the request bytes the same
      await startGateway(BARE, REPO_ROOT, 'bench/access-control/bare-gateway.ts', current, { BENCH_IDENTITY: 'call-center' }),
    ];
    if (baseline && old) {
      baselineLabel = `${OMNIGRAPH} @${baseline.commit}`;
      gws.push(await startGateway(baselineLabel, baseline.root, 'gateway/src/index.ts', old, { OMNIGRAPH_KEY_STORE_FILE: ownKeyFile('baseline') }));
    }

    const ordersBody = (email: string, first: number) => [JSON.stringify({ query: CUSTOMER_ORDERS, variables: { email, first } })];
    const s4Cases: [string, string[]][] = [
      ['Anna first:5', ordersBody('anna.kowalska@example.pl', 5)],
      ['Tomasz first:5', ordersBody('tomasz.wisniewski@example.pl', 5)],
      // issue 13's latency target is stated for first:20
      ['Tomasz first:20', ordersBody('tomasz.wisniewski@example.pl', 20)],
      ['Tomasz first:100', ordersBody('tomasz.wisniewski@example.pl', 100)],
    ];
    // the same SKU lists for every series (the baseline's dataset is the same generator's; a differing one fails the check below)
    const variedProducts = makeSkuBodies(PRODUCTS_QUERY, current.skus, SKUS);
    const fixedProducts = [variedProducts[0]!];
    const lists = new Map(LIST_SIZES.map((n) => [n, listBodies(current.skus, n)]));

    for (const g of gws) {
      for (const [body, check] of [
        [s4Cases[3]![1][0]!, okOrders],
        [fixedProducts[0]!, okProducts],
        [lists.get(LIST_SIZES.at(-1)!)![0]!, okList],
      ] as const) {
        const res = await fetch(`${g.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...g.headers }, body });
        const text = await res.text();
        if (res.status !== 200 || !check(text)) throw new Error(`${g.label}: unexpected answer ${res.status} ${text.slice(0, 400)}`);
      }
    }
    console.log('warm-up …');
    for (const g of gws) {
      for (const [, bodies] of s4Cases) await measure(g, bodies, okOrders, 1, warmupSeconds / 2);
      await measure(g, variedProducts, okProducts, 10, warmupSeconds);
    }

    for (let rep = 0; rep < reps; rep++) {
      console.log(`── repetition ${rep + 1}/${reps}`);
      if (scenarios.has('S4')) {
        for (const latency of [0, 20]) {
          await setLatency(stacks, latency);
          for (const g of rotated(gws, rep)) {
            for (const [label, bodies] of s4Cases) record('S4', `${label} · ${latency} ms`, g.label, await measure(g, bodies, okOrders, 1, seconds));
          }
        }
        await setLatency(stacks, 0);
      }
      if (scenarios.has('S5')) {
        for (const g of rotated(gws, rep)) {
          record('S5', 'warm 50-SKU, 1 conn', g.label, await measure(g, fixedProducts, okProducts, 1, seconds));
          record('S5', 'warm 50-SKU, 10 conns', g.label, await measure(g, fixedProducts, okProducts, 10, seconds));
        }
      }
      if (scenarios.has('S2')) {
        for (const conns of [10, 50]) {
          for (const g of rotated(gws, rep))
            record('S2', `varied 50-SKU, ${conns} conns`, g.label, await measure(g, variedProducts, okProducts, conns, seconds));
        }
      }
      if (scenarios.has('S1')) {
        for (const latency of [0, 20]) {
          await setLatency(stacks, latency);
          for (const g of rotated(gws, rep))
            record('S1', `varied 50-SKU, 1 conn · ${latency} ms`, g.label, await measure(g, variedProducts, okProducts, 1, seconds));
        }
        await setLatency(stacks, 0);
      }
      if (scenarios.has('S3')) {
        for (const latency of [20, 100]) {
          await setLatency(stacks, latency);
          for (const g of rotated(gws, rep)) {
            const s = await measure(g, variedProducts, okProducts, 50, seconds);
            // Floor: one upstream step per sequential round trip; the 0 ms p50 of S1 is the gateway's own share.
            record('S3', `varied 50-SKU, 50 conns · ${latency} ms`, g.label, s, { latencyMs: latency });
          }
        }
        await setLatency(stacks, 0);
      }
      if (scenarios.has('S6')) {
        for (const n of LIST_SIZES) {
          // 1 connection: CPU of requests still in flight when a sample ends counts without them; with 10 long requests open
          // that would inflate the 1000-item figure the most
          for (const g of rotated(gws, rep)) record('S6', `list ${n} SKUs, 1 conn`, g.label, await measure(g, lists.get(n)!, okList, 1, seconds));
        }
      }
    }

    if (scenarios.has('S6')) {
      await setLatency(stacks, 0);
      const soakBodies = [...s4Cases[0]![1], ...s4Cases[1]![1]];
      for (const g of gws) {
        const pids = pidsOf(g);
        const at50 = await measure(g, variedProducts, okProducts, 50, seconds);
        record('S6', 'varied 50-SKU, 50 conns', g.label, at50, Object.fromEntries(PROCS.map((p) => [`${p}PeakMb`, peakRssMb(pids[p])])));
        if (values['soak-omnigraph-only'] && g.label !== OMNIGRAPH) continue;
        console.log(`S6 soak ${g.label}: ${soakSeconds} s at 50 connections (CustomerOrders, Anna and Tomasz first:5) …`);
        // RSS of every process every second (or 1/60 of the soak): the drift is taken from a start after the warm-up
        const series = Object.fromEntries(PROCS.map((p) => [p, [] as number[]])) as Record<Proc, number[]>;
        const sampler = setInterval(() => PROCS.forEach((p) => series[p].push(rssMb(pids[p]))), Math.max(1_000, (soakSeconds * 1000) / 60));
        const s = await measure(g, soakBodies, okOrders, 50, soakSeconds);
        clearInterval(sampler);
        // in-flight work and timers settle before the end figure
        await new Promise((r) => setTimeout(r, 2_000));
        const heap = Object.fromEntries(
          await Promise.all(
            [['gateway', g.metricsUrl] as const, ...SUBGRAPHS.map((p) => [p, g.stack.metricsUrls[p]] as const)].map(
              async ([p, url]) => [p, await heapFigures(url)] as const,
            ),
          ),
        );
        record(
          'S6',
          `soak ${soakSeconds} s, 50 conns`,
          g.label,
          s,
          Object.fromEntries(
            PROCS.flatMap((p) => {
              const r = soakRss(series[p], rssMb(pids[p]));
              return [
                [`${p}RssStartMb`, r.start],
                [`${p}RssEndMb`, r.end],
                [`${p}RssPeakMb`, r.peak],
                [`${p}DriftPercent`, driftPercent(r.start, r.end)],
                ...Object.entries(heap[p] ?? {}).map(([k, v]) => [`${p}${k}`, v]),
              ];
            }),
          ),
        );
      }
    }

    writeReport({ started, loadBefore, loadAfter: loadavg(), simulators: Object.keys(current.simulatorUrls), baselineRef: values.baseline });
  } finally {
    await session.close();
  }
}

// ───────────────────────── report ─────────────────────────

const med = (xs: number[], d = 1) => {
  const s = summarise(xs);
  return xs.length > 1 ? `${fmt(s.median, d)} (${fmt(s.min, d)}–${fmt(s.max, d)})` : fmt(s.median, d);
};
const pick = (r: Row | undefined, f: (s: Sample) => number) => (r ? summarise(r.samples.map(f)).median : NaN);
const find = (scenario: string, c: string, gateway: string | undefined) =>
  rows.find((x) => x.scenario === scenario && x.case === c && x.gateway === gateway);
const gatewayAndSubgraphs = (s: Sample) => s.cpuMs.gateway + subgraphsCpu(s);

interface Check {
  what: string;
  target: string;
  value: number;
  detail: string;
  verdict: Verdict;
}

/** Issue 13's "Done when", each figure against the baseline or bare Apollo of this run. */
function checks(): Check[] {
  const out: Check[] = [];
  const add = (what: string, op: '≤' | '≥', target: number, value: number, detail: string, unit = '') =>
    out.push({ what, target: `${op} ${target}${unit}`, value, detail, verdict: judge(value, op, target) });
  // S1–S3 and the S6 lists repeat a few hundred bodies: with the gateway's response cache on, Omnigraph answers most of
  // them from memory, which says nothing of its uncached cost; S5 is the cache's own scenario. One run judges one side.
  const uncachedCheck = (what: string, op: '≤' | '≥', target: number, value: number, detail: string, unit = '') =>
    responseCacheOn
      ? out.push({ what, target: `${op} ${target}${unit}`, value, detail: `${detail}; response cache on: run with ${CACHE_OFF_ENV}`, verdict: '—' })
      : add(what, op, target, value, detail, unit);
  const cachedCheck = (what: string, op: '≤' | '≥', target: number, value: number, detail: string, unit = '') =>
    responseCacheOn
      ? add(what, op, target, value, detail, unit)
      : out.push({ what, target: `${op} ${target}${unit}`, value, detail: `${detail}; response cache off`, verdict: '—' });
  const s4 = (c: string, g = OMNIGRAPH) => find('S4', c, g);
  const annaCpu = pick(s4('Anna first:5 · 0 ms'), stackCpu);
  const tomaszCpu = pick(s4('Tomasz first:5 · 0 ms'), stackCpu);
  add('S4 stack CPU, Tomasz first:5 ÷ Anna first:5', '≤', 1.3, tomaszCpu / annaCpu, `${fmt(tomaszCpu, 1)} ÷ ${fmt(annaCpu, 1)} ms`, '×');
  const t100 = pick(s4('Tomasz first:100 · 0 ms'), stackCpu);
  const t100Base = pick(s4('Tomasz first:100 · 0 ms', baselineLabel), stackCpu);
  add('S4 stack CPU, Tomasz first:100, this commit ÷ baseline', '≤', 0.3, t100 / t100Base, `${fmt(t100, 1)} ÷ ${fmt(t100Base, 1)} ms`, '×');
  const calls = (c: string, g?: string) => pick(s4(c, g), (s) => s.upstreamPerRequest);
  const annaCalls = calls('Anna first:5 · 0 ms');
  const tomaszCalls = calls('Tomasz first:5 · 0 ms');
  add(
    'S4 upstream calls per page, Tomasz (403 orders) ÷ Anna (10), first:5',
    '≤',
    1.1,
    tomaszCalls / annaCalls,
    `${fmt(tomaszCalls, 2)} ÷ ${fmt(annaCalls, 2)} calls; baseline ${fmt(calls('Tomasz first:5 · 0 ms', baselineLabel), 2)} ÷ ${fmt(
      calls('Anna first:5 · 0 ms', baselineLabel),
      2,
    )}; Tomasz first:100 ${fmt(calls('Tomasz first:100 · 0 ms'), 2)}`,
    '×',
  );
  const p50 = pick(s4('Tomasz first:20 · 20 ms'), (s) => s.p50);
  add(
    'S4 p50, Tomasz first:20, every upstream at 20 ms',
    '≤',
    80,
    p50,
    `floor 3 steps × 20 ms = 60 ms; baseline ${fmt(pick(s4('Tomasz first:20 · 20 ms', baselineLabel), (s) => s.p50))} ms`,
    ' ms',
  );
  const s2 = (g?: string) => find('S2', 'varied 50-SKU, 10 conns', g);
  const gs = pick(s2(OMNIGRAPH), gatewayAndSubgraphs);
  const gsBase = pick(s2(baselineLabel), gatewayAndSubgraphs);
  uncachedCheck(
    'S2 gateway + subgraphs CPU per request (10 conns), this commit ÷ baseline',
    '≤',
    0.5,
    gs / gsBase,
    `${fmt(gs, 2)} ÷ ${fmt(gsBase, 2)} ms`,
    '×',
  );
  const gw = pick(s2(OMNIGRAPH), (s) => s.cpuMs.gateway);
  const gwBare = pick(s2(BARE), (s) => s.cpuMs.gateway);
  uncachedCheck('S2 gateway CPU per request (10 conns), Omnigraph ÷ bare Apollo', '≤', 1.1, gw / gwBare, `${fmt(gw, 2)} ÷ ${fmt(gwBare, 2)} ms`, '×');
  const s5 = (c: string, g?: string) => find('S5', c, g);
  const s5Calls = pick(s5('warm 50-SKU, 1 conn', OMNIGRAPH), (s) => s.upstreamPerRequest);
  cachedCheck('S5 upstream calls per warm request (1 conn)', '≤', 0.01, s5Calls, 'target 0; change-feed pollers may add a trace', '');
  cachedCheck(
    'S5 p50, warm 50-SKU, 1 conn',
    '≤',
    3,
    pick(s5('warm 50-SKU, 1 conn', OMNIGRAPH), (s) => s.p50),
    `bare Apollo ${fmt(pick(s5('warm 50-SKU, 1 conn', BARE), (s) => s.p50))} ms`,
    ' ms',
  );
  const perCore = (g: string) => requestsPerCoreSecond(pick(s5('warm 50-SKU, 10 conns', g), (s) => s.cpuMs.gateway));
  cachedCheck(
    'S5 req/s per gateway core (10 conns), Omnigraph ÷ bare Apollo',
    '≥',
    3,
    perCore(OMNIGRAPH) / perCore(BARE),
    `${fmt(perCore(OMNIGRAPH))} ÷ ${fmt(perCore(BARE))}`,
    '×',
  );
  const soak = rows.find((x) => x.scenario === 'S6' && x.case.startsWith('soak') && x.gateway === OMNIGRAPH);
  const at50 = find('S6', 'varied 50-SKU, 50 conns', OMNIGRAPH);
  // Omnigraph's own processes: the simulators stand in for Odoo, WooCommerce, HubSpot and Allegro (listed, not judged)
  const peaks = PROCS.map((p) => [p, Math.max(soak?.extra?.[`${p}RssPeakMb`] ?? NaN, at50 ? pick(at50, (s) => s.rss[p]) : NaN)] as const);
  const worst = peaks.filter(([p]) => p !== 'simulators').reduce((a, b) => (b[1] > a[1] || !Number.isFinite(a[1]) ? b : a));
  add(
    'S6 RSS of each process at 50 conns (largest)',
    '≤',
    250,
    worst[1],
    `${worst[0]}; ${peaks.map(([p, mb]) => `${p} ${fmt(mb)}`).join(', ')}`,
    ' MB',
  );
  const drifts = PROCS.map((p) => [p, soak?.extra?.[`${p}DriftPercent`] ?? NaN] as const);
  const worstDrift = drifts.filter(([p]) => p !== 'simulators').reduce((a, b) => (b[1] > a[1] || !Number.isFinite(a[1]) ? b : a));
  add(
    `S6 soak RSS drift (${soakSeconds} s, largest)`,
    '≤',
    10,
    worstDrift[1],
    `${worstDrift[0]}; ${drifts.map(([p, d]) => `${p} ${fmt(d, 1)}`).join(', ')}`,
    ' %',
  );
  const perItem = (g?: string) =>
    microsPerListItem(LIST_SIZES.map((n) => [n, pick(find('S6', `list ${n} SKUs, 1 conn`, g), (s) => s.cpuMs.gateway)]));
  uncachedCheck(
    'S6 gateway CPU per list item (10 → 1000)',
    '≤',
    12,
    perItem(OMNIGRAPH),
    `bare Apollo ${fmt(perItem(BARE), 1)} µs, baseline ${fmt(perItem(baselineLabel), 1)} µs`,
    ' µs',
  );
  return out;
}

function writeReport(r: { started: Date; loadBefore: number[]; loadAfter: number[]; simulators: string[]; baselineRef: string | undefined }): void {
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}`;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const series = [...new Set(rows.map((x) => x.gateway))];
  const lines: string[] = [
    `# Omnigraph vs bare @apollo/gateway${baselineLabel ? ` and ${baselineLabel}` : ''} (npm run bench${quick ? ' -- --quick' : ''})`,
    '',
    `- Commit \`${commit}\`, ${r.started.toISOString()}; ${machine}.${baselineLabel ? ` Baseline: \`${r.baselineRef}\` (${baselineLabel}).` : ''}`,
    `- Load (/proc/loadavg 1/5/15 min) before ${load(r.loadBefore)}, after ${load(r.loadAfter)}: a shared box, read the ratios, not the absolute figures.`,
    `- ${reps} repetition(s) of ${seconds} s per sample, series rotated, medians with min–max; warm-up ${warmupSeconds} s; soak ${soakSeconds} s.`,
    `- Scenarios ${[...scenarios].join(', ')}.${
      nodeFlags.length > 0 || process.env['HEAP_GROWING_PERCENT'] !== undefined
        ? ` Heap setting of this commit's subgraphs and Omnigraph's gateway (docs/adr/0016-heap-sizing.md): ${[
            ...(process.env['HEAP_GROWING_PERCENT'] === undefined ? [] : [`HEAP_GROWING_PERCENT=${process.env['HEAP_GROWING_PERCENT']}`]),
            ...nodeFlags,
          ].join(' ')}; bare Apollo keeps V8's defaults.`
        : " V8's default heap sizing in every process."
    }`,
    '- Processes as deployed: `node <entry>.ts` (Node 24 type stripping, no tsx); the simulators (one process) and each subgraph (erp, eshop,',
    '  crm, marketplace, commands, pricing: one process each) on CPU 0 with autocannon; each gateway on CPU 1, one measured at a time.',
    '- Omnigraph: `gateway/src/index.ts`, every edge feature on (API key, operation limits, scopes, rate limit, signed subgraph calls), the call-center key.',
    responseCacheOn
      ? '  Its response cache is on (the default): repeated catalogue bodies (S1–S3, S5, the S6 lists) are answered from memory; the uncached checks need a run with `' +
        CACHE_OFF_ENV +
        '`.'
      : `  Its response cache is off (\`${CACHE_OFF_ENV}\`): every request is planned and fetched, as bare Apollo's.`,
    "  Bare Apollo: `bench/access-control/bare-gateway.ts`, ApolloGateway + ApolloServer on node:http, signs subgraph calls as the call center, on this commit's subgraphs.",
    ...(baselineLabel
      ? [`  ${baselineLabel}: that commit's own simulators, subgraphs and gateway (a temporary git worktree), configured the same way.`]
      : []),
    '- CPU ms per request per process from /proc/<pid>/stat (10 ms ticks: figures under ~0.5 ms need many requests); upstream calls per request from the',
    `  simulators' request counters (${r.simulators.join(', ')}); subgraph caches in memory, as configured, warm after the warm-up.`,
    '- "req/s per core" = 1000 ÷ gateway CPU ms per request: what one fully busy gateway core would serve.',
    '',
    '| scenario | case | series | req/s | req/s per core | p50 ms | p99 ms | CPU ms/req gateway | subgraphs | simulators | stack | upstream calls/req | RSS MB gw / largest subgraph / sim | bad |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const rss = (p: Proc) => pick(row, (s) => s.rss[p]);
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
      )} | ${med(
        row.samples.map((s) => s.cpuMs.gateway),
        2,
      )} | ${med(row.samples.map(subgraphsCpu), 2)} | ${med(
        row.samples.map((s) => s.cpuMs.simulators),
        2,
      )} | ${med(row.samples.map(stackCpu), 2)} | ${fmt(
        pick(row, (s) => s.upstreamPerRequest),
        2,
      )} | ${fmt(rss('gateway'))} / ${fmt(Math.max(...SUBGRAPHS.map(rss)))} / ${fmt(rss('simulators'))} | ${row.samples.reduce((a, s) => a + s.bad, 0)} |`,
    );
  }

  lines.push('', '## CPU ms per request of each process (medians)', '');
  lines.push(`| scenario | case | series | ${PROCS.join(' | ')} |`, `|---|---|---|${PROCS.map(() => '---:').join('|')}|`);
  for (const row of rows)
    lines.push(
      `| ${row.scenario} | ${row.case} | ${row.gateway} | ${PROCS.map((p) =>
        fmt(
          pick(row, (s) => s.cpuMs[p]),
          2,
        ),
      ).join(' | ')} |`,
    );

  const ratioTable = (title: string, over: string) => {
    lines.push('', `## ${title}`, '');
    lines.push(
      '| scenario | case | gateway CPU/req | subgraphs CPU/req | stack CPU/req | upstream calls/req | p50 | req/s |',
      '|---|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const row of rows.filter((x) => x.gateway === OMNIGRAPH)) {
      const other = find(row.scenario, row.case, over);
      if (!other) continue;
      const ratio = (f: (s: Sample) => number) => fmt(pick(row, f) / pick(other, f), 2);
      lines.push(
        `| ${row.scenario} | ${row.case} | ${ratio((s) => s.cpuMs.gateway)} | ${ratio(subgraphsCpu)} | ${ratio(stackCpu)} | ${ratio(
          (s) => s.upstreamPerRequest,
        )} | ${ratio((s) => s.p50)} | ${ratio((s) => s.rps)} |`,
      );
    }
  };
  if (baselineLabel) ratioTable(`This commit ÷ baseline (${OMNIGRAPH} ÷ ${baselineLabel}, medians of the same run)`, baselineLabel);
  ratioTable(`${OMNIGRAPH} ÷ bare Apollo (medians of the same run)`, BARE);

  const s4 = rows.filter((x) => x.scenario === 'S4' && x.case.endsWith('· 0 ms'));
  if (s4.length > 0) {
    lines.push('', '## S4 upstream calls per query by system (latency 0 ms)', '');
    lines.push(`| case | series | ${r.simulators.join(' | ')} |`, `|---|---|${r.simulators.map(() => '---:').join('|')}|`);
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
    lines.push('', 'S4 latency floor at 20 ms per upstream call: 3 sequential steps (CRM lookup → both channels → ERP products and stock) = 60 ms.');
  }

  const s1 = (g: string, l: number) => rows.find((x) => x.scenario === 'S1' && x.gateway === g && x.case.endsWith(`· ${l} ms`));
  const s3 = rows.filter((x) => x.scenario === 'S3');
  if (s3.length > 0) {
    lines.push('', '## S3 share of the concurrency bound (50 connections)', '');
    lines.push(
      'Floor per request estimated from S1: (p50 at 20 ms − p50 at 0 ms) gives the sequential upstream steps × 20 ms; at 100 ms the same number of steps × 100 ms.',
      '',
      '| case | series | steps (est.) | floor ms | req/s | share of C ÷ floor |',
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

  if (rows.some((x) => x.scenario === 'S6' && x.case.startsWith('list'))) {
    lines.push('', '## S6 list sizes (gateway CPU per request, 1 connection)', '');
    lines.push(
      `| series | ${LIST_SIZES.map((n) => `${n} SKUs ms`).join(' | ')} | µs per item (slope 10 → 1000) |`,
      `|---|${LIST_SIZES.map(() => '---:').join('|')}|---:|`,
    );
    for (const g of series) {
      const ms = LIST_SIZES.map((n) => pick(find('S6', `list ${n} SKUs, 1 conn`, g), (s) => s.cpuMs.gateway));
      lines.push(`| ${g} | ${ms.map((x) => fmt(x, 2)).join(' | ')} | ${fmt(microsPerListItem(LIST_SIZES.map((n, k) => [n, ms[k]!])), 1)} |`);
    }
  }

  const s6 = rows.filter((x) => x.scenario === 'S6' && !x.case.startsWith('list') && x.extra);
  if (s6.length > 0) {
    lines.push('', '## S6 memory per process (MB)', '');
    lines.push(
      "At 50 connections: the process's lifetime peak (VmHWM) after the run so far. Soak: RSS sampled through the soak; start = mean of its second tenth (after the warm-up), end = mean of the last tenth and the figure 2 s after, peak = highest sample; V8 heap used / reserved and external memory 2 s after the soak, from each process's /metrics (none for bare Apollo's gateway and the simulators).",
      '',
      `| case | series | figure | ${PROCS.join(' | ')} |`,
      `|---|---|---|${PROCS.map(() => '---:').join('|')}|`,
    );
    for (const row of s6) {
      const figures = row.case.startsWith('soak')
        ? ['RssStartMb', 'RssEndMb', 'RssPeakMb', 'DriftPercent', 'HeapUsedMb', 'HeapTotalMb', 'ExternalMb']
        : ['PeakMb'];
      for (const f of figures)
        lines.push(`| ${row.case} | ${row.gateway} | ${f} | ${PROCS.map((p) => fmt(row.extra![`${p}${f}`] ?? NaN, 1)).join(' | ')} |`);
    }
  }

  const bad = rows.filter((x) => x.samples.some((s) => Object.keys(s.badKinds).length > 0));
  if (bad.length > 0) {
    lines.push('', '## Bad answers by status and error code', '', '| scenario | case | series | answers |', '|---|---|---|---|');
    for (const row of bad) {
      const kinds: Record<string, number> = {};
      for (const s of row.samples) for (const [k, n] of Object.entries(s.badKinds)) kinds[k] = (kinds[k] ?? 0) + n;
      lines.push(
        `| ${row.scenario} | ${row.case} | ${row.gateway} | ${Object.entries(kinds)
          .map(([k, n]) => `${n}× ${k}`)
          .join('; ')} |`,
      );
    }
  }

  const results = checks();
  lines.push(
    '',
    "## Issue 13's checks (this commit" +
      (baselineLabel ? `, against ${baselineLabel} and bare Apollo of the same run)` : ', against bare Apollo of the same run; no --baseline)'),
    '',
  );
  lines.push('| check | target | measured | figures | result |', '|---|---|---:|---|---|');
  for (const c of results) lines.push(`| ${c.what} | ${c.target} | ${fmt(c.value, 2)} | ${c.detail} | ${c.verdict} |`);

  lines.push(
    '',
    '## Findings',
    '',
    '- Hive Gateway (`@graphql-hive/gateway` 2.15.1) is not in this run: it cannot load this supergraph unmodified (`Multiple canonical definitions for "OrderSummary"`, from `@graphql-tools/stitch`), and with a one-line patch it answers the call-center `@requires` plan wrongly (`unavailableChannels: ["ESHOP","MARKETPLACE"]`, `totalCount: 0`) — measured in /work/shared/performance.md §5. Not a dependency until it can run the supergraph as committed.',
    '- At 10 and 50 connections the subgraphs, simulators and autocannon share CPU 0 and saturate it before the gateway core does: req/s in S2, S3 and S6 is bounded by that core on a 2-core box, so compare gateways by CPU per request and req/s per core, and read the S3 share of the concurrency bound as a lower bound.',
    '- S2 varies the SKU set per request (512 bodies over the dataset), which defeats whole-response caching but not per-SKU entity caches in the subgraphs: "uncached" means no identical request twice in a row.',
    "- The subgraphs' change-feed pollers run as deployed (one poll per few seconds per stack, both stacks of a --baseline run): they add a trace of upstream calls to every figure.",
    '',
  );
  const dir = here('./results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${outName}.md`), lines.join('\n'));
  writeFileSync(
    join(dir, `${outName}.json`),
    `${JSON.stringify(
      {
        commit,
        baseline: baselineLabel ?? null,
        date: r.started.toISOString(),
        machine,
        loadBefore: r.loadBefore,
        loadAfter: r.loadAfter,
        quick,
        seconds,
        reps,
        soakSeconds,
        rows,
        checks: results,
      },
      null,
      1,
    )}\n`,
  );
  console.log(`results: bench/results/${outName}.md`);
  for (const c of results) console.log(`${c.verdict.padEnd(4)} ${c.what}: ${fmt(c.value, 2)} (${c.target})`);
}

await main();
