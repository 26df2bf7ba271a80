import { ConfigError } from '@omnigraph/simulator-core';
import { describe, expect, it } from 'vitest';
import { loadWooCommerceSimulatorConfig } from './config.ts';
import { DEFAULT_CREDENTIALS } from './create-woocommerce-simulator.ts';

describe('loadWooCommerceSimulatorConfig', () => {
  it('defaults to port 8070, no rate limit and the documented keys', () => {
    const config = loadWooCommerceSimulatorConfig({});
    expect(config.runtime.port).toBe(8070);
    expect(config.runtime.knobs.rateLimit).toBeNull();
    expect(config.credentials).toEqual(DEFAULT_CREDENTIALS);
    expect(config.siteUrl).toBeNull();
    expect(DEFAULT_CREDENTIALS.consumerKey).toMatch(/^ck_[0-9a-f]{40}$/);
    expect(DEFAULT_CREDENTIALS.consumerSecret).toMatch(/^cs_[0-9a-f]{40}$/);
  });

  it('reads keys, site URL and a host-imposed rate limit from the environment', () => {
    const config = loadWooCommerceSimulatorConfig({
      WOOCOMMERCE_SIMULATOR_CONSUMER_KEY: 'ck_abcdef0123456789',
      WOOCOMMERCE_SIMULATOR_CONSUMER_SECRET: 'cs_abcdef0123456789',
      WOOCOMMERCE_SIMULATOR_SITE_URL: 'https://sklep.example.pl',
      WOOCOMMERCE_SIMULATOR_RATE_LIMIT: '120',
    });
    expect(config.credentials.consumerKey).toBe('ck_abcdef0123456789');
    expect(config.siteUrl).toBe('https://sklep.example.pl');
    expect(config.runtime.knobs.rateLimit).toEqual({ limit: 120, windowMs: 60_000 });
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadWooCommerceSimulatorConfig({
        WOOCOMMERCE_SIMULATOR_PORT: 'abc',
        WOOCOMMERCE_SIMULATOR_CONSUMER_KEY: 'key-without-prefix',
        WOOCOMMERCE_SIMULATOR_READONLY_CONSUMER_SECRET: 'secret',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues.join('\n');
    expect(issues).toMatch(/WOOCOMMERCE_SIMULATOR_PORT/);
    expect(issues).toMatch(/WOOCOMMERCE_SIMULATOR_CONSUMER_KEY/);
    expect(issues).toMatch(/WOOCOMMERCE_SIMULATOR_READONLY_CONSUMER_SECRET/);
  });

  it('refuses the same key for both permissions', () => {
    expect(() =>
      loadWooCommerceSimulatorConfig({
        WOOCOMMERCE_SIMULATOR_READONLY_CONSUMER_KEY: DEFAULT_CREDENTIALS.consumerKey,
      }),
    ).toThrow(/must differ/);
  });
});
