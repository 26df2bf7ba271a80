/**
 * How `npm run bench` starts a stack the way it is deployed (docker-compose.yml, deploy/kubernetes): every subgraph its
 * own `node subgraphs/<name>/src/index.ts` process, so CPU and RSS are per process; the four simulators in one process
 * (they stand in for third-party systems, not part of a deployment). And the checkout of an earlier commit whose own
 * simulators, subgraphs and gateway are measured as the baseline series of the same run.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '@omnigraph/shared/testing';
import { startPinned, type BenchSession } from '../bench-helpers.ts';
import type { SimulatorsReady } from '../resilience/simulators.ts';

/** This checkout's root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The subgraphs, in start order: commands and pricing call the other four at their URLs. */
export const SUBGRAPHS = ['erp', 'eshop', 'crm', 'marketplace', 'commands', 'pricing'] as const;
export type SubgraphProc = (typeof SUBGRAPHS)[number];

export interface RunningStack {
  /** process id of each measured process but the gateway: the simulators and each subgraph */
  pids: Record<'simulators' | SubgraphProc, number>;
  simulatorUrls: Record<string, string>;
  /** ERP_URL … PRICING_URL for the gateway */
  gatewayEnv: Record<string, string>;
  /** each subgraph's Prometheus listener (`GET /metrics`), for its V8 heap figures next to its RSS */
  metricsUrls: Partial<Record<SubgraphProc, string>>;
  skus: string[];
}

/**
 * Simulators and the six subgraphs of the checkout at `root`, all on `cpu`, each subgraph with the env its manifest
 * gives it: upstream URLs and credentials, the shared secret, its own port and metrics port (free ones), caches in
 * memory, change pollers as configured. Per-stack files (Allegro grant, change-feed cursors) live in `dir`, so two
 * stacks of one run never share them.
 */
export async function startStack(root: string, cpu: number, common: NodeJS.ProcessEnv, dir: string, nodeArgs: string[] = []): Promise<RunningStack> {
  mkdirSync(dir, { recursive: true });
  const sims = await startPinned(cpu, join(root, 'bench/resilience/simulators.ts'), common, /^SIMULATORS_READY (\{.*\})\n/m, 'pipe', [], root);
  const ready = JSON.parse(sims.match[1]!) as SimulatorsReady;
  const base: NodeJS.ProcessEnv = {
    ...common,
    ...ready.subgraphEnv,
    // the benchmark measures the gateway and the subgraphs, not HubSpot's or Allegro's request budgets
    HUBSPOT_BUDGET_REQUESTS_PER_10S: 'off',
    HUBSPOT_BUDGET_SEARCHES_PER_SECOND: 'off',
    ALLEGRO_BUDGET_REQUESTS_PER_MINUTE: 'off',
    ALLEGRO_BUDGET_SHIPMENTS_PER_SECOND: 'off',
    ALLEGRO_TOKEN_FILE: join(dir, 'allegro-token.json'),
    ERP_FRESHNESS_CURSOR_FILE: join(dir, 'freshness-erp.json'),
    CRM_FRESHNESS_CURSOR_FILE: join(dir, 'freshness-crm.json'),
    MARKETPLACE_FRESHNESS_CURSOR_FILE: join(dir, 'freshness-marketplace.json'),
  };
  const gatewayEnv: Record<string, string> = {};
  const pids = { simulators: sims.child.pid! } as RunningStack['pids'];
  const metricsUrls: RunningStack['metricsUrls'] = {};
  const startOne = async (name: SubgraphProc) => {
    const role = name.toUpperCase();
    const port = await findFreePort();
    const metricsPort = await findFreePort();
    const { child } = await startPinned(
      cpu,
      join(root, `subgraphs/${name}/src/index.ts`),
      { ...base, ...gatewayEnv, [`${role}_PORT`]: String(port), [`${role}_METRICS_PORT`]: String(metricsPort), [`${role}_SHUTDOWN_DELAY_MS`]: '0' },
      new URL(`http://127.0.0.1:${port}/healthz`),
      'ignore',
      nodeArgs,
      root,
    );
    pids[name] = child.pid!;
    metricsUrls[name] = `http://127.0.0.1:${metricsPort}/metrics`;
    return [`${role}_URL`, `http://127.0.0.1:${port}/graphql`] as const;
  };
  Object.assign(gatewayEnv, Object.fromEntries(await Promise.all(SUBGRAPHS.slice(0, 4).map(startOne))));
  Object.assign(gatewayEnv, Object.fromEntries(await Promise.all(SUBGRAPHS.slice(4).map(startOne))));
  return { pids, simulatorUrls: ready.urls, gatewayEnv, metricsUrls, skus: ready.skus };
}

