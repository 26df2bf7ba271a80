/**
 * Helpers for the contract tests: a simulator on port 0 and a fetch wrapper that authenticates like a client.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWooCommerceSimulator, type CreateWooCommerceSimulatorOptions, type WooCommerceSimulator } from './create-woocommerce-simulator.ts';

export interface Harness {
  sim: WooCommerceSimulator;
  base: string;
  /** fetch against /wp-json/wc/v3 with the read/write key (Basic auth) unless `auth` says otherwise */
  api(path: string, init?: RequestInit & { auth?: 'rw' | 'ro' | 'none' | string; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export async function startHarness(options: CreateWooCommerceSimulatorOptions = {}): Promise<Harness> {
  const sim = createWooCommerceSimulator({ scale: 0.2, webhookTimeoutMs: 2_000, ...options });
  const base = await sim.listen(0);
  const c = sim.woo.credentials;
  return {
    sim,
    base,
    api(path, init = {}) {
      const { auth = 'rw', json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (auth === 'rw') headers.set('authorization', basic(c.consumerKey, c.consumerSecret));
      else if (auth === 'ro') headers.set('authorization', basic(c.readOnlyConsumerKey, c.readOnlyConsumerSecret));
      else if (auth !== 'none') headers.set('authorization', auth);
      let body = rest.body;
      if (json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(json);
      }
      return fetch(`${base}/wp-json/wc/v3${path}`, { ...rest, headers, ...(body === undefined ? {} : { body }) });
    },
    close: () => sim.close(),
  };
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** the raw bytes as sent, for signature checks */
  raw: Buffer;
}

export interface Receiver {
  url: string;
  received: ReceivedRequest[];
  /** status the receiver answers with from now on */
  respondWith(status: number): void;
  /** keeps every answer pending until release() */
  hold(): void;
  release(): void;
  waitFor(predicate: (r: ReceivedRequest) => boolean, timeoutMs?: number): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

/** A tiny webhook receiver on port 0. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  let status = 200;
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks) });
      void gate.then(() => {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end('ok');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/woo`,
    received,
    respondWith(next) {
      status = next;
    },
    hold() {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release() {
      open();
      gate = Promise.resolve();
    },
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = received.find(predicate);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`no matching webhook request within ${timeoutMs} ms; got ${received.length}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        open();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls the simulator's delivery log until `count` entries match. */
export async function waitForDeliveries(
  base: string,
  query: string,
  count: number,
  timeoutMs = 5_000,
): Promise<{ status: number | null; success: boolean; webhookStatus: string; failureCount: number; resourceId: number | null; kind: string }[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { deliveries } = await (await fetch(`${base}/__simulator/webhook-deliveries?${query}`)).json();
    if (deliveries.length >= count || Date.now() > deadline) return deliveries;
    await new Promise((r) => setTimeout(r, 10));
  }
}
