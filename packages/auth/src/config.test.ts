import { describe, expect, it } from 'vitest';
import { ConfigError } from '@omnigraph/shared/config';
import { DEFAULT_KEY_STORE_FILE, parseAuthConfig } from './config.ts';
import { DEVELOPMENT_PEPPER } from './hash-api-key.ts';

describe('parseAuthConfig', () => {
  it('defaults to the file store and the development pepper outside production', () => {
    expect(parseAuthConfig({})).toEqual({
      redisUrl: undefined,
      redisKeyPrefix: 'auth:v1:',
      keyStoreFile: DEFAULT_KEY_STORE_FILE,
      keyEnv: 'live',
      pepper: DEVELOPMENT_PEPPER,
    });
  });

  it('reads every variable', () => {
    const pepper = 'x'.repeat(40);
    expect(
      parseAuthConfig({
        NODE_ENV: 'production',
        OMNIGRAPH_API_KEY_PEPPER: pepper,
        REDIS_URL: 'redis://127.0.0.1:6379',
        OMNIGRAPH_AUTH_REDIS_PREFIX: 'auth:v2:',
        OMNIGRAPH_KEY_STORE_FILE: '/var/lib/omnigraph/keys.json',
        OMNIGRAPH_API_KEY_ENV: 'test',
      }),
    ).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      redisKeyPrefix: 'auth:v2:',
      keyStoreFile: '/var/lib/omnigraph/keys.json',
      keyEnv: 'test',
      pepper,
    });
  });

  it('reports every problem at once and never the values', () => {
    const env = { NODE_ENV: 'production', REDIS_URL: 'http://secret-host', OMNIGRAPH_API_KEY_ENV: 'prod' };
    let error: unknown;
    try {
      parseAuthConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues.map((i) => i.path);
    expect(issues).toEqual(['REDIS_URL', 'OMNIGRAPH_API_KEY_ENV', 'OMNIGRAPH_API_KEY_PEPPER']);
    expect((error as Error).message).not.toContain('secret-host');
  });
});
