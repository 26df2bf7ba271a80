import { describe, expect, it } from 'vitest';
import { tracingEnvShape } from '@omnigraph/shared/tracing';
import { ConfigError, parseEnv } from '@omnigraph/shared/config';
import { DEVELOPMENT_SUBGRAPH_SECRET } from '@omnigraph/shared/identity';
import { ERP_CONFIG_KEYS, ErpConfigSchema, parseErpConfig } from './config.ts';
import { DEFAULT_CHANNEL_ORDER_REFS } from './order-references.ts';

describe('parseErpConfig', () => {
  const valid = { ODOO_BASE_URL: 'http://odoo.invalid', ODOO_DATABASE: 'omnigraph', ODOO_API_KEY: 'key' };

  it('applies defaults for everything but the Odoo connection', () => {
    expect(parseErpConfig(valid)).toEqual({
      ...valid,
      ODOO_PROTOCOL: 'json2',
      ERP_PORT: 4001,
      ERP_HOST: '127.0.0.1',
      ERP_METRICS_HOST: '127.0.0.1',
      ERP_METRICS_PORT: 9401,
      ERP_SHUTDOWN_DELAY_MS: 5_000,
      ERP_SHUTDOWN_GRACE_MS: 20_000,
      ERP_TIMEOUT_MS: 5_000,
      ERP_MAX_RETRIES: 2,
      ERP_BREAKER_FAILURES: 5,
      ERP_BREAKER_HALF_OPEN_MS: 5_000,
      ERP_MAX_CONCURRENT_CALLS: 16,
      UPSTREAM_BUDGET_BULK_SHARE: 0.6,
      UPSTREAM_BUDGET_REPLICAS: 1,
      UPSTREAM_BUDGET_WINDOW_MARGIN_MS: 100,
      UPSTREAM_BUDGET_REDIS_TIMEOUT_MS: 100,
      UPSTREAM_BUDGET_BULK_MAX_WAIT_MS: 250,
      UPSTREAM_BUDGET_INTERACTIVE_MAX_WAIT_MS: 2_000,
      ERP_CACHE_TTL_SECONDS: 60,
      ERP_STOCK_CACHE_TTL_SECONDS: 5,
      ERP_MAX_STALE_CATALOGUE_SECONDS: 21_600,
      ERP_MAX_STALE_STOCK_SECONDS: 600,
      ERP_FRESHNESS_ENABLED: true,
      ERP_FRESHNESS_POLL_INTERVAL_MS: 1_000,
      ERP_FRESHNESS_OVERLAP_SECONDS: 30,
      ERP_SALE_ORDER_NAME_PATTERN: '^S\\d{5,}$',
      ERP_CHANNEL_ORDER_REFS: DEFAULT_CHANNEL_ORDER_REFS,
      ERP_PARTNER_PHONE_FIELDS: ['phone'],
      ERP_LOOKUP_CACHE_TTL_SECONDS: 30,
      ERP_SEARCH_INDEX_PAGE_SIZE: 2_000,
      ERP_SEARCH_INDEX_MAX_ENTRIES: 300_000,
      ERP_SEARCH_INDEX_REFRESH_SECONDS: 30,
      OMNIGRAPH_SUBGRAPH_SECRET: DEVELOPMENT_SUBGRAPH_SECRET,
    });
  });

  it('requires its own OMNIGRAPH_SUBGRAPH_SECRET in production, the development one otherwise', () => {
    expect(parseEnv('erp', ErpConfigSchema, valid).OMNIGRAPH_SUBGRAPH_SECRET).toBe(DEVELOPMENT_SUBGRAPH_SECRET);
    expect(() => parseEnv('erp', ErpConfigSchema, { ...valid, NODE_ENV: 'production' })).toThrow(
      /OMNIGRAPH_SUBGRAPH_SECRET: is required in production/,
    );
    const secret = 's'.repeat(32);
    expect(parseEnv('erp', ErpConfigSchema, { ...valid, NODE_ENV: 'production', OMNIGRAPH_SUBGRAPH_SECRET: secret }).OMNIGRAPH_SUBGRAPH_SECRET).toBe(
      secret,
    );
  });

  it('reports every problem at once, never the received values', () => {
    let error: unknown;
    try {
      parseErpConfig({ ODOO_API_KEY: '', ERP_TIMEOUT_MS: '-1', REDIS_URL: 'not a url' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const paths = (error as ConfigError).issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(['ERP_TIMEOUT_MS', 'ODOO_API_KEY', 'ODOO_BASE_URL', 'ODOO_DATABASE', 'REDIS_URL']);
    expect((error as ConfigError).message).not.toContain('not a url');
  });

  it('lists its keys for the .env.example check', () => {
    expect(ERP_CONFIG_KEYS).toEqual([
      'ODOO_BASE_URL',
      'ODOO_DATABASE',
      'ODOO_API_KEY',
      'ODOO_PROTOCOL',
      'ODOO_LOGIN',
      'ERP_PORT',
      'ERP_HOST',
      'ERP_METRICS_HOST',
      'ERP_METRICS_PORT',
      'ERP_SHUTDOWN_DELAY_MS',
      'ERP_SHUTDOWN_GRACE_MS',
      'ERP_TIMEOUT_MS',
      'ERP_MAX_RETRIES',
      'ERP_BREAKER_FAILURES',
      'ERP_BREAKER_HALF_OPEN_MS',
      'ERP_MAX_CONCURRENT_CALLS',
      'ODOO_BUDGET_REQUESTS_PER_MINUTE',
      'UPSTREAM_BUDGET_BULK_SHARE',
      'UPSTREAM_BUDGET_REPLICAS',
      'UPSTREAM_BUDGET_WINDOW_MARGIN_MS',
      'UPSTREAM_BUDGET_REDIS_TIMEOUT_MS',
      'UPSTREAM_BUDGET_BULK_MAX_WAIT_MS',
      'UPSTREAM_BUDGET_INTERACTIVE_MAX_WAIT_MS',
      'ERP_CACHE_TTL_SECONDS',
      'ERP_STOCK_CACHE_TTL_SECONDS',
      'ERP_MAX_STALE_CATALOGUE_SECONDS',
      'ERP_MAX_STALE_STOCK_SECONDS',
      'ERP_FRESHNESS_ENABLED',
      'ERP_FRESHNESS_POLL_INTERVAL_MS',
      'ERP_FRESHNESS_OVERLAP_SECONDS',
      'ERP_FRESHNESS_CURSOR_FILE',
      'ERP_SALE_ORDER_NAME_PATTERN',
      'ERP_CHANNEL_ORDER_REFS',
      'ERP_PARTNER_PHONE_FIELDS',
      'ERP_LOOKUP_CACHE_TTL_SECONDS',
      'ERP_DEFAULT_PARTNER_ID',
      'ERP_SEARCH_INDEX_PAGE_SIZE',
      'ERP_SEARCH_INDEX_MAX_ENTRIES',
      'ERP_SEARCH_INDEX_REFRESH_SECONDS',
      'ERP_COMPANY_ID',
      'REDIS_URL',
      ...Object.keys(tracingEnvShape),
      'NODE_ENV',
      'OMNIGRAPH_SUBGRAPH_SECRET',
    ]);
  });

  it('reads the look-up settings and refuses a malformed convention, pattern or phone field', () => {
    expect(parseErpConfig({ ...valid, ERP_PARTNER_PHONE_FIELDS: 'phone, phone_sanitized' }).ERP_PARTNER_PHONE_FIELDS).toEqual([
      'phone',
      'phone_sanitized',
    ]);
    let error: unknown;
    try {
      parseErpConfig({
        ...valid,
        ERP_SALE_ORDER_NAME_PATTERN: '^S(',
        ERP_CHANNEL_ORDER_REFS: 'eshop=client_order_ref:^WC-\\d+$',
        ERP_PARTNER_PHONE_FIELDS: 'fax',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((issue) => issue.path).sort()).toEqual([
      'ERP_CHANNEL_ORDER_REFS',
      'ERP_PARTNER_PHONE_FIELDS',
      'ERP_SALE_ORDER_NAME_PATTERN',
    ]);
  });
});
