import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseEnv } from '../config/index.ts';
import { createUpstreamBudgetFromEnv, upstreamBudgetEnvShape, upstreamBudgetOptionsFromConfig } from './index.ts';
import type { UpstreamBudgetGate } from './index.ts';

function issuesOf(run: () => unknown): Array<[string, string]> {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => [i.path, i.message]);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('upstream budget configuration', () => {
  const gates: UpstreamBudgetGate[] = [];
  afterEach(async () => {
    for (const gate of gates.splice(0)) await gate.close();
  });

  // As a subgraph's config.ts uses it: spread into its own schema.
  const crmLike = z.object({ CRM_PORT: z.coerce.number().default(4003), ...upstreamBudgetEnvShape('hubspot') });

  it("defaults to each product's real limits, and to no budget where the product has none", () => {
    const config = parseEnv('crm', crmLike, {});
    expect(upstreamBudgetOptionsFromConfig(['hubspot'], config)).toEqual({
      buckets: { 'hubspot:all': { limit: 190, windowMs: 10_000 }, 'hubspot:search': { limit: 5, windowMs: 1_000 } },
      bulkShare: 0.6,
      replicas: 1,
      timeoutMs: 100,
      maxWaitMs: { interactive: 2_000, bulk: 250 },
      windowMarginMs: 100,
    });
    const all = z.object({
      ...upstreamBudgetEnvShape('allegro'),
      ...upstreamBudgetEnvShape('woocommerce'),
      ...upstreamBudgetEnvShape('odoo'),
    });
    expect(upstreamBudgetOptionsFromConfig(['allegro', 'woocommerce', 'odoo'], parseEnv('x', all, {})).buckets).toEqual({
      'allegro:all': { limit: 9_000, windowMs: 60_000 },
      'allegro:shipments': { limit: 50, windowMs: 1_000 },
    });
    expect(
      upstreamBudgetOptionsFromConfig(
        ['woocommerce', 'odoo'],
        parseEnv('x', all, { WOOCOMMERCE_BUDGET_REQUESTS_PER_MINUTE: '600', ODOO_BUDGET_REQUESTS_PER_MINUTE: ' 1200 ' }),
      ).buckets,
    ).toEqual({ 'woocommerce:all': { limit: 600, windowMs: 60_000 }, 'odoo:all': { limit: 1_200, windowMs: 60_000 } });
  });

  it('takes other plans and `off`', () => {
    const config = parseEnv('crm', crmLike, {
      HUBSPOT_BUDGET_REQUESTS_PER_10S: '100',
      HUBSPOT_BUDGET_SEARCHES_PER_SECOND: 'off',
      UPSTREAM_BUDGET_BULK_SHARE: '0.5',
      UPSTREAM_BUDGET_REPLICAS: '3',
    });
    expect(upstreamBudgetOptionsFromConfig(['hubspot'], config)).toMatchObject({
      buckets: { 'hubspot:all': { limit: 100, windowMs: 10_000 } },
      bulkShare: 0.5,
      replicas: 3,
    });
  });

  it('reports every bad variable at once, without its value', () => {
    const issues = issuesOf(() =>
      parseEnv('crm', crmLike, {
        HUBSPOT_BUDGET_REQUESTS_PER_10S: '0',
        HUBSPOT_BUDGET_SEARCHES_PER_SECOND: '4.5',
        UPSTREAM_BUDGET_BULK_SHARE: '60%',
        UPSTREAM_BUDGET_REPLICAS: '0',
        UPSTREAM_BUDGET_BULK_MAX_WAIT_MS: '-1',
      }),
    );
    expect(issues.map(([path]) => path).sort()).toEqual([
      'HUBSPOT_BUDGET_REQUESTS_PER_10S',
      'HUBSPOT_BUDGET_SEARCHES_PER_SECOND',
      'UPSTREAM_BUDGET_BULK_MAX_WAIT_MS',
      'UPSTREAM_BUDGET_BULK_SHARE',
      'UPSTREAM_BUDGET_REPLICAS',
    ]);
    expect(issues.find(([path]) => path === 'HUBSPOT_BUDGET_REQUESTS_PER_10S')?.[1]).toBe('expected a whole number ≥ 1, or off');
    expect(issues.flat().join(' ')).not.toContain('60%');
  });

  it('lists its variables in the schema it is spread into, for the .env.example check', () => {
    expect(Object.keys(crmLike.shape).sort()).toEqual([
      'CRM_PORT',
      'HUBSPOT_BUDGET_REQUESTS_PER_10S',
      'HUBSPOT_BUDGET_SEARCHES_PER_SECOND',
      'UPSTREAM_BUDGET_BULK_MAX_WAIT_MS',
      'UPSTREAM_BUDGET_BULK_SHARE',
      'UPSTREAM_BUDGET_INTERACTIVE_MAX_WAIT_MS',
      'UPSTREAM_BUDGET_REDIS_TIMEOUT_MS',
      'UPSTREAM_BUDGET_REPLICAS',
      'UPSTREAM_BUDGET_WINDOW_MARGIN_MS',
    ]);
  });

  it('builds a gate that enforces what the env says, and leaves unbudgeted products alone', async () => {
    const gate = await createUpstreamBudgetFromEnv({
      products: ['odoo', 'woocommerce'],
      env: { ODOO_BUDGET_REQUESTS_PER_MINUTE: '2', UPSTREAM_BUDGET_BULK_MAX_WAIT_MS: '0' },
    });
    gates.push(gate);
    const odoo = () => gate.acquire({ buckets: ['odoo:all'], priority: 'interactive', maxWaitMs: 0 });
    expect([(await odoo()).granted, (await odoo()).granted, (await odoo()).granted]).toEqual([true, true, false]);
    for (let i = 0; i < 50; i++) {
      expect(await gate.acquire({ buckets: ['woocommerce:all'], priority: 'bulk', maxWaitMs: 0 })).toEqual({ granted: true });
    }
    await expect(createUpstreamBudgetFromEnv({ products: ['allegro'], env: { ALLEGRO_BUDGET_REQUESTS_PER_MINUTE: 'lots' } })).rejects.toThrow(
      ConfigError,
    );
  });
});
