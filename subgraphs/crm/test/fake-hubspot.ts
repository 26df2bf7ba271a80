/**
 * A fake HubSpot for contract tests: answers each request with a recorded fixture in HubSpot's exact wire JSON, and
 * keeps what it was asked, so a test checks both sides of the contract through the real adapter (axios, the upstream
 * helper, the zod DTOs, the mappers). Anything not routed answers HubSpot's 404 body.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeHubSpotRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export type FakeHubSpotRoute = (request: FakeHubSpotRequest) => { status: number; body: unknown } | undefined;

export interface FakeHubSpot {
  url: string;
  requests: FakeHubSpotRequest[];
  close(): Promise<void>;
}

/** A fixture of `test/fixtures/hubspot/`, parsed. */
export function hubspotFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/hubspot/${name}`, import.meta.url), 'utf8'));
}

export async function startFakeHubSpot(route: FakeHubSpotRoute): Promise<FakeHubSpot> {
  const requests: FakeHubSpotRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const request: FakeHubSpotRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
      requests.push(request);
      const answer = route(request) ?? {
        status: 404,
        body: { status: 'error', message: 'resource not found', correlationId: '00000000-0000-4000-8000-000000000000', category: 'OBJECT_NOT_FOUND' },
      };
      res.writeHead(answer.status, { 'content-type': 'application/json;charset=utf-8' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