/**
 * `ref` checked out in a temporary git worktree under `session.dir`, removed when the session closes (also on Ctrl-C).
 * Dependencies are this checkout's, linked entry by entry into each node_modules folder the checkout has; a workspace
 * link (a relative symlink such as node_modules/@omnigraph/shared → ../../packages/shared) is recreated as the same
 * relative link, so it resolves to the baseline's own package, not to this checkout's. This bench's simulator launcher
 * replaces the baseline's (older ones do not report their URLs).
 */
export function checkOutBaseline(ref: string, session: BenchSession): { root: string; commit: string } {
  const root = join(session.dir, 'baseline');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const commit = git('rev-parse', '--short', `${ref}^{commit}`);
  git('worktree', 'add', '--detach', root, commit);
  session.defer(() => {
    git('worktree', 'remove', '--force', root);
  });
  for (const folder of nodeModulesFolders(REPO_ROOT)) {
    const target = join(root, relative(REPO_ROOT, folder));
    if (!existsSync(dirname(target))) continue;
    linkEntries(folder, target);
  }
  for (const file of ['bench/resilience/simulators.ts', 'bench/stop-with-parent.ts']) copyFileSync(join(REPO_ROOT, file), join(root, file));
  return { root, commit };
}

/** The node_modules folders of a checkout: the root's and nested ones such as packages/shared/node_modules. */
function nodeModulesFolders(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === '.git') continue;
      const path = join(dir, entry.name);
      if (entry.name === 'node_modules') found.push(path);
      else walk(path);
    }
  };
  walk(root);
  return found;
}

function linkEntries(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(to, name);
    if (existsSync(target)) continue;
    const stat = lstatSync(source);
    if (stat.isSymbolicLink() && !isAbsolute(readlinkSync(source)) && isWorkspaceLink(source)) symlinkSync(readlinkSync(source), target);
    else if (name.startsWith('@') && stat.isDirectory()) linkEntries(source, target);
    else symlinkSync(source, target);
  }
}

/** A relative link that leaves node_modules (npm's workspace links); links within node_modules (.bin) stay absolute. */
function isWorkspaceLink(link: string): boolean {
  const resolved = join(dirname(link), readlinkSync(link));
  return !resolved.split('/').includes('node_modules');
}

/**
 * V8's view of a process's memory from its Prometheus listener (prom-client's default metrics): heap used and
 * reserved, and external (Buffers, off-heap), in MB, to tell live objects from heap V8 merely keeps. Empty when the
 * process has no listener or does not answer.
 */
export async function heapFigures(metricsUrl: string | undefined): Promise<Record<'HeapUsedMb' | 'HeapTotalMb' | 'ExternalMb', number> | undefined> {
  if (metricsUrl === undefined) return undefined;
  try {
    const text = await (await fetch(metricsUrl, { signal: AbortSignal.timeout(5_000) })).text();
    const mb = (metric: string) => {
      const m = new RegExp(`^omnigraph_${metric}(?:\\{[^}]*\\})? ([\\d.e+]+)$`, 'm').exec(text);
      return m ? Number(m[1]) / 2 ** 20 : NaN;
    };
    return {
      HeapUsedMb: mb('nodejs_heap_size_used_bytes'),
      HeapTotalMb: mb('nodejs_heap_size_total_bytes'),
      ExternalMb: mb('nodejs_external_memory_bytes'),
    };
  } catch {
    return undefined;
  }
}
