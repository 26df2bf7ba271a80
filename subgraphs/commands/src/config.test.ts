import { describe, expect, it } from 'vitest';
import { ConfigError } from '@omnigraph/shared/config';
import { loadCommandsConfig } from './config.ts';

describe('loadCommandsConfig', () => {
  it('runs on defaults next to the four subgraphs, keeping keys 48 h', () => {
    const config = loadCommandsConfig({});
    expect(config).toMatchObject({
      COMMANDS_PORT: 4005,
      COMMANDS_IDEMPOTENCY_TTL_HOURS: 48,
      COMMANDS_LEASE_MS: 15_000,
      COMMANDS_WAIT_MS: 8_000,
      COMMANDS_RETURN_WINDOW_DAYS: 30,
      ERP_URL: 'http://127.0.0.1:4001/graphql',
      MARKETPLACE_URL: 'http://127.0.0.1:4004/graphql',
    });
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('never keeps a key less than 24 hours, and reports every problem at once', () => {
    expect(loadCommandsConfig({ COMMANDS_IDEMPOTENCY_TTL_HOURS: '24' }).COMMANDS_IDEMPOTENCY_TTL_HOURS).toBe(24);
    try {
      loadCommandsConfig({ COMMANDS_IDEMPOTENCY_TTL_HOURS: '23', CRM_URL: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((i) => i.path).sort()).toEqual(['COMMANDS_IDEMPOTENCY_TTL_HOURS', 'CRM_URL']);
    }
  });
});
