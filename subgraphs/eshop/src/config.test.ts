import { describe, expect, it } from 'vitest';
import { tracingEnvShape } from '@omnigraph/shared/tracing';
import { ConfigError, parseEnv } from '@omnigraph/shared/config';
import { DEVELOPMENT_SUBGRAPH_SECRET } from '@omnigraph/shared/identity';
import { ESHOP_CONFIG_KEYS, EshopConfigSchema } from './config.ts';

const valid = {
  WOOCOMMERCE_BASE_URL: 'https://sklep.example.pl',
  WOOCOMMERCE_CONSUMER_KEY: 'ck_x',
  WOOCOMMERCE_CONSUMER_SECRET: 'cs_x',
};

describe('EshopConfigSchema', () => {
  it('applies the documented defaults', () => {
    expect(parseEnv('eshop', EshopConfigSchema, valid)).toEqual({
      ...valid,
      WOOCOMMERCE_CURRENCY: 'PLN',
      WOOCOMMERCE_BASE_COUNTRY: 'PL',
      ESHOP_PRICES_INCLUDE_TAX: 'auto',
      ESHOP_PORT: 4002,
      ESHOP_HOST: '127.0.0.1',
      ESHOP_METRICS_HOST: '127.0.0.1',
      ESHOP_METRICS_PORT: 9402,
      ESHOP_SHUTDOWN_DELAY_MS: 5_000,
      ESHOP_SHUTDOWN_GRACE_MS: 20_000,
      ESHOP_TIMEOUT_MS: 5_000,
      ESHOP_MAX_RETRIES: 2,
      ESHOP_BREAKER_FAILURES: 5,
      ESHOP_BREAKER_HALF_OPEN_MS: 5_000,
      ESHOP_MAX_CONCURRENT_CALLS: 16,
      UPSTREAM_BUDGET_BULK_SHARE: 0.6,
      UPSTREAM_BUDGET_REPLICAS: 1,
      UPSTREAM_BUDGET_WINDOW_MARGIN_MS: 100,
      UPSTREAM_BUDGET_REDIS_TIMEOUT_MS: 100,
      UPSTREAM_BUDGET_BULK_MAX_WAIT_MS: 250,
      UPSTREAM_BUDGET_INTERACTIVE_MAX_WAIT_MS: 2_000,
      ESHOP_CACHE_TTL_SECONDS: 60,
      ESHOP_MAX_STALE_STOCK_SECONDS: 600,
      ESHOP_MAX_STALE_ORDERS_SECONDS: 3_600,
      ESHOP_SHIPMENT_TRACKING: 'auto',
      ESHOP_ORDER_PAYMENT_METHOD: 'cod',
      ESHOP_ORDER_PAYMENT_METHOD_TITLE: 'Płatność przy odbiorze',
      ESHOP_COURIER_METHOD_ID: 'flat_rate',
      ESHOP_COURIER_METHOD_TITLE: 'Kurier',
      ESHOP_PARCEL_LOCKER_METHOD_ID: 'easypack_parcel_machines',
      ESHOP_PARCEL_LOCKER_METHOD_TITLE: 'Paczkomat InPost 24/7',
      ESHOP_STORE_PICKUP_METHOD_ID: 'local_pickup',
      ESHOP_STORE_PICKUP_METHOD_TITLE: 'Odbiór osobisty',
      ESHOP_TAX_CLASSES: new Map([
        ['23', ''],
        ['8', 'reduced-rate'],
        ['5', 'super-reduced-rate'],
        ['0', 'zero-rate'],
      ]),
      ESHOP_REFUND_VIA_GATEWAY: false,
      ESHOP_RETURN_RESTOCK: false,
      OMNIGRAPH_SUBGRAPH_SECRET: DEVELOPMENT_SUBGRAPH_SECRET,
    });
  });

  it('reads the write settings: tax classes as rate=class pairs, refund flags as booleans', () => {
    const config = parseEnv('eshop', EshopConfigSchema, {
      ...valid,
      ESHOP_TAX_CLASSES: '23=, 8.0=obnizona',
      ESHOP_REFUND_VIA_GATEWAY: 'true',
      ESHOP_RETURN_RESTOCK: '1',
    });
    expect([...config.ESHOP_TAX_CLASSES]).toEqual([
      ['23', ''],
      ['8', 'obnizona'],
    ]);
    expect([config.ESHOP_REFUND_VIA_GATEWAY, config.ESHOP_RETURN_RESTOCK]).toEqual([true, true]);
    expect(() => parseEnv('eshop', EshopConfigSchema, { ...valid, ESHOP_TAX_CLASSES: '23' })).toThrow(/rate=class/);
    expect(() => parseEnv('eshop', EshopConfigSchema, { ...valid, ESHOP_REFUND_VIA_GATEWAY: 'yes' })).toThrow(/ESHOP_REFUND_VIA_GATEWAY/);
  });

  it('requires its own OMNIGRAPH_SUBGRAPH_SECRET in production, the development one otherwise', () => {
    expect(parseEnv('eshop', EshopConfigSchema, valid).OMNIGRAPH_SUBGRAPH_SECRET).toBe(DEVELOPMENT_SUBGRAPH_SECRET);
    expect(() => parseEnv('eshop', EshopConfigSchema, { ...valid, NODE_ENV: 'production' })).toThrow(
      /OMNIGRAPH_SUBGRAPH_SECRET: is required in production/,
    );
    const secret = 's'.repeat(32);
    expect(
      parseEnv('eshop', EshopConfigSchema, { ...valid, NODE_ENV: 'production', OMNIGRAPH_SUBGRAPH_SECRET: secret }).OMNIGRAPH_SUBGRAPH_SECRET,
    ).toBe(secret);
  });

  it('reports every problem at once, without the values', () => {
    const secret = 'cs_should_not_be_echoed';
    let error: unknown;
    try {
      parseEnv('eshop', EshopConfigSchema, { WOOCOMMERCE_BASE_URL: secret, ESHOP_TIMEOUT_MS: '-1', REDIS_URL: 'x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path).sort()).toEqual([
      'ESHOP_TIMEOUT_MS',
      'REDIS_URL',
      'WOOCOMMERCE_BASE_URL',
      'WOOCOMMERCE_CONSUMER_KEY',
      'WOOCOMMERCE_CONSUMER_SECRET',
    ]);
    expect((error as Error).message).not.toContain(secret);
  });

  it('exports every key for the .env.example check', () => {
    expect(ESHOP_CONFIG_KEYS).toEqual([
      'WOOCOMMERCE_BASE_URL',
      'WOOCOMMERCE_CONSUMER_KEY',
      'WOOCOMMERCE_CONSUMER_SECRET',
      'WOOCOMMERCE_CURRENCY',
      'WOOCOMMERCE_BASE_COUNTRY',
      'ESHOP_PRICES_INCLUDE_TAX',
      'WOOCOMMERCE_WEBHOOK_SECRET',
      'ESHOP_PORT',
      'ESHOP_HOST',
      'ESHOP_METRICS_HOST',
      'ESHOP_METRICS_PORT',
      'ESHOP_SHUTDOWN_DELAY_MS',
      'ESHOP_SHUTDOWN_GRACE_MS',
      'ESHOP_TIMEOUT_MS',
      'ESHOP_MAX_RETRIES',
      'ESHOP_BREAKER_FAILURES',
      'ESHOP_BREAKER_HALF_OPEN_MS',
      'ESHOP_MAX_CONCURRENT_CALLS',
      'WOOCOMMERCE_BUDGET_REQUESTS_PER_MINUTE',
      'UPSTREAM_BUDGET_BULK_SHARE',
      'UPSTREAM_BUDGET_REPLICAS',
      'UPSTREAM_BUDGET_WINDOW_MARGIN_MS',
      'UPSTREAM_BUDGET_REDIS_TIMEOUT_MS',
      'UPSTREAM_BUDGET_BULK_MAX_WAIT_MS',
      'UPSTREAM_BUDGET_INTERACTIVE_MAX_WAIT_MS',
      'ESHOP_CACHE_TTL_SECONDS',
      'ESHOP_MAX_STALE_STOCK_SECONDS',
      'ESHOP_MAX_STALE_ORDERS_SECONDS',
      'ESHOP_NIP_META_KEY',
      'ESHOP_ORDER_NUMBER_PATTERN',
      'ESHOP_SHIPMENT_TRACKING',
      'ESHOP_ORDER_PAYMENT_METHOD',
      'ESHOP_ORDER_PAYMENT_METHOD_TITLE',
      'ESHOP_COURIER_METHOD_ID',
      'ESHOP_COURIER_METHOD_TITLE',
      'ESHOP_PARCEL_LOCKER_METHOD_ID',
      'ESHOP_PARCEL_LOCKER_METHOD_TITLE',
      'ESHOP_STORE_PICKUP_METHOD_ID',
      'ESHOP_STORE_PICKUP_METHOD_TITLE',
      'ESHOP_TAX_CLASSES',
      'ESHOP_REFUND_VIA_GATEWAY',
      'ESHOP_RETURN_RESTOCK',
      'REDIS_URL',
      ...Object.keys(tracingEnvShape),
      'NODE_ENV',
      'OMNIGRAPH_SUBGRAPH_SECRET',
    ]);
  });

  it('takes a NIP meta key and a numbering plugin pattern, refusing a pattern that is no regular expression', () => {
    const config = parseEnv('eshop', EshopConfigSchema, {
      ...valid,
      ESHOP_NIP_META_KEY: '_billing_nip',
      ESHOP_ORDER_NUMBER_PATTERN: 'ZAM/\\d{4}/\\d+',
    });
    expect(config).toMatchObject({ ESHOP_NIP_META_KEY: '_billing_nip', ESHOP_ORDER_NUMBER_PATTERN: 'ZAM/\\d{4}/\\d+' });
    expect(() => parseEnv('eshop', EshopConfigSchema, { ...valid, ESHOP_ORDER_NUMBER_PATTERN: 'ZAM/(' })).toThrow(ConfigError);
    expect(() => parseEnv('eshop', EshopConfigSchema, { ...valid, ESHOP_NIP_META_KEY: 'a key; drop' })).toThrow(ConfigError);
  });
});
