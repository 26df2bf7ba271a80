/**
 * What Omnigraph's access control costs per request: the real gateway (`gateway/src/index.ts`: API-key auth, operation
 * limits, safelist, field authorization, rate limiting) against a bare ApolloGateway on the same supergraph, the same
 * subgraphs and the same query, side by side in one run (docs: /work/shared/performance.md §1).
 *
 * Processes: simulators + subgraphs in one child on CPU 0; each gateway variant in its own child on CPU 1; autocannon
 * here, on CPU 0 (`npm run bench:access-control` pins it). Variants:
 *   off          bench/access-control/bare-gateway.ts (no edge; signs subgraph requests like production)
 *   on, local    gateway/src/index.ts, file key store in a temp dir, in-process rate limiter
 *   on, Redis    gateway/src/index.ts with REDIS_URL (key store under a unique prefix, Redis Lua rate limiter)
 * plus "on, local" with a query holding a field the key may not read (filter mode removes it).
 * Every response is checked (status and body); a sample with one bad response is reported as invalid.
 * Results go to bench/results/access-control-overhead.md.
 *
 * Usage: npm run bench:access-control [-- --seconds 8 --reps 3 --connections 10 --latency-seconds 8 --warmup 8 --scale 1]
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { findFreePort } from '@omnigraph/shared/testing';
import { createClient } from 'redis';
import { createApiKeyService, createFileKeyStore, createRedisKeyStore, type KeyStore } from '@omnigraph/auth';
import { signIdentity } from '@omnigraph/shared/identity';
import { BENCH_PARTNER_IDENTITY } from './access-control/bare-gateway-identity.ts';
import { measureEdgeAdmission, type EdgeMicroResult } from './access-control/edge-micro.ts';
import { cpuTicks, makeSkuBodies, peakRssMb, runningChildren, SATURATED_GATEWAY_ENV, startPinned, stopChild } from './bench-helpers.ts';
import type { UpstreamsReady } from './access-control/upstreams.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    reps: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    'latency-seconds': { type: 'string', default: '8' },
    warmup: { type: 'string', default: '8' },
    scale: { type: 'string', default: '1' },
  },
});
const seconds = Number(values.seconds);
const reps = Number(values.reps);
const connections = Number(values.connections);
const latencySeconds = Number(values['latency-seconds']);
const warmupSeconds = Number(values.warmup);
const redisUrl = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const SKUS_PER_QUERY = 50;
const BODY_VARIANTS = 512;

const PRODUCTS_QUERY = `query Products($skus: [ID!]!) {
  products(skus: $skus) { sku name listPrice { gross { amount } } stock { available location { code } } }
}`;
// The root `customer` field needs customers:read, which the partner key lacks: the edge removes it and says so.
const removedFieldQuery = (customerId: string) => `query ProductsAndCustomer($skus: [ID!]!) {
  products(skus: $skus) { sku name listPrice { gross { amount } } stock { available location { code } } }
  customer(id: "${customerId}") { name }
}`;

interface Sample {
  rps: number;
  requests: number;
  cpuMsPerRequest: number;
  /** the simulators + subgraphs process (CPU 0), to show whether the upstreams bound throughput */
  upstreamCpuMsPerRequest: number;
  p50: number;
  p99: number;
  /** connection errors + timeouts + non-2xx + bodies that fail the check */
  bad: number;
  /** non-200 answers by their error code */
  refusals: Record<string, number>;
}

interface Variant {
  label: string;
  /** which measurements this variant takes part in */
  latency: boolean;
  url: () => string;
  pid: () => number;
  headers: Record<string, string>;
  bodies: string[];
  check: (body: string) => boolean;
}

// ───────────────────────── processes ─────────────────────────

let upstreamPid = 0;

// ───────────────────────── load ─────────────────────────

const makeBodies = (query: string, skus: string[]) => makeSkuBodies(query, skus, SKUS_PER_QUERY, BODY_VARIANTS);

