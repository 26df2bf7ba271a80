import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/create-http-client.ts';
import { mapAxiosErrorToUpstreamError } from '../errors/map-axios-error.ts';
import { startTestHttpServer } from '../testing/start-test-http-server.ts';
import { createLogger, LOG_FLUSH_INTERVAL_MS, REDACTED_KEYS, runWithLogContext, setDefaultLogDestination } from './create-logger.ts';

function captureLogger(level: 'info' | 'debug' = 'info') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      callback();
    },
  });
  const logger = createLogger({ name: 'erp', level, destination });
  return { logger, output: () => lines.join('\n'), records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes JSON lines with the service name and level', () => {
    const { logger, records } = captureLogger();
    logger.debug('hidden below info');
    logger.info({ requestId: 'r1' }, 'served');
    expect(records()).toEqual([expect.objectContaining({ name: 'erp', level: 30, requestId: 'r1', msg: 'served' })]);
  });

  it('redacts credentials and personal data wherever our logs put them', () => {
    const { logger, output } = captureLogger();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer REQ-TOKEN', cookie: 'sid=COOKIE', 'x-api-key': 'HEADER-KEY', accept: 'json' } },
        apiKey: 'TOP-KEY',
        customer: { email: 'jan@example.com', phone: '+48 600 000 000', name: 'kept' },
        upstream: { auth: { access_token: 'OAUTH-TOKEN' } },
        deep: { a: { b: { c: { Password: 'DEEP-PASSWORD', Authorization: 'Basic DEEP-AUTH' } } } },
      },
      'request',
    );
    const text = output();
    for (const secret of [
      'REQ-TOKEN',
      'COOKIE',
      'HEADER-KEY',
      'TOP-KEY',
      'jan@example.com',
      '600 000',
      'OAUTH-TOKEN',
      'DEEP-PASSWORD',
      'DEEP-AUTH',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[Redacted]');
    expect(text).toContain('kept');
    expect(REDACTED_KEYS).toContain('authorization');
  });

  it('logs an axios error and an UpstreamError without the credential header or query secrets', async () => {
    const server = await startTestHttpServer((_req, res) => {
      res.writeHead(500);
      res.end('boom');
    });
    try {
      const client = createHttpClient({ baseUrl: server.url, timeoutMs: 1_000, headers: { Authorization: 'Bearer AXIOS-TOKEN' } });
      let axiosError: unknown;
      try {
        await client.get('/wp-json/wc/v3/orders?consumer_secret=CS-SECRET');
      } catch (error) {
        axiosError = error;
      }
      const { logger, output, records } = captureLogger();
      logger.error({ err: axiosError }, 'upstream failed');
      logger.error({ err: mapAxiosErrorToUpstreamError(axiosError, { serviceName: 'eshop', operation: 'getOrders' }) }, 'mapped');
      expect(output()).not.toMatch(/AXIOS-TOKEN|CS-SECRET/);
      const [raw, mapped] = records();
      expect(raw?.['err']).toMatchObject({ type: 'AxiosError', method: 'GET', endpoint: '/wp-json/wc/v3/orders', status: 500 });
      expect(mapped?.['err']).toMatchObject({ type: 'UpstreamError', extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
    } finally {
      await server.close();
    }
  });

  it('logs a failed call to an e-mail URL (HubSpot contact by e-mail) by its endpoint template, not its path', async () => {
    const server = await startTestHttpServer((_req, res) => {
      res.writeHead(503);
      res.end('{"message":"contact anna.kowalska.zq7canary@example.pl unavailable"}');
    });
    try {
      const client = createHttpClient({ baseUrl: server.url, timeoutMs: 1_000 });
      let axiosError: unknown;
      try {
        await client.get(`/crm/v3/objects/contacts/${encodeURIComponent('anna.kowalska.zq7canary@example.pl')}`, { params: { idProperty: 'email' } });
      } catch (error) {
        axiosError = error;
      }
      const upstreamError = mapAxiosErrorToUpstreamError(axiosError, { serviceName: 'crm', operation: 'getContactByEmail' });
      const { logger, output, records } = captureLogger();
      // what the subgraphs' error formatter logs: the cause (the axios error) of the UpstreamError
      logger.warn({ err: axiosError, code: 'UPSTREAM_UNAVAILABLE' }, 'The crm service is unavailable.');
      logger.warn({ err: upstreamError }, 'mapped');
      expect(output()).not.toMatch(/zq7canary|kowalska|%40|@example/);
      expect(records()[0]?.['err']).toMatchObject({ method: 'GET', endpoint: '/crm/v3/objects/contacts/{id}', status: 503 });
      expect(records()[1]?.['err']).toMatchObject({ endpoint: '/crm/v3/objects/contacts/{id}', status: 503 });
    } finally {
      await server.close();
    }
  });

  it('scrubs e-mails and phone numbers from messages, fields and error messages of every line', () => {
    const { logger, output, records } = captureLogger();
    logger.info({ note: 'call +48 601 234 567 or jan@example.com', nested: { list: ['600-100-200'] } }, 'customer 0048 512 345 678 wrote');
    logger.error({ err: new Error('no contact for ewa.nowak.zq7canary@example.pl', { cause: new Error('phone 601234567') }) }, 'failed');
    const text = output();
    for (const personal of ['601 234 567', 'jan@example.com', '600-100-200', '512 345 678', 'ewa.nowak', 'zq7canary', '601234567']) {
      expect(text).not.toContain(personal);
    }
    expect(records()[0]).toMatchObject({ msg: 'customer [phone] wrote', note: 'call [phone] or [email]', nested: { list: ['[phone]'] } });
  });

  it('adds the request id (and, when tracing is on, the trace id) to every line written inside a request', () => {
    const { logger, records } = captureLogger();
    logger.info('outside');
    runWithLogContext({ requestId: 'req-1' }, () => logger.info('inside'));
    expect(records()[0]).not.toHaveProperty('requestId');
    expect(records()[1]).toMatchObject({ requestId: 'req-1', msg: 'inside' });
  });

  it('writes to the default destination an in-process stack sets, for loggers created without one', () => {
    const lines: string[] = [];
    setDefaultLogDestination(new Writable({ write: (chunk: Buffer, _e, cb) => (lines.push(chunk.toString()), cb()) }));
    try {
      createLogger({ name: 'crm' }).info('captured');
    } finally {
      setDefaultLogDestination(undefined);
    }
    expect(lines.join('')).toContain('"msg":"captured"');
  });
});

