import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The node arguments that run a TypeScript entry file: as is on a Node with native type stripping
 * (`process.features.typescript`, Node ≥ 22.18 / 24), through the tsx loader on older ones (Node 20). The one place
 * tests choose, so they run the way production does wherever it can.
 */
export function typeScriptEntryArgs(entry: string): string[] {
  const features = process.features as { typescript?: string | false };
  return features.typescript ? [entry] : ['--import', 'tsx', entry];
}

export interface SpawnedEntry {
  child: ChildProcess;
  /** stdout and stderr so far */
  output(): string;
  /** resolves with the first match of `pattern` in the output; rejects when the process exits first or on timeout */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** resolves once the process has exited */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** SIGKILL if still running (afterAll) */
  kill(): void;
}

/**
 * Runs a TypeScript entry file (a process main: gateway, subgraph, simulator, `npm start`) as a real child process
 * of `process.execPath`, so signals, exit codes and listeners are the real ones. `env` is the whole environment.
 */
export function spawnEntry(entry: string, options: { env: NodeJS.ProcessEnv; cwd?: string }): SpawnedEntry {
  const child = spawn(process.execPath, typeScriptEntryArgs(entry), {
    cwd: options.cwd ?? process.cwd(),
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal, at: performance.now() });
      for (const check of waiters) check();
    });
  });
  let done = false;
  void exited.then(() => (done = true));
  return {
    child,
    output: () => output,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`timed out waiting for ${pattern}; output:\n${output}`)), timeoutMs);
        const finish = (error: Error | undefined, match?: RegExpExecArray) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(match!);
        };
        const check = () => {
          const match = pattern.exec(output);
          if (match) finish(undefined, match);
          else if (done || child.exitCode !== null) finish(new Error(`exited (${child.exitCode}) before ${pattern}; output:\n${output}`));
        };
        waiters.add(check);
        check();
      });
    },
  };
}
