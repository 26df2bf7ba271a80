/**
 * `npm run bench:subgraphs`: CPU ms per request of the subgraphs' process under S2 (varied 50-SKU catalogue query, 10
 * connections, performance.md §4), the figure issue 13 asks to halve. Simulators and subgraphs run as in
 * `npm run bench` (CPU 0), a bare `@apollo/gateway` drives them (CPU 1); only the subgraphs' CPU is the result, so
 * the gateway's own noise does not enter it.
 *
 * `--baseline <dir>`: a second copy of the subgraphs from another checkout (e.g. `git archive` of the commit before,
 * with its own node_modules), against the same simulators behind its own bare gateway, measured interleaved with this
 * tree's, so before and after share the box's load. `--cpu-prof`: the subgraphs run with `--cpu-prof`; their
 * profiles are written at the end and their top functions by self time printed. `--cache-off`: the ERP's product and
 * stock caches off, so each request makes its upstream calls (axios, zod DTOs, mappers) as a cold cache would.
 *
 * Usage: npm run bench:subgraphs -- [--seconds 5 --reps 3 --warmup 5 --connections 10 --baseline /tmp/before --cpu-prof --cache-off]
 * Results: bench/results/subgraph-cpu.md (or --out <name>).
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { findFreePort } from '@omnigraph/shared/testing';
import { cpuTicks, fmt, makeSkuBodies, openBenchSession, startPinned, stopChild, topSelfTime } from './bench-helpers.ts';
import { cpuMsPerRequest, summarise } from './omnigraph-vs-apollo/bench-math.ts';
import type { SimulatorsReady } from './resilience/simulators.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    reps: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    baseline: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    'cache-off': { type: 'boolean', default: false },
    out: { type: 'string', default: 'subgraph-cpu' },
  },
});
const seconds = Number(values.seconds);
const reps = Number(values.reps);
const warmupSeconds = Number(values.warmup);
const connections = Number(values.connections);

const IDLE_SECONDS = 5;
/** --cache-off: every product and stock read goes to Odoo (two calls per request), the path a cold cache takes */
const CACHE_OFF_ENV = { ERP_CACHE_TTL_SECONDS: '0', ERP_STOCK_CACHE_TTL_SECONDS: '0' };
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// the S2 query of bench/omnigraph-vs-apollo.ts
const PRODUCTS_QUERY = `query Products($skus: [ID!]!) {
  products(skus: $skus) { sku name listPrice { gross { amount } } stock { available location { code } } }
}`;
const ok = (body: string) => body.startsWith('{"data":{"products":[{') && !body.includes('"errors"');

interface Variant {
  label: string;
  subgraphsPid: number;
  gatewayUrl: string;
  profileDir?: string;
  /**
   * CPU ticks per second the subgraphs spend with no request (pollers, timers, metrics), measured after the warm-up
   * and subtracted: on a loaded box fewer requests fit in a sample, and that background would count against each.
   */
  idleTicksPerSecond: number;
  /** stops the subgraphs (which writes their profile) */
  stop: () => Promise<void>;
  samples: { cpuMs: number; requests: number; bad: number }[];
}

async function measure(v: Variant, bodies: string[], secs: number) {
  let i = Math.floor(Math.random() * bodies.length);
  let bad = 0;
  const before = cpuTicks(v.subgraphsPid);
  const startedAt = performance.now();
  const result = await autocannon({
    url: `${v.gatewayUrl}/graphql`,
    connections,
    duration: secs,
    method: 'POST',
    timeout: 30,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length]! }),
        onResponse: (status, body) => {
          if (status !== 200 || !ok(body)) bad += 1;
        },
      },
    ],
  });
  const requests = result.requests.total;
  const idleTicks = (v.idleTicksPerSecond * (performance.now() - startedAt)) / 1000;
  return { cpuMs: cpuMsPerRequest(cpuTicks(v.subgraphsPid) - before - idleTicks, requests), requests, bad: bad + result.errors + result.timeouts };
}