/**
 * Runs `body` in a child process (Node, ES module) with `createLogger` and `flushLogs` imported, and collects its
 * stdout lines with the milliseconds since spawn at which each arrived.
 */
function runChild(body: string): Promise<{ lines: { at: number; text: string }[]; code: number | null }> {
  const module = new URL('./create-logger.ts', import.meta.url).href;
  const source = `import { createLogger, flushLogs } from ${JSON.stringify(module)};\n${body}`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const started = performance.now();
  const lines: { at: number; text: string }[] = [];
  let rest = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split('\n');
    rest = parts.pop()!;
    for (const text of parts) lines.push({ at: performance.now() - started, text });
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ lines, code })));
}

describe('createLogger to stdout (buffered, asynchronous)', () => {
  it("lets an idle process's line out within the flush interval, not only once 4 KB have gathered", async () => {
    // the child logs one line, then stays up (idle) for 2 s and prints when it did
    const { lines } = await runChild(`
      const loggedAt = performance.now();
      createLogger({ name: 'erp' }).info('listening on http://127.0.0.1:4001/graphql');
      setTimeout(() => console.log('LOGGED_AT ' + loggedAt), 2_000);
    `);
    const line = lines.find((l) => l.text.includes('listening on'));
    const end = lines.find((l) => l.text.startsWith('LOGGED_AT'));
    expect(line).toBeDefined();
    expect(end).toBeDefined();
    // arrived well before the child's 2 s were up: the timer flushed it (with room for a loaded box)
    expect(line!.at).toBeLessThan(end!.at - 1_000);
    expect(LOG_FLUSH_INTERVAL_MS).toBeLessThanOrEqual(250);
  });

  it('writes every buffered line before the process exits, in order, from every logger', async () => {
    const { lines, code } = await runChild(`
      const erp = createLogger({ name: 'erp' });
      const other = createLogger({ name: 'crm' });
      for (let i = 0; i < 300; i += 1) (i % 2 === 0 ? erp : other).info({ i }, 'line');
      process.exit(3);
    `);
    expect(code).toBe(3);
    const records = lines.map((l) => JSON.parse(l.text) as { i: number; name: string });
    expect(records.map((r) => r.i)).toEqual([...Array(300).keys()]);
    expect(records[1]?.name).toBe('crm');
  });

  it('holds a line back (no write per line), and writes what it holds when flushLogs is called', async () => {
    const { lines } = await runChild(`
      import { writeSync } from 'node:fs';
      createLogger({ name: 'stack' }).info('gateway listening');
      writeSync(1, 'BEFORE THE FLUSH\\n');
      flushLogs();
      writeSync(1, 'BANNER\\n');
      setTimeout(() => {}, 300);
    `);
    const texts = lines.map((l) => (l.text.startsWith('{') ? (JSON.parse(l.text) as { msg: string }).msg : l.text));
    expect(texts).toEqual(['BEFORE THE FLUSH', 'gateway listening', 'BANNER']);
  });
});