async function measure(v: Variant, conns: number, durationSeconds: number): Promise<Sample> {
  let i = Math.floor(Math.random() * v.bodies.length);
  let badBodies = 0;
  const refusals: Record<string, number> = {};
  const pid = v.pid();
  const cpuBefore = cpuTicks(pid);
  const upstreamBefore = cpuTicks(upstreamPid);
  const result = await autocannon({
    url: `${v.url()}/graphql`,
    connections: conns,
    duration: durationSeconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...v.headers },
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: v.bodies[i++ % v.bodies.length]! }),
        onResponse: (status, body) => {
          if (status === 200 && !v.check(body)) badBodies += 1;
          if (status !== 200) {
            // which refusal or failure: the first error's code, for the report's "invalid" explanation
            const code = /"code":"([A-Z_]+)"/.exec(body)?.[1] ?? String(status);
            refusals[code] = (refusals[code] ?? 0) + 1;
          }
        },
      },
    ],
  });
  const cpuMs = (cpuTicks(pid) - cpuBefore) * 10;
  const upstreamCpuMs = (cpuTicks(upstreamPid) - upstreamBefore) * 10;
  const total = result.requests.total;
  return {
    rps: result.requests.average,
    requests: total,
    cpuMsPerRequest: total > 0 ? cpuMs / total : NaN,
    upstreamCpuMsPerRequest: total > 0 ? upstreamCpuMs / total : NaN,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.errors + result.timeouts + result.non2xx + badBodies,
    refusals,
  };
}

