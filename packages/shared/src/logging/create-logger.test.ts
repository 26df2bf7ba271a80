import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/create-http-client.ts';
import { mapAxiosErrorToUpstreamError } from '../errors/map-axios-error.ts';
import { startTestHttpServer } from '../testing/start-test-http-server.ts';
import { createLogger, REDACTED_KEYS, runWithLogContext, setDefaultLogDestination } from './create-logger.ts';

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
