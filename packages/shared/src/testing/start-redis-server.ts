import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { findFreePort } from './start-test-http-server.ts';

export interface DisposableRedisServer {
  url: string;
  port: number;
  pid: number;
  /** Sends a signal to this server only (by pid): SIGKILL simulates a crash, SIGSTOP a stall. */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL and wait for the exit; safe to call twice. */
  kill(): Promise<void>;
}

export function isRedisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts a private `redis-server` for tests that break Redis on purpose. Outage tests must never touch the shared
 * Redis other tests and developers use, so they get their own process, without persistence.
 */
export async function startRedisServer(options: { port?: number } = {}): Promise<DisposableRedisServer> {
  // A given port serves restart tests: clients still dial the port of the server that died.
  const port = options.port ?? (await findFreePort());
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await waitUntilReady(child);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('redis-server did not start');
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server not ready after 5 s:\n${output}`));
    }, 5_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve();
      }
    });
  });
}
