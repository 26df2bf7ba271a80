import { describe, expect, it } from 'vitest';
import { ConfigError } from '@omnigraph/simulator-core';
import { loadAllegroSimulatorConfig } from './config.ts';

describe('loadAllegroSimulatorConfig', () => {
  it('defaults to port 8072, Allegro’s 9000/min budget with a one-minute block, and fixed demo credentials', () => {
    const c = loadAllegroSimulatorConfig({});
    expect(c.runtime.port).toBe(8072);
    expect(c.runtime.knobs.rateLimit).toEqual({ limit: 9000, windowMs: 60_000, blockMs: 60_000 });
    expect(c.credentials).toEqual({
      clientId: 'omnigraph-simulator-client',
      clientSecret: 'omnigraph-simulator-secret',
      refreshToken: 'omnigraph-simulator-refresh-token',
      authCode: 'omnigraph-simulator-auth-code',
      tokenSecret: 'omnigraph-allegro-simulator-signing-key',
      tokenTtlSeconds: 43199,
    });
  });

  it('reads credentials and the token TTL from ALLEGRO_SIMULATOR_* variables', () => {
    const c = loadAllegroSimulatorConfig({
      ALLEGRO_SIMULATOR_CLIENT_ID: 'my-client',
      ALLEGRO_SIMULATOR_CLIENT_SECRET: 's3cret',
      ALLEGRO_SIMULATOR_REFRESH_TOKEN: 'rt',
      ALLEGRO_SIMULATOR_AUTH_CODE: 'code',
      ALLEGRO_SIMULATOR_TOKEN_TTL_SECONDS: '1',
      ALLEGRO_SIMULATOR_RATE_LIMIT: '50',
    });
    expect(c.credentials).toMatchObject({ clientId: 'my-client', clientSecret: 's3cret', refreshToken: 'rt', authCode: 'code', tokenTtlSeconds: 1 });
    expect(c.runtime.knobs.rateLimit).toEqual({ limit: 50, windowMs: 60_000, blockMs: 60_000 });
  });

  it('reports every invalid variable at once, core knobs and credentials alike', () => {
    let error: unknown;
    try {
      loadAllegroSimulatorConfig({
        ALLEGRO_SIMULATOR_PORT: 'eighty',
        ALLEGRO_SIMULATOR_TOKEN_TTL_SECONDS: '-5',
        ALLEGRO_SIMULATOR_CLIENT_ID: 'a:b',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues.join('\n');
    expect(issues).toMatch(/ALLEGRO_SIMULATOR_PORT/);
    expect(issues).toMatch(/ALLEGRO_SIMULATOR_TOKEN_TTL_SECONDS: must be positive/);
    expect(issues).toMatch(/ALLEGRO_SIMULATOR_CLIENT_ID: must not contain ":"/);
  });
});
