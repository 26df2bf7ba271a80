import { afterAll, describe, expect, it } from 'vitest';
import { startTestHttpServer, type TestHttpServer } from '@omnigraph/shared/testing';
import { loadGatewayConfig, SUBGRAPH_NAMES, type SubgraphName } from './config.ts';
import { checkGatewayReadiness } from './readiness.ts';

/** A stand-in subgraph: answers any POST (the signed query) with 200 and `GET /readyz` with `readyz`, or nothing at all. */
interface FakeSubgraph {
  readyz: { status: number; body: unknown };
  answers: boolean;
}

describe('checkGatewayReadiness', () => {
  const fakes = {} as Record<SubgraphName, FakeSubgraph>;
  const servers: TestHttpServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  async function config() {
    const urls: Record<string, string> = {};
    for (const name of SUBGRAPH_NAMES) {
      fakes[name] = { readyz: { status: 200, body: { status: 'ready' } }, answers: true };
      const server = await startTestHttpServer((req, res) => {
        const fake = fakes[name];
        if (!fake.answers) return void req.socket.destroy();
        if (req.method === 'GET' && req.url === '/readyz') {
          res.writeHead(fake.readyz.status, { 'content-type': 'application/json' }).end(JSON.stringify(fake.readyz.body));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"__typename":"Query"}}');
      });
      servers.push(server);
      urls[`${name.toUpperCase()}_URL`] = `${server.url}/graphql`;
    }
    return loadGatewayConfig({ ...urls, OMNIGRAPH_SUBGRAPH_SECRET: 's'.repeat(40) });
  }

  it('ready → degraded (200) with the upstream word → failing (503) naming an unreachable subgraph; draining keeps it ready', async () => {
    const cfg = await config();
    expect(await checkGatewayReadiness(cfg)).toEqual({
      status: 'ready',
      subgraphs: { erp: 'ready', eshop: 'ready', crm: 'ready', marketplace: 'ready', commands: 'ready', pricing: 'ready' },
      upstreams: {},
    });

    fakes.crm.readyz = { status: 200, body: { status: 'degraded', upstream: 'upstream_unavailable', detail: 'status_503' } };
    expect(await checkGatewayReadiness(cfg)).toEqual({
      status: 'degraded',
      subgraphs: { erp: 'ready', eshop: 'ready', crm: 'degraded', marketplace: 'ready', commands: 'ready', pricing: 'ready' },
      upstreams: { crm: 'upstream_unavailable' },
    });

    // one replica of a subgraph leaving (rolling update): named, but no reason to take the gateway out of rotation
    fakes.erp.readyz = { status: 503, body: { status: 'draining' } };
    expect(await checkGatewayReadiness(cfg)).toMatchObject({ status: 'degraded', subgraphs: { erp: 'draining', crm: 'degraded' } });
    fakes.crm.readyz = { status: 200, body: { status: 'ready' } };
    expect(await checkGatewayReadiness(cfg)).toMatchObject({ status: 'ready', subgraphs: { erp: 'draining' } });

    fakes.marketplace.answers = false;
    expect(await checkGatewayReadiness(cfg)).toMatchObject({ status: 'failing', subgraphs: { marketplace: 'unreachable' } });
  });

  it('passes on status words only, never what else a subgraph put in its answer', async () => {
    const cfg = await config();
    fakes.eshop.readyz = { status: 200, body: { status: 'degraded', upstream: 'http://secret-host:8080/x', detail: 'x' } };
    const answer = await checkGatewayReadiness(cfg);
    expect(answer).toMatchObject({ status: 'degraded', subgraphs: { eshop: 'degraded' }, upstreams: {} });
    expect(JSON.stringify(answer)).not.toContain('secret-host');
  });
});
