import { describe, expect, it } from 'vitest';
import { ConfigError } from '@omnigraph/shared/config';
import { ERP_CONFIG_KEYS, parseErpConfig } from './config.ts';

describe('parseErpConfig', () => {
  const valid = { ODOO_BASE_URL: 'http://odoo.invalid', ODOO_DATABASE: 'omnigraph', ODOO_API_KEY: 'key' };

  it('applies defaults for everything but the Odoo connection', () => {
    expect(parseErpConfig(valid)).toEqual({
      ...valid,
      ERP_PORT: 4001,
      ERP_TIMEOUT_MS: 5_000,
      ERP_CACHE_TTL_SECONDS: 60,
    });
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
      'ERP_PORT',
      'ERP_TIMEOUT_MS',
      'ERP_CACHE_TTL_SECONDS',
      'REDIS_URL',
    ]);
  });
});
