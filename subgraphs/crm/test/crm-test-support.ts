/**
 * Shared set-up of the crm integration tests: the simulator stack (HubSpot's general budget off, so counting tests
 * are not throttled), an HTTP client aimed at it, and helpers for counters and the search budget.
 */
import { DEFAULT_CREDENTIALS } from '@omnigraph/simulator-hubspot';
import { startSimulatorStack, type SimulatorStack } from '@omnigraph/simulator-stack';
import type { UpstreamPolicies } from '@omnigraph/shared/upstream';
import type { CrmServer } from '../src/create-crm-server.ts';
import { createCrmClient } from '../src/upstream/create-crm-client.ts';
import type { CrmClient } from '../src/upstream/crm-client.ts';

export const HUBSPOT_TOKEN = DEFAULT_CREDENTIALS.token;

export const BATCH_READ = 'POST /crm/v3/objects/contacts/batch/read';
export const SEARCH = 'POST /crm/v3/objects/contacts/search';
export const GET_ONE = 'GET /crm/v3/objects/contacts/:objectId';

export const DEMO = {
  anna: { id: '10000000001', email: 'anna.kowalska@example.pl', login: 'ania_kowalska88' },
  tomasz: { id: '10000000002', email: 'tomasz.wisniewski@example.pl' },
  katarzyna: { id: '10000000003', email: 'k.zielinska@example.pl' },
  marek: { id: '10000000004', email: 'marek.lewandowski@example.pl', login: 'marek_lew77' },
} as const;

export async function startCrmTestStack(): Promise<SimulatorStack> {
  const stack = await startSimulatorStack({ scale: 0.3, knobs: { hubspot: { rateLimit: null } } });
  await setSearchRateLimit(stack, null);
  return stack;
}

export function createTestCrmClient(
  stack: SimulatorStack,
  options: { timeoutMs?: number; token?: string; policies?: UpstreamPolicies } = {},
): CrmClient {
  return createCrmClient({
    baseUrl: stack.urls.hubspot,
    accessToken: options.token ?? HUBSPOT_TOKEN,
    timeoutMs: options.timeoutMs ?? 2_000,
    ...(options.policies === undefined ? {} : { policies: options.policies }),
  });
}

/** The separate search budget (HubSpot: 5 per second); null switches it off. */
export async function setSearchRateLimit(stack: SimulatorStack, limit: { limit: number; windowMs: number } | null): Promise<void> {
  const res = await fetch(`${stack.urls.hubspot}/__simulator/search-rate-limit`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(limit),
  });
  if (!res.ok) throw new Error(`search-rate-limit: ${res.status} ${await res.text()}`);
}

export function hubspotCalls(stack: SimulatorStack, endpoint: string): number {
  return stack.hubspot.control.counters().endpoints[endpoint] ?? 0;
}

/** Ids of the first `count` contacts, read straight from the simulator's list endpoint. */
export async function listContactIds(stack: SimulatorStack, count: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  while (ids.length < count) {
    const url = new URL('/crm/v3/objects/contacts', stack.urls.hubspot);
    url.searchParams.set('limit', '100');
    if (after) url.searchParams.set('after', after);
    const res = await fetch(url, { headers: { Authorization: `Bearer ${HUBSPOT_TOKEN}` } });
    const body = (await res.json()) as { results: { id: string }[]; paging?: { next?: { after: string } } };
    ids.push(...body.results.map((r) => r.id));
    after = body.paging?.next?.after;
    if (!after) break;
  }
  return ids.slice(0, count);
}

export interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** One operation on the crm server, with a fresh per-request context. */
export async function executeOn(crm: CrmServer, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> {
  const response = await crm.server.executeOperation({ query, variables }, { contextValue: crm.createContext() });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as GraphQLResult;
}
