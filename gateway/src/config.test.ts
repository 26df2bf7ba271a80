import { describe, expect, it } from 'vitest';
import { ConfigError } from '@omnigraph/shared/config';
import { loadGatewayConfig } from './config.ts';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadGatewayConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.issues.map((i) => i.path);
  }
};

describe('loadGatewayConfig', () => {
  it('works with no variables at all outside production (development secrets, file key store, no OIDC, no CORS)', () => {
    const config = loadGatewayConfig({});
    expect(config.jwt).toBeUndefined();
    expect(config.auth.redisUrl).toBeUndefined();
    expect([...config.corsOrigins]).toEqual([]);
    expect(config.replicas).toBe(1);
  });

  it('names every problem at once: its own variables, the key pepper, the subgraph secret and OIDC', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      GATEWAY_REPLICAS: '0',
      GATEWAY_CORS_ORIGINS: 'https://ok.example.pl, https://shop.example.pl/path',
      OMNIGRAPH_OIDC_JWKS_URL: 'https://login.example.pl/certs',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'GATEWAY_REPLICAS',
        expect.stringMatching(/^GATEWAY_CORS_ORIGINS/),
        'OMNIGRAPH_API_KEY_PEPPER',
        'OMNIGRAPH_SUBGRAPH_SECRET',
        'OMNIGRAPH_OIDC_ISSUER',
        'OMNIGRAPH_OIDC_AUDIENCE',
        'OMNIGRAPH_OIDC_SCOPE_MAP',
      ]),
    );
  });

  it('reads CORS origins exactly', () => {
    const config = loadGatewayConfig({ GATEWAY_CORS_ORIGINS: 'https://sklep.example.pl, http://localhost:5173' });
    expect([...config.corsOrigins]).toEqual(['https://sklep.example.pl', 'http://localhost:5173']);
  });
});
