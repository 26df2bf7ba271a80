/**
 * What every benchmark in bench/ shares: child processes pinned to a CPU (performance.md §1: the gateway on its own
 * core, the rest on the other), their CPU time and memory from /proc, and request bodies that defeat caches.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/**
 * Node 24 from the `node` dev dependency, running the TypeScript sources with its own type stripping: what production
 * runs (Dockerfile, docker-compose.yml, docs/adr/0007), not the tsx loader, whose transform cache and source maps cost
 * memory and start-up that a deployed process never pays.
 */
export const NODE_BIN = ((bundled: string) => (existsSync(bundled) ? bundled : process.execPath))(
  fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url)),
);

export interface Started<M> {
  child: ChildProcess;
  match: M;
  /** pino warnings and errors the child printed after it was ready */
  logged: { warnings: number };
}

/**
 * Spawns `node <entry>` pinned to `cpu` (in `cwd`, default this process's), resolves once ready: with the first stdout
 * match of a RegExp, or once a URL (a service's /healthz) answers 2xx.
 */
export function startPinned(
  cpu: number,
  entry: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  stdin?: 'pipe' | 'ignore',
  nodeArgs?: string[],
  cwd?: string,
): Promise<Started<RegExpExecArray>>;
export function startPinned(
  cpu: number,
  entry: string,
  env: NodeJS.ProcessEnv,
  ready: URL,
  stdin?: 'pipe' | 'ignore',
  nodeArgs?: string[],
  cwd?: string,
): Promise<Started<undefined>>;
export function startPinned(
  cpu: number,
  entry: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp | URL,
  stdin: 'pipe' | 'ignore' = 'ignore',
  nodeArgs: string[] = [],
  cwd?: string,
): Promise<Started<RegExpExecArray | undefined>> {
  const child = spawn('taskset', ['-c', String(cpu), NODE_BIN, ...nodeArgs, entry], {
    env: { ...process.env, ...env },
    stdio: [stdin, 'pipe', 'inherit'],
    ...(cwd ? { cwd } : {}),
  });
  children.push(child);
  const logged = { warnings: 0 };
  return new Promise((resolve, reject) => {
    let out = '';
    let done = false;
    const timer = setTimeout(() => fail(new Error(`${entry} not ready within 60 s: ${out.slice(-2000)}`)), 60_000);
    const fail = (error: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(error);
    };
    const succeed = (match: RegExpExecArray | undefined) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ child, match, logged });
    };
    child.stdout!.on('data', (d: Buffer) => {
      // After start-up the output is only drained (to stderr), so a chatty child cannot block on a full pipe.
      if (done) {
        // pino levels 40 (warn) and up; e.g. the rate limiter falling back to memory when Redis answers late. Only those
        // are echoed (to stderr): the access-log lines are drained, not printed, so the echo costs the measuring core little.
        const text = d.toString();
        logged.warnings += text.match(/"level":[4-6]0/g)?.length ?? 0;
        const loud = text.split('\n').filter((line) => !line.startsWith('{"level":30') && !line.startsWith('{"level":20') && line !== '');
        if (loud.length > 0) process.stderr.write(`${loud.join('\n')}\n`);
        return;
      }
      out += d.toString();
      if (ready instanceof RegExp) {
        const match = ready.exec(out);
        if (match) succeed(match);
      }
    });
    child.once('exit', (code) => fail(new Error(`${entry} exited with ${code} before it was ready: ${out.slice(-2000)}`)));
    if (ready instanceof URL) {
      const poll = () => {
        if (done) return;
        fetch(ready, { signal: AbortSignal.timeout(1_000) }).then(
          (res) => (res.ok ? succeed(undefined) : setTimeout(poll, 100)),
          () => setTimeout(poll, 100),
        );
      };
      poll();
    }
  });
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Every child started by startPinned that is still running, for Ctrl-C handlers. */
export function runningChildren(): ChildProcess[] {
  return children.filter((c) => c.exitCode === null && c.signalCode === null);
}

