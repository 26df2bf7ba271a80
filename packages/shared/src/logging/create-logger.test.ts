import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/create-http-client.ts';
import { mapAxiosErrorToUpstreamError } from '../errors/map-axios-error.ts';
import { startTestHttpServer } from '../testing/start-test-http-server.ts';
import { createLogger, REDACT_PATHS } from './create-logger.ts';

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
      },
      'request',
    );
    const text = output();
    for (const secret of ['REQ-TOKEN', 'COOKIE', 'HEADER-KEY', 'TOP-KEY', 'jan@example.com', '600 000', 'OAUTH-TOKEN']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[Redacted]');
    expect(text).toContain('kept');
    expect(REDACT_PATHS).toContain('req.headers.authorization');
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
      expect(raw?.['err']).toMatchObject({ type: 'AxiosError', method: 'GET', path: '/wp-json/wc/v3/orders', status: 500 });
      expect(mapped?.['err']).toMatchObject({ type: 'UpstreamError', extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
    } finally {
      await server.close();
    }
  });
});
