/**
 * How many simple requests per second one simulator serves on one core.
 *
 * Each simulator runs alone in its own process pinned to CPU 1 (`taskset -c 1`), with its rate-limit budget off; the
 * load generator (autocannon, in this process) should run on CPU 0: `npm run bench:simulators` pins it there.
 * For every simulator the run alternates the order of simulators over the repetitions and reports the median
 * requests/s with min–max, the simulator process's CPU ms per request (utime + stime from /proc) and latency.
 * Results go to bench/results/simulator-throughput.md.
 *
 * Usage: npm run bench:simulators [-- --seconds 8 --reps 3 --connections 10]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { findFreePort } from '@omnigraph/shared/testing';
import { benchTargets, type BenchTarget } from './simulator-targets.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    reps: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const reps = Number(values.reps);
const connections = Number(values.connections);

interface Sample {
  rps: number;
  cpuMsPerRequest: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function cpuTicks(pid: number): number {
  // fields 14 and 15 of /proc/<pid>/stat: utime and stime in clock ticks (100 per second on Linux)
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function startTarget(target: BenchTarget): Promise<{ child: ChildProcess; url: string }> {
  const port = await findFreePort();
  const prefix = target.name.toUpperCase();
  const child = spawn('taskset', ['-c', '1', process.execPath, '--import', 'tsx', target.entry], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      [`${prefix}_SIMULATOR_PORT`]: String(port),
      [`${prefix}_SIMULATOR_RATE_LIMIT`]: 'off',
      ...(target.name === 'hubspot' ? { HUBSPOT_SIMULATOR_SEARCH_RATE_LIMIT: 'off' } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${target.name} exited with ${code}: ${out}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function measure(target: BenchTarget, url: string, pid: number, durationSeconds = seconds): Promise<Sample> {
  const requests = target.requests;
  let i = 0;
  const cpuBefore = cpuTicks(pid);
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    requests: [
      {
        setupRequest: (req) => {
          const r = requests[i++ % requests.length]!;
          return { ...req, method: r.method, path: r.path, headers: r.headers, ...(r.body ? { body: r.body } : {}) };
        },
      },
    ],
  });
  const cpuMs = (cpuTicks(pid) - cpuBefore) * 10;
  const total = result.requests.total;
  return {
    rps: result.requests.average,
    cpuMsPerRequest: total > 0 ? cpuMs / total : NaN,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, d = 0) => n.toFixed(d);

async function main(): Promise<void> {
  const targets = benchTargets().filter((t: BenchTarget) => !values.only || t.name === values.only);
  const started: { target: BenchTarget; child: ChildProcess; url: string }[] = [];
  for (const t of targets) {
    const s = { target: t, ...(await startTarget(t)) };
    started.push(s);
    await t.prepare?.(s.url, t);
  }
  const samples = new Map<string, Sample[]>();
  try {
    for (const s of started) {
      // warm-up: JIT and first-touch allocations out of the measured window
      await measure(s.target, s.url, s.child.pid!, 2);
    }
    for (let rep = 0; rep < reps; rep += 1) {
      const order = started.map((_, k) => started[(k + rep) % started.length]!);
      for (const s of order) {
        const sample = await measure(s.target, s.url, s.child.pid!);
        samples.set(s.target.label, [...(samples.get(s.target.label) ?? []), sample]);
        console.log(
          `rep ${rep + 1} ${s.target.label}: ${fmt(sample.rps)} req/s, ${fmt(sample.cpuMsPerRequest, 3)} CPU ms/req, non-2xx ${sample.non2xx}`,
        );
      }
    }
  } finally {
    for (const s of started) s.child.kill('SIGTERM');
  }

  const rows = [...samples].map(([label, xs]) => {
    const rps = xs.map((x) => x.rps);
    return `| ${label} | ${fmt(median(rps))} | ${fmt(Math.min(...rps))}–${fmt(Math.max(...rps))} | ${fmt(median(xs.map((x) => x.cpuMsPerRequest)), 3)} | ${median(xs.map((x) => x.p50))} | ${median(xs.map((x) => x.p99))} | ${xs.reduce((a, x) => a + x.errors + x.non2xx, 0)} |`;
  });
  const report = [
    '# Simulator throughput (one simulator process on one core)',
    '',
    `Run ${new Date().toISOString()} on ${cpus().length}× ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}.`,
    `Each simulator alone on CPU 1 (\`taskset -c 1\`), rate-limit budget off, ${connections} connections, ${seconds} s per sample, ${reps} repetitions in rotating order; autocannon on CPU 0.`,
    '',
    '| simulator · request | req/s (median) | min–max | CPU ms / request | p50 ms | p99 ms | errors + non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    'Target: ≥ 3000 simple requests/s per simulator on one core, so a simulator is never the bottleneck of a gateway benchmark.',
    '',
  ].join('\n');
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/simulator-throughput.md', import.meta.url), report);
  console.log(`\n${report}`);
}

await main();