async function probe(v: Variant): Promise<void> {
  const res = await fetch(`${v.url()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...v.headers },
    body: v.bodies[0]!,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (res.status !== 200 || !v.check(text)) throw new Error(`${v.label}: unexpected answer ${res.status} ${text.slice(0, 500)}`);
}

// ───────────────────────── signing micro-benchmark ─────────────────────────

/** µs of CPU per signIdentity over a body like the ERP fetch of one request, measured for a fixed wall time. */
function signMicroBenchmark(secret: string, body: string): { usPerSign: number; iterations: number } {
  for (let k = 0; k < 2_000; k++) signIdentity(secret, BENCH_PARTNER_IDENTITY, body);
  const until = performance.now() + 2_000;
  const cpu = process.cpuUsage();
  let iterations = 0;
  while (performance.now() < until) {
    for (let k = 0; k < 100; k++) signIdentity(secret, BENCH_PARTNER_IDENTITY, body);
    iterations += 100;
  }
  const used = process.cpuUsage(cpu);
  return { usPerSign: (used.user + used.system) / iterations, iterations };
}

// ───────────────────────── run ─────────────────────────

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '—');
const range = (xs: number[], d = 0) => `${f(median(xs), d)} (${f(Math.min(...xs), d)}–${f(Math.max(...xs), d)})`;

const okProducts = (body: string) => body.startsWith('{"data":{"products":[{') && !body.includes('"errors"');
// Filter mode: the products are answered, `customer` is absent (removed from the operation), and the only error names the removed field.
const okRemoved = (body: string) => {
  try {
    const parsed = JSON.parse(body) as { data?: { products?: unknown[]; customer?: unknown }; errors?: { path?: unknown[] }[] };
    return (
      (parsed.data?.products?.length ?? 0) > 0 &&
      (parsed.data?.customer ?? null) === null &&
      parsed.errors?.length === 1 &&
      parsed.errors[0]?.path?.[0] === 'customer'
    );
  } catch {
    return false;
  }
};

async function main(): Promise<void> {
  const subgraphSecret = randomBytes(32).toString('base64url');
  const pepper = randomBytes(32).toString('base64url');
  const runId = randomBytes(4).toString('hex');
  const redisPrefix = `bench:ac:${runId}:auth:`;
  const tmp = mkdtempSync(join(tmpdir(), 'omnigraph-bench-ac-'));
  const keyFile = join(tmp, 'keys.json');
  const common: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    APOLLO_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'warn',
    OMNIGRAPH_SUBGRAPH_SECRET: subgraphSecret,
    OMNIGRAPH_API_KEY_PEPPER: pepper,
  };
  const keyInput = {
    name: 'bench access control',
    ownerId: 'omnigraph-bench',
    scopes: ['catalog:read', 'stock:read'],
    profile: 'partner' as const,
    // Far beyond what a run can send: a refusal would be a benchmark artefact.
    rateLimitPerMinute: 1_000_000_000,
    costPerMinute: 1_000_000_000_000,
  };

  let redisStore: KeyStore | undefined;
  let redisKeyId: string | undefined;
  // Ctrl-C or a kill: stop the children (the gateways would outlive us) and remove what we wrote to Redis.
  const interrupted = (signal: NodeJS.Signals) => {
    for (const c of runningChildren()) c.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
    void cleanRedis(redisPrefix, redisKeyId).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const notes: string[] = [];
  try {
    // Subgraph caches in memory in every run (REDIS_URL dropped for them): per process, the same for every variant.
    console.log('starting simulators + subgraphs on CPU 0 …');
    const up = await startPinned(
      0,
      here('./access-control/upstreams.ts'),
      { ...common, BENCH_SCALE: values.scale, REDIS_URL: undefined },
      /^UPSTREAMS_READY (\{.*\})\n/m,
      'pipe',
    );
    const upstreams = JSON.parse(up.match[1]!) as UpstreamsReady;
    upstreamPid = up.child.pid!;
    console.log(`${upstreams.skus.length} SKUs in the dataset`);
    const gatewayEnv = {
      ...common,
      ERP_URL: upstreams.subgraphUrls.erp,
      ESHOP_URL: upstreams.subgraphUrls.eshop,
      CRM_URL: upstreams.subgraphUrls.crm,
      MARKETPLACE_URL: upstreams.subgraphUrls.marketplace,
    };

    const localKey = (await createApiKeyService({ store: createFileKeyStore(keyFile), pepper }).createKey(keyInput)).key;
    let redisKey: string | undefined;
    try {
      redisStore = await createRedisKeyStore({ redisUrl, keyPrefix: redisPrefix, clientName: 'omnigraph-bench' });
      const created = await createApiKeyService({ store: redisStore, pepper }).createKey(keyInput);
      redisKey = created.key;
      redisKeyId = created.record.keyId;
    } catch (error) {
      notes.push(`"on, Redis" not measured: Redis at ${redisUrl} unavailable (${(error as Error).message}).`);
    }

    const productBodies = makeBodies(PRODUCTS_QUERY, upstreams.skus);
    const removedBodies = makeBodies(removedFieldQuery(upstreams.customerId), upstreams.skus);

    const gateways: { label: string; child: ChildProcess; url: string; logged: { warnings: number } }[] = [];
    const startGateway = async (label: string, entry: string, env: NodeJS.ProcessEnv) => {
      const port = await findFreePort();
      const { child, match, logged } = await startPinned(
        1,
        entry,
        { ...gatewayEnv, GATEWAY_PORT: String(port), ...SATURATED_GATEWAY_ENV, ...env },
        /listening on (http:\/\/[\d.]+:\d+)/,
      );
      gateways.push({ label, child, url: match[1]!, logged });
      return { child, url: match[1]! };
    };
    console.log('starting gateways on CPU 1 …');
    const off = await startGateway('off', here('./access-control/bare-gateway.ts'), {});
    const onLocal = await startGateway('on, local', here('../gateway/src/index.ts'), { OMNIGRAPH_KEY_STORE_FILE: keyFile, REDIS_URL: '' });
    const onRedis =
      redisKey === undefined
        ? undefined
        : await startGateway('on, Redis', here('../gateway/src/index.ts'), { REDIS_URL: redisUrl, OMNIGRAPH_AUTH_REDIS_PREFIX: redisPrefix });

    const variant = (
      label: string,
      g: { child: ChildProcess; url: string },
      key: string,
      bodies: string[],
      check: Variant['check'],
      latency: boolean,
    ): Variant => ({
      label,
      latency,
      url: () => g.url,
      pid: () => g.child.pid!,
      // The bare gateway ignores the key; sending it keeps the request bytes the same across variants.
      headers: { 'x-api-key': key },
      bodies,
      check,
    });
    const variants: Variant[] = [
      variant('off (bare ApolloGateway)', off, localKey, productBodies, okProducts, true),
      variant('on, local', onLocal, localKey, productBodies, okProducts, true),
      ...(onRedis === undefined || redisKey === undefined ? [] : [variant('on, Redis', onRedis, redisKey, productBodies, okProducts, true)]),
      variant('on, local · removed field', onLocal, localKey, removedBodies, okRemoved, false),
    ];

    for (const v of variants) await probe(v);
    // Warm-up: JIT (the first seconds cost visibly more CPU per request), plan cache, key caches, subgraph caches.
    for (const v of variants) await measure(v, connections, warmupSeconds);

    const throughput = new Map<string, Sample[]>();
    const latency = new Map<string, Sample[]>();
    const push = (m: Map<string, Sample[]>, k: string, s: Sample) => m.set(k, [...(m.get(k) ?? []), s]);
    for (let rep = 0; rep < reps; rep++) {
      const order = variants.map((_, k) => variants[(k + rep) % variants.length]!);
      for (const v of order) {
        const s = await measure(v, connections, seconds);
        push(throughput, v.label, s);
        console.log(
          `rep ${rep + 1} ${v.label} @${connections}: ${f(s.rps)} req/s, ${f(s.cpuMsPerRequest, 3)} CPU ms/req (upstreams ${f(s.upstreamCpuMsPerRequest, 3)}), p50 ${s.p50} p99 ${s.p99}, bad ${s.bad}${s.bad > 0 ? ` ${JSON.stringify(s.refusals)}` : ''}`,
        );
      }
      for (const v of order.filter((x) => x.latency)) {
        const s = await measure(v, 1, latencySeconds);
        push(latency, v.label, s);
        console.log(`rep ${rep + 1} ${v.label} @1: p50 ${s.p50} p99 ${s.p99} ms, bad ${s.bad}`);
      }
    }
    const rss = new Map(gateways.map((g) => [g.label, peakRssMb(g.child.pid!)]));

    // Signing happens once per subgraph fetch in every variant; this query plans one ERP fetch per request.
    const sign = signMicroBenchmark(subgraphSecret, productBodies[0]!);
    console.log('edge admission, in process …');
    const edge = await measureEdgeAdmission({ base: productBodies, removed: removedBodies }, { seconds: 3 });
    const edgeRedis = redisStore === undefined ? undefined : await measureEdgeAdmission({ base: productBodies }, { seconds: 3, redisUrl });

    const warnings = new Map(gateways.map((g) => [g.label, g.logged.warnings]));
    writeReport({ variants, throughput, latency, rss, warnings, sign, edge, edgeRedis, skuCount: upstreams.skus.length, notes });
  } finally {
    for (const c of runningChildren().reverse()) await stopChild(c);
    rmSync(tmp, { recursive: true, force: true });
    await redisStore?.close();
    await cleanRedis(redisPrefix, redisKeyId);
  }
}

/** Deletes what this run wrote to the shared Redis: the key store under its own prefix and the key's rate-limit state. */
async function cleanRedis(prefix: string, keyId: string | undefined): Promise<void> {
  if (keyId === undefined) return;
  const redis = createClient({ url: redisUrl });
  redis.on('error', () => {});
  try {
    await redis.connect();
    for (const pattern of [`${prefix}*`, `ratelimit:v1:*${keyId}*`]) {
      for await (const keys of redis.scanIterator({ MATCH: pattern, COUNT: 500 })) if (keys.length > 0) await redis.del(keys);
    }
  } finally {
    await redis.close();
  }
}

function writeReport(r: {
  variants: Variant[];
  throughput: Map<string, Sample[]>;
  latency: Map<string, Sample[]>;
  rss: Map<string, number>;
  /** warn/error log lines per gateway process after start-up */
  warnings: Map<string, number>;
  sign: { usPerSign: number; iterations: number };
  edge: EdgeMicroResult;
  /** the same admission with the rate limiter on Redis; absent when Redis was unavailable */
  edgeRedis: EdgeMicroResult | undefined;
  skuCount: number;
  notes: string[];
}): void {
  const cpu = (label: string) => (r.throughput.get(label) ?? []).map((s) => s.cpuMsPerRequest);
  const lat = (label: string) => r.latency.get(label) ?? [];
  const invalid = (xs: Sample[]) => xs.reduce((a, s) => a + s.bad, 0);
  const gatewayLabel = (label: string) => (label.startsWith('off') ? 'off' : label.startsWith('on, Redis') ? 'on, Redis' : 'on, local');
  const rows = r.variants.map((v) => {
    const xs = r.throughput.get(v.label) ?? [];
    const ls = lat(v.label);
    return `| ${v.label} | ${range(xs.map((s) => s.rps))} | ${range(cpu(v.label), 3)} | ${f(median(xs.map((s) => s.upstreamCpuMsPerRequest)), 2)} | ${median(xs.map((s) => s.p50))} | ${median(xs.map((s) => s.p99))} | ${ls.length ? range(ls.map((s) => s.p50)) : '—'} | ${ls.length ? range(ls.map((s) => s.p99)) : '—'} | ${f(r.rss.get(gatewayLabel(v.label)) ?? NaN)} | ${invalid(xs) + invalid(ls)} |`;
  });
  const warningNotes = [...r.warnings]
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `- Gateway "${label}" logged ${n} warning/error lines after start-up (printed on stderr during the run).`);
  const offLabel = r.variants[0]!.label;
  // Paired per repetition (the two samples ran minutes apart at most), then the median of the differences.
  const paired = (a: string, b: string, pick: (s: Sample) => number, m: Map<string, Sample[]>) => {
    const xa = m.get(a) ?? [];
    const xb = m.get(b) ?? [];
    return xa.map((s, i) => pick(s) - pick(xb[i]!));
  };
  const costRows = r.variants
    .filter((v) => v.label !== offLabel)
    .map((v) => {
      const base = v.label.includes('removed') ? 'on, local' : offLabel;
      const d = paired(v.label, base, (s) => s.cpuMsPerRequest * 1000, r.throughput);
      const ratio = median((r.throughput.get(v.label) ?? []).map((x, i) => x.cpuMsPerRequest / (r.throughput.get(base) ?? [])[i]!.cpuMsPerRequest));
      const rpsRatio = median((r.throughput.get(v.label) ?? []).map((s) => s.rps)) / median((r.throughput.get(base) ?? []).map((s) => s.rps));
      const dl = v.latency ? range(paired(v.label, base, (s) => s.p50, r.latency)) : '—';
      return `| ${v.label} − ${base} | ${range(d)} | ${f(ratio, 3)}× | ${f(rpsRatio, 3)}× | ${dl} |`;
    });
  const conclusions: string[] = [];
  const offCpu = median(cpu(offLabel));
  for (const v of r.variants.filter((x) => x.label !== offLabel)) {
    const base = v.label.includes('removed') ? 'on, local' : offLabel;
    const d = paired(v.label, base, (s) => s.cpuMsPerRequest * 1000, r.throughput);
    const what = v.label.includes('removed')
      ? 'Removing one unauthorized root field (filter mode) changes the gateway CPU per request by'
      : `Access control ("${v.label}") changes the gateway CPU per request by`;
    const noise = Math.min(...d) <= 0 && Math.max(...d) >= 0 ? " The repetitions straddle zero: the difference is within this machine's noise." : '';
    conclusions.push(
      `- ${what} **${f(median(d))} µs** (median of the paired differences, min–max ${f(Math.min(...d))}–${f(Math.max(...d))} µs), ` +
        `${f((median(d) / 1000 / (base === offLabel ? offCpu : median(cpu(base)))) * 100, 1)} % of the ${base === offLabel ? 'bare gateway' : '"on, local"'}'s ${f(base === offLabel ? offCpu : median(cpu(base)), 2)} ms.${noise}`,
    );
  }
  conclusions.push(
    `- In process, without HTTP or execution, the edge admits the base query in **${f(r.edge.usPerAdmission['base']!)} µs CPU** and the removed-field query ` +
      `in ${f(r.edge.usPerAdmission['removed']!)} µs (${f(r.edge.usPerAdmission['removed']! - r.edge.usPerAdmission['base']!)} µs for finding and removing the field): ` +
      `the least access control adds per request, ${f((r.edge.usPerAdmission['base']! / 1000 / offCpu) * 100, 1)} % of the bare gateway's CPU per request.`,
  );
  conclusions.push(
    `- Signing the subgraph identity header costs ${f(r.sign.usPerSign, 1)} µs per fetch; it is in both variants, so it is not in the differences above.`,
  );
  conclusions.push(
    '- "on, Redis" differs from "on, local" by the rate limiter\'s Redis call (one script per request through node-redis; key lookups stay in the ' +
      "gateway's key cache)" +
      (r.edgeRedis === undefined
        ? '.'
        : `, measured in process at **${f(r.edgeRedis.usPerAdmission['base']! - r.edge.usPerAdmission['base']!)} µs CPU** per request ` +
          `(edge admission ${f(r.edgeRedis.usPerAdmission['base']!)} µs with Redis against ${f(r.edge.usPerAdmission['base']!)} µs local); the larger load-test ` +
          'difference above is within its noise.'),
  );
  const upCpu = median((r.throughput.get(offLabel) ?? []).map((s) => s.upstreamCpuMsPerRequest));
  if (upCpu > offCpu) {
    conclusions.push(
      `- Throughput in this run is bounded by the simulators + subgraphs (${f(upCpu, 2)} ms CPU per request on CPU 0, shared with autocannon, against ` +
        `${f(offCpu, 2)} ms for the gateway on CPU 1): req/s and latency differ little between variants because the gateway core is not saturated. ` +
        'The gateway CPU per request is the figure that carries over to a gateway-bound deployment.',
    );
  }
  const report = [
    '# Access control overhead: the gateway with its edge on vs off',
    '',
    `Run ${new Date().toISOString()} on ${cpus().length}× ${cpus()[0]?.model ?? 'unknown CPU'}, ${f(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}; generated by \`npm run bench:access-control${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` (bench/access-control-overhead.ts).`,
    '',
    '## Method',
    '',
    '- Same supergraph (`schema/supergraph.graphql`), same subgraphs, same query, in one run; variants in rotating order, ' +
      `${reps} repetitions, medians with (min–max). Simulators (dataset scale ${values.scale}, ${r.skuCount} SKUs, budgets off) and the four subgraphs in one process on CPU 0; ` +
      'each gateway in its own process on CPU 1 (`taskset -c 1`), `NODE_ENV=production`, `APOLLO_TELEMETRY_DISABLED=1`, the gateways at `LOG_LEVEL=info` (an access-log line per request, as in production; tracing off, its default; load shedding and the per-key in-flight cap out of the way), the upstreams at `warn`; autocannon on CPU 0.',
    '- **off**: `bench/access-control/bare-gateway.ts`, ApolloGateway + ApolloServer (default options) on node:http, no edge; it uses the production ' +
      '`SubgraphDataSource` (the subgraphs refuse unsigned requests) with a fixed partner identity, so signing is in both variants (measured separately below). ' +
      'This is also performance.md\'s "plain @apollo/gateway" baseline.',
    '- **on, local**: `gateway/src/index.ts`, file key store (temp dir), in-process rate limiter. **on, Redis**: the same with `REDIS_URL` ' +
      '(key store under a per-run prefix, Redis Lua rate limiter; keys removed afterwards). Key: partner, `catalog:read stock:read`, rate and cost limits far above the load.',
    `- Query: \`products(skus: $skus) { sku name listPrice { gross { amount } } stock { available location { code } } }\` with ${SKUS_PER_QUERY} SKUs; ` +
      `${BODY_VARIANTS} bodies with different random SKU lists, rotated per request (no two consecutive requests alike). The subgraphs' in-memory caches ` +
      'are warm after the warm-up in every variant alike; they sit on CPU 0 and do not enter the gateway CPU figure.',
    '- "removed field": the same query plus `customer(id: …) { name }` at the root, which the key may not read; filter mode removes it and answers the rest with one FORBIDDEN error. ' +
      'After removal the executed operation is the base query, so its cost is compared with "on, local" on the base query.',
    `- Throughput: closed loop, ${connections} connections, ${seconds} s per sample (${warmupSeconds} s warm-up per variant first). Latency added: 1 connection, ${latencySeconds} s per sample. ` +
      "Latency figures are autocannon's (1 ms resolution). Gateway CPU ms/request = (utime + stime of the gateway process, /proc/<pid>/stat, 10 ms ticks) ÷ completed requests.",
    '- Every response is checked: status 200 and, for the base query, `data.products` without `errors`; for the removed-field query exactly the one error on `customer`. ' +
      'The last column counts connection errors, timeouts, non-2xx and failed checks; a sample with any is invalid.',
    ...r.notes.map((n) => `- ${n}`),
    ...warningNotes,
    '',
    '## Results',
    '',
    `| variant | req/s @${connections} | gateway CPU ms / req | upstreams CPU ms / req | p50 ms @${connections} | p99 ms @${connections} | p50 ms @1 | p99 ms @1 | peak RSS MB | invalid |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    '## Cost per request',
    '',
    '| difference | CPU µs / request (paired per rep) | CPU ratio (paired) | req/s ratio | p50 added @1, ms |',
    '|---|---:|---:|---:|---:|',
    ...costRows,
    '',
    '## Conclusions',
    '',
    ...conclusions,
    '',
    `Edge admission in process (\`createEdge\` as the gateway builds it: cached memory key store, local rate limiter; \`bench/access-control/edge-micro.ts\`, bench process, 3 s per body set): ` +
      `base query ${f(r.edge.usPerAdmission['base']!, 1)} µs CPU per request (${r.edge.iterations['base']} admissions), removed-field query ${f(r.edge.usPerAdmission['removed']!, 1)} µs (${r.edge.iterations['removed']})` +
      (r.edgeRedis === undefined
        ? '.'
        : `; with the rate limiter on Redis (one script call per admission, sequential) the base query takes ${f(r.edgeRedis.usPerAdmission['base']!, 1)} µs (${r.edgeRedis.iterations['base']} admissions), so the Redis call costs ${f(r.edgeRedis.usPerAdmission['base']! - r.edge.usPerAdmission['base']!, 1)} µs of gateway CPU.`),
    '',
    `Signing the identity header (\`signIdentity\`, in both variants): ${f(r.sign.usPerSign, 1)} µs CPU per call over a ${SKUS_PER_QUERY}-SKU request body ` +
      `(${r.sign.iterations} calls, bench process); this query makes one subgraph fetch (ERP), so one signature per request.`,
    '',
  ].join('\n');
  mkdirSync(here('./results/'), { recursive: true });
  writeFileSync(here('./results/access-control-overhead.md'), report);
  console.log(`\n${report}`);
}

await main();
process.exit(0);
