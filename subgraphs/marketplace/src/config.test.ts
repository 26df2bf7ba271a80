import { describe, expect, it } from 'vitest';
import { tracingEnvShape } from '@omnigraph/shared/tracing';
import { ConfigError, parseEnv } from '@omnigraph/shared/config';
import { DEVELOPMENT_SUBGRAPH_SECRET } from '@omnigraph/shared/identity';
import { allegroAuthUrlOf, allegroTokenStoreOf, MARKETPLACE_CONFIG_KEYS, MarketplaceConfigSchema } from './config.ts';

const base = {
  ALLEGRO_BASE_URL: 'http://127.0.0.1:8072',
  ALLEGRO_CLIENT_ID: 'client',
  ALLEGRO_CLIENT_SECRET: 'secret',
  ALLEGRO_REFRESH_TOKEN: 'refresh',
};

describe('MarketplaceConfigSchema', () => {
  it('applies the documented defaults', () => {
    const config = parseEnv('marketplace', MarketplaceConfigSchema, base);
    expect(config).toMatchObject({
      MARKETPLACE_PORT: 4004,
      MARKETPLACE_HOST: '127.0.0.1',
      MARKETPLACE_METRICS_HOST: '127.0.0.1',
      MARKETPLACE_METRICS_PORT: 9404,
      MARKETPLACE_SHUTDOWN_DELAY_MS: 5_000,
      MARKETPLACE_SHUTDOWN_GRACE_MS: 20_000,
      MARKETPLACE_TIMEOUT_MS: 5_000,
      MARKETPLACE_MAX_RETRIES: 2,
      MARKETPLACE_BREAKER_FAILURES: 5,
      MARKETPLACE_BREAKER_HALF_OPEN_MS: 5_000,
      MARKETPLACE_MAX_CONCURRENT_CALLS: 16,
      ALLEGRO_BUDGET_REQUESTS_PER_MINUTE: 9_000,
      ALLEGRO_BUDGET_SHIPMENTS_PER_SECOND: 50,
      UPSTREAM_BUDGET_BULK_SHARE: 0.6,
      UPSTREAM_BUDGET_REPLICAS: 1,
      UPSTREAM_BUDGET_WINDOW_MARGIN_MS: 100,
      UPSTREAM_BUDGET_REDIS_TIMEOUT_MS: 100,
      UPSTREAM_BUDGET_BULK_MAX_WAIT_MS: 250,
      UPSTREAM_BUDGET_INTERACTIVE_MAX_WAIT_MS: 2_000,
      MARKETPLACE_CACHE_TTL_SECONDS: 60,
      MARKETPLACE_OFFER_CACHE_TTL_SECONDS: 5,
      MARKETPLACE_MAX_STALE_STOCK_SECONDS: 600,
      MARKETPLACE_MAX_STALE_ORDERS_SECONDS: 3_600,
      MARKETPLACE_MAX_CONCURRENT_READS: 8,
      MARKETPLACE_BUYER_DIRECTORY_TTL_SECONDS: 2_592_000,
      MARKETPLACE_BUYER_DIRECTORY_BACKFILL_PAGES: 10,
    });
    // the simulator serves the token endpoint on the API host
    expect(allegroAuthUrlOf(config)).toBe('http://127.0.0.1:8072');
  });

  it('requires its own OMNIGRAPH_SUBGRAPH_SECRET in production, the development one otherwise', () => {
    expect(parseEnv('marketplace', MarketplaceConfigSchema, base).OMNIGRAPH_SUBGRAPH_SECRET).toBe(DEVELOPMENT_SUBGRAPH_SECRET);
    expect(() => parseEnv('marketplace', MarketplaceConfigSchema, { ...base, NODE_ENV: 'production' })).toThrow(
      /OMNIGRAPH_SUBGRAPH_SECRET: is required in production/,
    );
    const secret = 's'.repeat(32);
    expect(
      parseEnv('marketplace', MarketplaceConfigSchema, { ...base, NODE_ENV: 'production', OMNIGRAPH_SUBGRAPH_SECRET: secret })
        .OMNIGRAPH_SUBGRAPH_SECRET,
    ).toBe(secret);
  });

  it('requires ALLEGRO_AUTH_URL for the real Allegro API host', () => {
    expect(() => parseEnv('marketplace', MarketplaceConfigSchema, { ...base, ALLEGRO_BASE_URL: 'https://api.allegro.pl' })).toThrow(
      /ALLEGRO_AUTH_URL/,
    );
    const config = parseEnv('marketplace', MarketplaceConfigSchema, {
      ...base,
      ALLEGRO_BASE_URL: 'https://api.allegro.pl',
      ALLEGRO_AUTH_URL: 'https://allegro.pl',
    });
    expect(allegroAuthUrlOf(config)).toBe('https://allegro.pl');
  });

  it('keeps the Allegro grant in Redis when REDIS_URL is set, else in a file; memory only on request', () => {
    expect(allegroTokenStoreOf(parseEnv('marketplace', MarketplaceConfigSchema, base))).toBe('file');
    expect(parseEnv('marketplace', MarketplaceConfigSchema, base).ALLEGRO_TOKEN_FILE).toBe('./.omnigraph-allegro-token.json');
    expect(allegroTokenStoreOf(parseEnv('marketplace', MarketplaceConfigSchema, { ...base, REDIS_URL: 'redis://127.0.0.1:6379' }))).toBe('redis');
    expect(allegroTokenStoreOf(parseEnv('marketplace', MarketplaceConfigSchema, { ...base, ALLEGRO_TOKEN_STORE: 'memory' }))).toBe('memory');
    expect(() => parseEnv('marketplace', MarketplaceConfigSchema, { ...base, ALLEGRO_TOKEN_STORE: 'redis' })).toThrow(/ALLEGRO_TOKEN_STORE/);
  });

  it('reports every problem at once', () => {
    try {
      parseEnv('marketplace', MarketplaceConfigSchema, { MARKETPLACE_MAX_CONCURRENT_READS: '0' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = String((error as Error).message) + JSON.stringify(error);
      for (const key of [
        'ALLEGRO_BASE_URL',
        'ALLEGRO_CLIENT_ID',
        'ALLEGRO_CLIENT_SECRET',
        'ALLEGRO_REFRESH_TOKEN',
        'MARKETPLACE_MAX_CONCURRENT_READS',
      ]) {
        expect(text).toContain(key);
      }
    }
  });

  it('lists its keys for the .env.example check', () => {
    expect(MARKETPLACE_CONFIG_KEYS).toEqual([
      'ALLEGRO_BASE_URL',
      'ALLEGRO_AUTH_URL',
      'ALLEGRO_CLIENT_ID',
      'ALLEGRO_CLIENT_SECRET',
      'ALLEGRO_REFRESH_TOKEN',
      'ALLEGRO_TOKEN_STORE',
      'ALLEGRO_TOKEN_FILE',
      'MARKETPLACE_PORT',
      'MARKETPLACE_HOST',
      'MARKETPLACE_METRICS_HOST',
      'MARKETPLACE_METRICS_PORT',
      'MARKETPLACE_SHUTDOWN_DELAY_MS',
      'MARKETPLACE_SHUTDOWN_GRACE_MS',
      'MARKETPLACE_TIMEOUT_MS',
      'MARKETPLACE_MAX_RETRIES',
      'MARKETPLACE_BREAKER_FAILURES',
      'MARKETPLACE_BREAKER_HALF_OPEN_MS',
      'MARKETPLACE_MAX_CONCURRENT_CALLS',
      'ALLEGRO_BUDGET_REQUESTS_PER_MINUTE',
      'ALLEGRO_BUDGET_SHIPMENTS_PER_SECOND',
      'UPSTREAM_BUDGET_BULK_SHARE',
      'UPSTREAM_BUDGET_REPLICAS',
      'UPSTREAM_BUDGET_WINDOW_MARGIN_MS',
      'UPSTREAM_BUDGET_REDIS_TIMEOUT_MS',
      'UPSTREAM_BUDGET_BULK_MAX_WAIT_MS',
      'UPSTREAM_BUDGET_INTERACTIVE_MAX_WAIT_MS',
      'MARKETPLACE_CACHE_TTL_SECONDS',
      'MARKETPLACE_OFFER_CACHE_TTL_SECONDS',
      'MARKETPLACE_MAX_STALE_STOCK_SECONDS',
      'MARKETPLACE_MAX_STALE_ORDERS_SECONDS',
      'MARKETPLACE_MAX_CONCURRENT_READS',
      'MARKETPLACE_BUYER_DIRECTORY_TTL_SECONDS',
      'MARKETPLACE_BUYER_DIRECTORY_BACKFILL_PAGES',
      'MARKETPLACE_FRESHNESS_ENABLED',
      'MARKETPLACE_FRESHNESS_POLL_INTERVAL_MS',
      'MARKETPLACE_FRESHNESS_CURSOR_FILE',
      'REDIS_URL',
      ...Object.keys(tracingEnvShape),
      'NODE_ENV',
      'OMNIGRAPH_SUBGRAPH_SECRET',
    ]);
  });
});