async function main(): Promise<void> {
  const session = openBenchSession('omnigraph-bench-subgraph-cpu-');
  const started = new Date();
  const loadBefore = loadavg();
  const variants: Variant[] = [];
  try {
    const trees: [string, string][] = [['this tree', here('..')]];
    if (values.baseline !== undefined) trees.unshift(['baseline', resolve(values.baseline)]);
    let skus: string[] = [];
    for (const [label, root] of trees) {
      // Simulators per variant: two marketplace subgraphs sharing one Allegro would retire each other's refresh token.
      const sims = await startPinned(0, here('./resilience/simulators.ts'), session.common, /^SIMULATORS_READY (\{.*\})\n/m, 'pipe');
      const ready = JSON.parse(sims.match[1]!) as SimulatorsReady;
      skus = ready.skus;
      const profileDir = values['cpu-prof'] ? mkdtempSync(join(tmpdir(), 'omnigraph-subgraph-prof-')) : undefined;
      const subs = await startPinned(
        0,
        join(root, 'bench/resilience/subgraphs.ts'),
        // the commands and pricing subgraphs on free ports too, so two variants can run side by side
        { ...session.common, ...ready.subgraphEnv, COMMANDS_PORT: '0', PRICING_PORT: '0', ...(values['cache-off'] ? CACHE_OFF_ENV : {}) },
        /^SUBGRAPHS_READY (\{.*\})\n/m,
        'pipe',
        profileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir],
      );
      const subgraphUrls = JSON.parse(subs.match[1]!) as Record<string, string>;
      const gw = await startPinned(
        1,
        here('./access-control/bare-gateway.ts'),
        { ...session.common, ...subgraphUrls, GATEWAY_PORT: String(await findFreePort()), BENCH_IDENTITY: 'call-center' },
        /listening on (http:\/\/[\d.]+:\d+)/,
      );
      variants.push({
        label,
        subgraphsPid: subs.child.pid!,
        gatewayUrl: gw.match[1]!,
        ...(profileDir === undefined ? {} : { profileDir }),
        stop: () => stopChild(subs.child),
        idleTicksPerSecond: 0,
        samples: [],
      });
    }
    const bodies = makeSkuBodies(PRODUCTS_QUERY, skus, 50);
    for (const v of variants) {
      const warm = await measure(v, bodies, warmupSeconds);
      if (warm.bad > 0) throw new Error(`${v.label}: ${warm.bad} bad answers during the warm-up`);
    }
    for (const v of variants) {
      const before = cpuTicks(v.subgraphsPid);
      await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
      v.idleTicksPerSecond = (cpuTicks(v.subgraphsPid) - before) / IDLE_SECONDS;
      console.log(`${v.label}: ${fmt(v.idleTicksPerSecond * 10, 1)} ms CPU per second idle`);
    }
    for (let rep = 0; rep < reps; rep++) {
      const order = rep % 2 === 0 ? variants : [...variants].reverse();
      for (const v of order) {
        const s = await measure(v, bodies, seconds);
        v.samples.push(s);
        console.log(`rep ${rep + 1} ${v.label}: subgraphs ${fmt(s.cpuMs, 2)} CPU ms/request over ${s.requests} requests, bad ${s.bad}`);
      }
    }
    // the profiles are written when the subgraphs exit
    for (const v of variants) await v.stop();
    writeReport(variants, started, loadBefore);
  } finally {
    await session.close();
  }
}

function writeReport(variants: Variant[], started: Date, loadBefore: number[]): void {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const lines = [
    '# Subgraphs CPU per request, S2 (npm run bench:subgraphs)',
    '',
    `- Commit \`${commit}\`, ${started.toISOString()}; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}.`,
    `- Load before ${load(loadBefore)}, after ${load(loadavg())}: a shared box; compare variants of the same run.`,
    `- Varied 50-SKU products query (512 bodies)${values['cache-off'] ? ', ERP product and stock caches off' : ''}, ${connections} connections, ${reps} × ${seconds} s per variant, interleaved, warm-up ${warmupSeconds} s;`,
    '  subgraphs and simulators on CPU 0, a bare @apollo/gateway per variant on CPU 1; CPU from /proc/<pid>/stat of the subgraphs process.',
    "- The subgraphs' idle CPU (measured for 5 s after the warm-up) is subtracted from each sample.",
    ...(values.baseline === undefined ? [] : [`- baseline: the subgraphs of \`${values.baseline}\`.`]),
    '',
    '| variant | subgraphs CPU ms/request, median (min–max) | requests | idle CPU ms/s | bad |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const v of variants) {
    const s = summarise(v.samples.map((x) => x.cpuMs));
    lines.push(
      `| ${v.label} | ${fmt(s.median, 2)} (${fmt(s.min, 2)}–${fmt(s.max, 2)}) | ${v.samples.reduce((a, x) => a + x.requests, 0)} | ${fmt(v.idleTicksPerSecond * 10, 1)} | ${v.samples.reduce((a, x) => a + x.bad, 0)} |`,
    );
  }
  for (const v of variants) {
    if (v.profileDir === undefined) continue;
    const file = readdirSync(v.profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (file === undefined) continue;
    const path = join(v.profileDir, file);
    lines.push('', `## ${v.label}: top self time (${path}, warm-up included)`, '', ...topSelfTime(path, 25).map((l) => `- ${l}`));
  }
  const dir = here('./results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${values.out}.md`), `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
}

await main();
