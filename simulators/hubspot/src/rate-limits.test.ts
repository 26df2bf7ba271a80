import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, HUBSPOT_DEFAULT_RATE_LIMIT } from './config.ts';
import { createHubSpotSimulator } from './create-hubspot-simulator.ts';
import { startHubSpot, TEST_SCALE, type TestClient } from './test-support.ts';

const searchBody = { filterGroups: [{ filters: [{ propertyName: 'loyalty_tier', operator: 'EQ', value: 'gold' }] }], limit: 1 };

describe('HubSpot rate limits', () => {
  let c: TestClient | undefined;
  afterEach(async () => {
    await c?.sim.close();
    c = undefined;
  });

  it('defaults to 190 requests per 10 s and 5 searches per second', () => {
    const sim = createHubSpotSimulator({ scale: TEST_SCALE });
    expect(sim.control.knobs().rateLimit).toEqual(HUBSPOT_DEFAULT_RATE_LIMIT);
    expect(HUBSPOT_DEFAULT_RATE_LIMIT).toEqual({ limit: 190, windowMs: 10_000 });
    void sim.close();
  });

  it('sends X-HubSpot-RateLimit-* headers on every answer and counts the daily budget down', async () => {
    c = await startHubSpot({ knobs: { rateLimit: { limit: 190, windowMs: 10_000 } } });
    const first = await c.call('GET', '/crm/v3/objects/contacts?limit=1');
    expect(first.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    expect(first.headers.get('x-hubspot-ratelimit-max')).toBe('190');
    expect(first.headers.get('x-hubspot-ratelimit-remaining')).toBe('189');
    expect(first.headers.get('x-hubspot-ratelimit-daily')).toBe('650000');
    expect(first.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('649999');
    const second = await c.call('GET', '/crm/v3/objects/contacts/999999999999');
    expect(second.status).toBe(404);
    expect(second.headers.get('x-hubspot-ratelimit-remaining')).toBe('188');
    expect(second.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('649998');
  });

  it('answers over budget with 429 TEN_SECONDLY_ROLLING, the headers and Retry-After', async () => {
    c = await startHubSpot();
    const config = await c.admin('PATCH', '/config', { rateLimit: { limit: 3, windowMs: 10_000 } });
    expect(config.status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await c.call('GET', '/crm/v3/objects/contacts?limit=1')).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await c.call('GET', '/crm/v3/objects/contacts?limit=1');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      policyName: 'TEN_SECONDLY_ROLLING',
      groupName: `publicapi:private-app:${DEFAULT_CREDENTIALS.portalId}`,
    });
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-hubspot-ratelimit-max')).toBe('3');
    expect(limited.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(9);
    // the daily budget only counts admitted requests
    expect(limited.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('649997');
  });

  it('limits search separately: 429 SECONDLY without the standard headers', async () => {
    c = await startHubSpot({ searchRateLimit: { limit: 5, windowMs: 1_000 }, knobs: { rateLimit: HUBSPOT_DEFAULT_RATE_LIMIT } });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i += 1) {
      last = await c.call('POST', '/crm/v3/objects/contacts/search', searchBody);
      statuses.push(last.status);
      if (i < 5) {
        expect(last.headers.get('x-hubspot-ratelimit-remaining')).toBeNull();
        expect(last.headers.get('x-hubspot-ratelimit-daily')).toBeNull();
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await last!.json()).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'SECONDLY',
      message: 'You have reached your secondly limit.',
    });
    expect(last!.headers.get('retry-after')).toBe('1');
    expect(last!.headers.get('x-hubspot-ratelimit-remaining')).toBeNull();
    // the general budget is untouched by the search limit
    expect((await c.call('GET', '/crm/v3/objects/contacts?limit=1')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_050));
    expect((await c.call('POST', '/crm/v3/objects/contacts/search', searchBody)).status).toBe(200);
  });

  it('lets the search budget be changed or switched off through the admin path', async () => {
    c = await startHubSpot({ searchRateLimit: { limit: 5, windowMs: 1_000 } });
    const res = await c.admin('PUT', '/search-rate-limit', { limit: 1, windowMs: 60_000 });
    expect(res.status).toBe(200);
    expect((await c.call('POST', '/crm/v3/objects/contacts/search', searchBody)).status).toBe(200);
    expect((await c.call('POST', '/crm/objects/2026-03/contacts/search', searchBody)).status).toBe(429);
    await c.admin('PUT', '/search-rate-limit', null);
    expect((await c.call('POST', '/crm/v3/objects/contacts/search', searchBody)).status).toBe(200);
    expect((await c.admin('PUT', '/search-rate-limit', { limit: 0 })).status).toBe(400);
  });

  it('renders an injected rate_limit fault with the same 429 body and headers', async () => {
    c = await startHubSpot({ knobs: { rateLimit: HUBSPOT_DEFAULT_RATE_LIMIT } });
    await c.admin('POST', '/faults', { kind: 'rate_limit', count: 1 });
    const res = await c.call('GET', '/crm/v3/objects/contacts?limit=1');
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect((await c.call('GET', '/crm/v3/objects/contacts?limit=1')).status).toBe(200);
  });

  it('renders injected 5xx faults as HubSpot errors', async () => {
    c = await startHubSpot();
    await c.admin('POST', '/faults', { kind: 'status', status: 502, count: 1 });
    const res = await c.call('GET', '/crm/v3/objects/contacts?limit=1');
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ status: 'error', correlationId: expect.any(String) });
  });
});
