import { createServer } from 'node:net';
import { Counter } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { metricsRegistry } from '../metrics/index.ts';
import { startMetricsListener } from './metrics-listener.ts';
import { listenOn } from './listen.ts';
import { listenPortEnv, serviceEnvShape, serviceSettingsOf } from './service-env.ts';
import { createServer as createHttpServer } from 'node:http';

describe('startMetricsListener', () => {
  it('serves the process registry at GET /metrics and nothing else', async () => {
    const counter = new Counter({ name: 'service_kit_test_total', help: 'a test counter', registers: [metricsRegistry] });
    counter.inc(3);
    const listener = await startMetricsListener({ host: '127.0.0.1', port: 0, role: 'TEST' });
    try {
      expect(listener.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const res = await fetch(listener.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(metricsRegistry.contentType);
      expect(await res.text()).toContain('service_kit_test_total 3');
      for (const path of ['/', '/graphql', '/healthz', '/metrics/extra']) {
        expect((await fetch(new URL(path, listener.url))).status).toBe(404);
      }
      expect((await fetch(listener.url, { method: 'POST' })).status).toBe(404);
    } finally {
      await listener.close();
      metricsRegistry.removeSingleMetric('service_kit_test_total');
    }
  });

  it('names the variable when its port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      await expect(startMetricsListener({ host: '127.0.0.1', port, role: 'ERP' })).rejects.toMatchObject({
        name: 'ListenError',
        variable: 'ERP_METRICS_PORT',
        message: `ERP_METRICS_PORT=${port}: port already in use (on 127.0.0.1)`,
      });
    } finally {
      taken.close();
    }
  });
});

describe('listenOn', () => {
  it('names the host variable for an address this machine does not have', async () => {
    const server = createHttpServer();
    await expect(listenOn(server, { host: '203.0.113.7', port: 0, hostVariable: 'CRM_HOST', portVariable: 'CRM_PORT' })).rejects.toMatchObject({
      variable: 'CRM_HOST',
      message: 'CRM_HOST=203.0.113.7: no such address on this machine',
    });
  });
});

describe('serviceEnvShape', () => {
  const schema = z.object({ ERP_PORT: listenPortEnv(4001), ...serviceEnvShape('ERP', { metricsPort: 9401 }) });

  it('defaults to loopback, the role metrics port, a 5 s delay and a 20 s grace', () => {
    expect(serviceSettingsOf('ERP', schema.parse({}))).toEqual({
      role: 'ERP',
      host: '127.0.0.1',
      metrics: { host: '127.0.0.1', port: 9401 },
      shutdown: { delayMs: 5_000, graceMs: 20_000 },
    });
  });

  it('takes `off` for no metrics listener and 0 for a free port', () => {
    expect(serviceSettingsOf('ERP', schema.parse({ ERP_METRICS_PORT: 'off' })).metrics).toBeUndefined();
    expect(serviceSettingsOf('ERP', schema.parse({ ERP_METRICS_PORT: '0', ERP_HOST: '0.0.0.0' }))).toMatchObject({
      host: '0.0.0.0',
      metrics: { port: 0 },
    });
  });

  it('reports every bad variable with what is wrong', () => {
    const result = schema.safeParse({ ERP_PORT: 'abc', ERP_METRICS_PORT: 'on', ERP_SHUTDOWN_DELAY_MS: '-1', ERP_HOST: ' ' });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual([
      'ERP_PORT: must be a port number, 0–65535 (0 = any free port)',
      'ERP_HOST: must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0',
      'ERP_METRICS_PORT: must be a port number, 0–65535 (0 = any free port), or `off`',
      'ERP_SHUTDOWN_DELAY_MS: must be a whole number of milliseconds, 0–600000',
    ]);
  });
});
