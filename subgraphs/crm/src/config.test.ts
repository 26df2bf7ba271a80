import { ConfigError, parseEnv } from '@omnigraph/shared/config';
import { DEVELOPMENT_SUBGRAPH_SECRET } from '@omnigraph/shared/identity';
import { describe, expect, it } from 'vitest';
import { CRM_CONFIG_KEYS, CrmConfigSchema } from './config.ts';

describe('CrmConfigSchema', () => {
  it('applies the defaults', () => {
    const config = parseEnv('crm', CrmConfigSchema, {
      HUBSPOT_BASE_URL: 'http://127.0.0.1:8071',
      HUBSPOT_ACCESS_TOKEN: 'pat-eu1-x',
    });
    expect(config).toMatchObject({
      CRM_PORT: 4003,
      CRM_HOST: '127.0.0.1',
      CRM_METRICS_HOST: '127.0.0.1',
      CRM_METRICS_PORT: 9403,
      CRM_SHUTDOWN_DELAY_MS: 5_000,
      CRM_SHUTDOWN_GRACE_MS: 20_000,
      CRM_TIMEOUT_MS: 5000,
      CRM_CACHE_TTL_SECONDS: 60,
      CRM_MAX_STALE_CONTACTS_SECONDS: 900,
      CRM_LOOKUP_CACHE_TTL_SECONDS: 10,
    });
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('requires its own OMNIGRAPH_SUBGRAPH_SECRET in production, the development one otherwise', () => {
    expect(
      parseEnv('crm', CrmConfigSchema, { HUBSPOT_BASE_URL: 'http://127.0.0.1:8071', HUBSPOT_ACCESS_TOKEN: 'pat-eu1-x' }).OMNIGRAPH_SUBGRAPH_SECRET,
    ).toBe(DEVELOPMENT_SUBGRAPH_SECRET);
    expect(() =>
      parseEnv('crm', CrmConfigSchema, {
        ...{ HUBSPOT_BASE_URL: 'http://127.0.0.1:8071', HUBSPOT_ACCESS_TOKEN: 'pat-eu1-x' },
        NODE_ENV: 'production',
      }),
    ).toThrow(/OMNIGRAPH_SUBGRAPH_SECRET: is required in production/);
    const secret = 's'.repeat(32);
    expect(
      parseEnv('crm', CrmConfigSchema, {
        ...{ HUBSPOT_BASE_URL: 'http://127.0.0.1:8071', HUBSPOT_ACCESS_TOKEN: 'pat-eu1-x' },
        NODE_ENV: 'production',
        OMNIGRAPH_SUBGRAPH_SECRET: secret,
      }).OMNIGRAPH_SUBGRAPH_SECRET,
    ).toBe(secret);
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      parseEnv('crm', CrmConfigSchema, { HUBSPOT_BASE_URL: 'not a url', CRM_TIMEOUT_MS: '-1', CRM_PORT: 'x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path).sort()).toEqual(
      ['CRM_PORT', 'CRM_TIMEOUT_MS', 'HUBSPOT_ACCESS_TOKEN', 'HUBSPOT_BASE_URL'].sort(),
    );
  });

  it('reads the portal number locale and its own loyalty tier values, refusing malformed ones', () => {
    const base = { HUBSPOT_BASE_URL: 'http://127.0.0.1:8071', HUBSPOT_ACCESS_TOKEN: 'pat-eu1-x' };
    expect(parseEnv('crm', CrmConfigSchema, base).CRM_NUMBER_LOCALE).toBeUndefined();
    const config = parseEnv('crm', CrmConfigSchema, {
      ...base,
      CRM_NUMBER_LOCALE: 'pl',
      CRM_LOYALTY_TIER_VALUES: 'vip=PLATINUM, stały klient=SILVER',
    });
    expect(config.CRM_NUMBER_LOCALE).toBe('pl');
    expect([...config.CRM_LOYALTY_TIER_VALUES!]).toEqual([
      ['vip', 'PLATINUM'],
      ['stały klient', 'SILVER'],
    ]);
    expect(() => parseEnv('crm', CrmConfigSchema, { ...base, CRM_NUMBER_LOCALE: 'de' })).toThrow(/CRM_NUMBER_LOCALE/);
    expect(() => parseEnv('crm', CrmConfigSchema, { ...base, CRM_LOYALTY_TIER_VALUES: 'vip=DIAMOND' })).toThrow(/CRM_LOYALTY_TIER_VALUES/);
  });

  it('lists its keys for the .env.example check', () => {
    expect(CRM_CONFIG_KEYS).toEqual(
      expect.arrayContaining([
        'HUBSPOT_BASE_URL',
        'HUBSPOT_ACCESS_TOKEN',
        'CRM_PORT',
        'CRM_TIMEOUT_MS',
        'CRM_CACHE_TTL_SECONDS',
        'CRM_MAX_STALE_CONTACTS_SECONDS',
        'CRM_LOOKUP_CACHE_TTL_SECONDS',
        'CRM_NUMBER_LOCALE',
        'CRM_LOYALTY_TIER_VALUES',
        'REDIS_URL',
        'NODE_ENV',
        'OMNIGRAPH_SUBGRAPH_SECRET',
      ]),
    );
  });
});
