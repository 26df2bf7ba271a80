import type { Simulator } from '@omnigraph/simulator-core';
import { DEFAULT_CREDENTIALS } from './config.ts';
import { createHubSpotSimulator, type CreateHubSpotSimulatorOptions } from './create-hubspot-simulator.ts';

/** Shared helpers for the contract tests: a simulator on port 0 and a fetch wrapper that sends the bearer token. */

export const TOKEN = DEFAULT_CREDENTIALS.token;
export const TEST_SCALE = 0.2;

export interface TestClient {
  sim: Simulator;
  base: string;
  /** authenticated JSON request; `body` is JSON-encoded */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** same, returning status and parsed JSON body (null for an empty body) */
  json<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }>;
  admin(method: string, path: string, body?: unknown): Promise<Response>;
}

/**
 * Starts a simulator with the general and search budgets off unless a test asks for them, so unrelated tests never
 * trip a 429.
 */
export async function startHubSpot(options: CreateHubSpotSimulatorOptions = {}): Promise<TestClient> {
  const sim = createHubSpotSimulator({ scale: TEST_SCALE, searchRateLimit: null, ...options, knobs: { rateLimit: null, ...options.knobs } });
  const base = await sim.listen(0);
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  return {
    sim,
    base,
    call,
    async json<T>(method: string, path: string, body?: unknown) {
      const res = await call(method, path, body);
      const text = await res.text();
      return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as T, headers: res.headers };
    },
    admin: (method: string, path: string, body?: unknown) =>
      fetch(`${base}/__simulator${path}`, {
        method,
        ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
      }),
  };
}

export interface WireRecord {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, { value: string; timestamp: string; sourceType: string }[]>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  associations?: Record<string, { results: { id: string; type: string }[] }>;
}

export interface Page {
  results: WireRecord[];
  paging?: { next: { after: string; link?: string } };
  total?: number;
}

/** Polls until `check` returns a value, for asynchronous webhook deliveries. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