export function cpuTicks(pid: number): number {
  // fields 14 and 15 of /proc/<pid>/stat: utime and stime in clock ticks (100 per second on Linux)
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export const peakRssMb = (pid: number): number => statusMb(pid, 'VmHWM');
export const rssMb = (pid: number): number => statusMb(pid, 'VmRSS');

/** `variants` lists of `perQuery` random SKUs; a list longer than the dataset repeats SKUs, each once per pass over it. */
export function makeSkuLists(skus: string[], perQuery: number, variants = 512): string[][] {
  const lists: string[][] = [];
  for (let i = 0; i < variants; i++) {
    const pool = [...skus];
    const picked: string[] = [];
    for (let k = 0; k < perQuery && skus.length > 0; k++) {
      if (pool.length === 0) pool.push(...skus);
      picked.push(pool.splice(Math.floor(Math.random() * pool.length), 1)[0]!);
    }
    lists.push(picked);
  }
  return lists;
}

/** `variants` bodies of `query`, each with `perQuery` random SKUs, rotated per request so no two consecutive are identical. */
export function makeSkuBodies(query: string, skus: string[], perQuery: number, variants = 512): string[] {
  return makeSkuLists(skus, perQuery, variants).map((picked) => JSON.stringify({ query, variables: { skus: picked } }));
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '—');

/** What a whole-stack bench starts from (see {@link openBenchSession}). */
export interface BenchSession {
  /** the subgraph secret and key pepper of this run, fresh */
  secret: string;
  pepper: string;
  /** the gateways' key file, in a temporary folder of this run */
  keyFile: string;
  /** that temporary folder, for other files of this run (token and cursor files) */
  dir: string;
  /** runs `cleanup` (synchronous) after the children are stopped, on close and on Ctrl-C alike */
  defer(cleanup: () => void): void;
  /** every child's environment: production mode, quiet logs, this run's secrets, memory caches (no Redis) */
  common: NodeJS.ProcessEnv;
  /** stops every child, newest first, and removes the temporary folder */
  close(): Promise<void>;
}

/**
 * Fresh secrets and a temporary key file per run; Ctrl-C or SIGTERM kills the children and removes the folder. Memory
 * caches everywhere: per process, the same for every gateway measured, and nothing shared with other runs.
 */
export function openBenchSession(prefix: string): BenchSession {
  const secret = randomBytes(32).toString('base64url');
  const pepper = randomBytes(32).toString('base64url');
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  const cleanups: (() => void)[] = [];
  const cleanUp = () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        cleanup();
      } catch (error) {
        console.error(error);
      }
    }
    rmSync(tmp, { recursive: true, force: true });
  };
  const interrupted = (signal: NodeJS.Signals) => {
    for (const c of runningChildren()) c.kill('SIGTERM');
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return {
    secret,
    pepper,
    keyFile: join(tmp, 'keys.json'),
    dir: tmp,
    defer: (cleanup) => void cleanups.push(cleanup),
    common: {
      NODE_ENV: 'production',
      APOLLO_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      OMNIGRAPH_SUBGRAPH_SECRET: secret,
      OMNIGRAPH_API_KEY_PEPPER: pepper,
      REDIS_URL: undefined,
    },
    async close() {
      for (const c of runningChildren().reverse()) await stopChild(c);
      cleanUp();
    },
  };
}

/**
 * A gateway measured on a saturated core: info logs, production's default (the access-log line is part of the cost);
 * load shedding and the per-key in-flight cap out of the way, since there they refuse by design (their own tests:
 * e2e/load-protection). So is the request deadline (10 s for internal callers): on a starved 2-core box a 50-connection
 * soak has a p99 above 10 s, and the deadline then cuts the late plan steps (UPSTREAM_TIMEOUT, and subgraph breakers
 * opening on those cut attempts) where bare Apollo, which has no request deadline, just answers late. 30 s is the
 * benchmark client's own timeout, so both gateways are judged by the same clock.
 */
export const SATURATED_GATEWAY_ENV: NodeJS.ProcessEnv = {
  GATEWAY_METRICS_PORT: '0',
  LOG_LEVEL: 'info',
  GATEWAY_SHED_BULK_LAG_MS: '100000',
  GATEWAY_SHED_INTERACTIVE_LAG_MS: '100000',
  GATEWAY_PARTNER_MAX_CONCURRENT: '10000',
  GATEWAY_INTERNAL_DEADLINE_MS: '30000',
  GATEWAY_PARTNER_DEADLINE_MS: '30000',
};

/** Top functions by self time of a .cpuprofile, as "share % function (file:line)", for the layer benches' --cpu-prof. */
export function topSelfTime(file: string, n: number): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    const f = byId.get(id)!;
    const where =
      f.url === '' ? '' : ` (${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(packages|subgraphs)\//, '$1/')}:${f.lineNumber + 1})`;
    const key = `${f.functionName || '(anonymous)'}${where}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, c]) => `${fmt((c / profile.samples.length) * 100, 1)} % ${k}`);
}
