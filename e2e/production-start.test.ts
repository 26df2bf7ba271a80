/**
 * The image's start command, run here since the image itself cannot be built (no Docker engine): `node <entry>.ts`
 * on Node 24 with NODE_ENV=production — no tsx, no build step — for the gateway and a subgraph. A resolve hook
 * records every module the process loads, to show that it needs nothing from the dev dependencies (the image installs
 * `npm ci --omit=dev`) and that our workspace packages are loaded from their real paths (Node refuses to strip types
 * below node_modules). The Dockerfile's HEALTHCHECK command is run against the live process.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatorStack, subgraphEnvFor, type SimulatorStack } from '@omnigraph/simulator-stack';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Node ≥ 24: this process's own under `npm test` (the `node` dev dependency comes first on the PATH), else the dev dependency's. */
function findNode24(): string | undefined {
  const candidates = [process.execPath, join(REPO, 'node_modules/.bin/node')];
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (Number(/^v(\d+)\./.exec(version)?.[1]) >= 24) return candidate;
  }
  return undefined;
}

const NODE24 = findNode24();
if (NODE24 === undefined && process.env['CI']) throw new Error('CI runs on Node 24 (the `node` dev dependency): no Node ≥ 24 found');

/** Records the URL of every module resolved (import and require) into the file named by RESOLVED_MODULES_FILE. */
const RESOLVE_HOOK = `
import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
const out = process.env.RESOLVED_MODULES_FILE;
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    appendFileSync(out, result.url + '\\n');
    return result;
  },
});
`;

interface LockPackage {
  dev?: boolean;
}
const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };

/** The package-lock key of a file below node_modules (`node_modules/@scope/name`, `subgraphs/erp/node_modules/x`). */
function lockKeyOf(path: string): string | undefined {
  const relative = path.slice(REPO.length);
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)/.exec(relative);
  return match?.[1];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  modules: () => string[];
}

const workDir = mkdtempSync(join(tmpdir(), 'production-start-'));
const hookFile = join(workDir, 'record-resolve.mjs');
writeFileSync(hookFile, RESOLVE_HOOK);
const started: Started[] = [];

/** `node <entry>` as the image runs it: production mode, nothing inherited from this shell but PATH. */
async function startProduction(entry: string, name: string, env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const modulesFile = join(workDir, `${name}.modules`);
  writeFileSync(modulesFile, '');
  const prefix = name.toUpperCase();
  const child = spawn(NODE24!, ['--import', pathToFileURL(hookFile).href, entry], {
    cwd: REPO,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      RESOLVED_MODULES_FILE: modulesFile,
      [`${prefix}_HOST`]: '127.0.0.1',
      [`${prefix}_PORT`]: String(port),
      [`${prefix}_METRICS_HOST`]: '127.0.0.1',
      [`${prefix}_METRICS_PORT`]: '0',
      [`${prefix}_SHUTDOWN_DELAY_MS`]: '0',
      OMNIGRAPH_SUBGRAPH_SECRET: randomBytes(36).toString('base64url'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const process_ = { child, port, output: () => output, modules: () => readFileSync(modulesFile, 'utf8').trim().split('\n') };
  started.push(process_);

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited ${child.exitCode}:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return process_;
    if (Date.now() > deadline) throw new Error(`${entry}: no /healthz within 20 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * SIGTERM, as Kubernetes and Docker send it to PID 1; resolves with how the process ended. How it drains (in-flight
 * requests finish) is e2e/graceful-drain.test.ts; here it must exit 0, as the image's PID 1, within the grace.
 */
async function stop(p: Started): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const started = Date.now();
  if (p.child.exitCode !== null || p.child.signalCode !== null) return { code: p.child.exitCode, signal: p.child.signalCode, ms: 0 };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) =>
    p.child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - started })),
  );
  p.child.kill('SIGTERM');
  return exited;
}

function expectStopped(result: { code: number | null; signal: NodeJS.Signals | null; ms: number }, output: string): void {
  // the service kit drains and exits 0: PID 1 in the image ends cleanly, not by the signal
  expect({ code: result.code, signal: result.signal }, output).toEqual({ code: 0, signal: null });
  expect(result.ms).toBeLessThan(25_000);
}

function checkModules(modules: string[]): void {
  const files = modules.filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url));
  // our TypeScript, workspace packages included, is loaded from its real path: Node strips types only outside node_modules
  const ours = files.filter((f) => f.endsWith('.ts'));
  expect(ours.length).toBeGreaterThan(20);
  expect(ours.filter((f) => f.includes('/node_modules/'))).toEqual([]);
  expect(ours.some((f) => f.startsWith(join(REPO, 'packages/shared/src/')))).toBe(true);
  // nothing from the dev dependencies: tsx, vitest and the code generators are not in the image
  const packages = [...new Set(files.map(lockKeyOf).filter((k): k is string => k !== undefined))];
  expect(packages.length).toBeGreaterThan(5);
  expect(packages.filter((key) => lock.packages[key] === undefined || lock.packages[key]!.dev === true)).toEqual([]);
  expect(packages.filter((key) => /node_modules\/(tsx|esbuild|vite|vitest|@esbuild)(\/|$)/.test(key))).toEqual([]);
}

describe.skipIf(NODE24 === undefined)('production start command (node <entry>.ts on Node 24)', () => {
  let stack: SimulatorStack;

  beforeAll(async () => {
    stack = await startSimulatorStack({ scale: 0.1 });
  });

  afterAll(async () => {
    await Promise.all(started.map(stop));
    await stack?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('runs the gateway with type stripping, production dependencies only, and the Dockerfile HEALTHCHECK passes', async () => {
    const gateway = await startProduction('gateway/src/index.ts', 'gateway', {
      OMNIGRAPH_API_KEY_PEPPER: randomBytes(36).toString('base64url'),
      OMNIGRAPH_KEY_STORE_FILE: join(workDir, 'keys.json'),
    });
    expect(spawnSync(NODE24!, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v24\./);
    checkModules(gateway.modules());

    const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
    const command = JSON.parse(/^\s*HEALTHCHECK .*? CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(command[0]).toBe('node');
    const check = (port: number) => spawnSync(NODE24!, command.slice(1), { env: { HEALTHCHECK_PORT: String(port) }, timeout: 10_000 }).status;
    expect(check(gateway.port)).toBe(0);
    expect(check(await freePort())).toBe(1);

    expectStopped(await stop(gateway), gateway.output());
  });

  it('runs a subgraph the same way against its upstream', async () => {
    const erp = await startProduction('subgraphs/erp/src/index.ts', 'erp', {
      ...subgraphEnvFor(stack.odoo, stack.urls.odoo),
      ERP_FRESHNESS_ENABLED: 'false',
    });
    checkModules(erp.modules());
    expectStopped(await stop(erp), erp.output());
  });
});
