/**
 * Issue 13 S4: CPU per call-center order page (schema/operations/CustomerOrders.graphql, Tomasz) of each process of
 * the stack: simulators and subgraphs on CPU 0, a bare @apollo/gateway on CPU 1, sequential queries (one at a time, so
 * a query's CPU is its own). `--baseline <dir>`: the subgraphs of another checkout beside this tree's, each behind its
 * own simulators and gateway, measured interleaved. `--cpu-prof`: the subgraphs run with --cpu-prof; the top functions
 * by self time are printed at the end.
 *
 * Usage: npm run bench:orders -- [--first 100 --queries 40 --reps 3 --baseline /tmp/before --cpu-prof]
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findFreePort } from '@omnigraph/shared/testing';
import { cpuTicks, fmt, median, openBenchSession, startPinned, stopChild, topSelfTime } from './bench-helpers.ts';
import type { SimulatorsReady } from './resilience/simulators.ts';

const { values } = parseArgs({
  options: {
    first: { type: 'string', default: '100' },
    email: { type: 'string', default: 'tomasz.wisniewski@example.pl' },
    queries: { type: 'string', default: '40' },
    reps: { type: 'string', default: '3' },
    baseline: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const QUERY = readFileSync(here('../schema/operations/CustomerOrders.graphql'), 'utf8');
const body = JSON.stringify({ query: QUERY, variables: { email: values.email, first: Number(values.first) } });

interface Variant {
  label: string;
  pids: { simulators: number; subgraphs: number; gateway: number };
  url: string;
  profileDir?: string;
  stop: () => Promise<void>;
  samples: Record<'simulators' | 'subgraphs' | 'gateway', number>[];
}

async function run(v: Variant, n: number) {
  const before = Object.fromEntries(Object.entries(v.pids).map(([k, pid]) => [k, cpuTicks(pid)]));
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${v.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await res.text();
    if (res.status !== 200 || text.includes('"errors"') || !text.includes('"edges"')) throw new Error(`${v.label}: ${text.slice(0, 500)}`);
  }
  // ticks are 10 ms
  return Object.fromEntries(Object.entries(v.pids).map(([k, pid]) => [k, ((cpuTicks(pid) - before[k]!) * 10) / n])) as Variant['samples'][0];
}

const session = openBenchSession('omnigraph-bench-s4-');
const variants: Variant[] = [];
try {
  const trees: [string, string][] = [['this tree', here('..')]];
  if (values.baseline !== undefined) trees.unshift(['baseline', resolve(values.baseline)]);
  for (const [label, root] of trees) {
    const sims = await startPinned(0, here('./resilience/simulators.ts'), session.common, /^SIMULATORS_READY (\{.*\})\n/m, 'pipe');
    const ready = JSON.parse(sims.match[1]!) as SimulatorsReady;
    const profileDir = values['cpu-prof'] ? mkdtempSync(join(tmpdir(), 'omnigraph-s4-prof-')) : undefined;
    const subs = await startPinned(
      0,
      join(root, 'bench/resilience/subgraphs.ts'),
      { ...session.common, ...ready.subgraphEnv, COMMANDS_PORT: '0', PRICING_PORT: '0' },
      /^SUBGRAPHS_READY (\{.*\})\n/m,
      'pipe',
      profileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir],
    );
    const gw = await startPinned(
      1,
      here('./access-control/bare-gateway.ts'),
      {
        ...session.common,
        ...(JSON.parse(subs.match[1]!) as Record<string, string>),
        GATEWAY_PORT: String(await findFreePort()),
        BENCH_IDENTITY: 'call-center',
      },
      /listening on (http:\/\/[\d.]+:\d+)/,
    );
    variants.push({
      label,
      pids: { simulators: sims.child.pid!, subgraphs: subs.child.pid!, gateway: gw.child.pid! },
      url: gw.match[1]!,
      ...(profileDir === undefined ? {} : { profileDir }),
      stop: () => stopChild(subs.child),
      samples: [],
    });
  }
  for (const v of variants) await run(v, 10);
  const n = Number(values.queries);
  for (let rep = 0; rep < Number(values.reps); rep++) {
    for (const v of rep % 2 === 0 ? variants : [...variants].reverse()) {
      const s = await run(v, n);
      v.samples.push(s);
      console.log(
        `rep ${rep + 1} ${v.label}: CPU ms/query simulators ${fmt(s.simulators, 1)}, subgraphs ${fmt(s.subgraphs, 1)}, gateway ${fmt(s.gateway, 1)}`,
      );
    }
  }
  for (const v of variants) {
    const m = (k: keyof Variant['samples'][0]) => fmt(median(v.samples.map((s) => s[k])), 1);
    console.log(`${v.label} median: simulators ${m('simulators')}, subgraphs ${m('subgraphs')}, gateway ${m('gateway')}`);
  }
  for (const v of variants) await v.stop();
  for (const v of variants) {
    if (v.profileDir === undefined) continue;
    for (const f of readdirSync(v.profileDir))
      console.log(`${v.label} ${join(v.profileDir, f)}\n  ${topSelfTime(join(v.profileDir, f), 30).join('\n  ')}`);
  }
} finally {
  await session.close();
}
