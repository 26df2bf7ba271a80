import { describe, expect, it } from 'vitest';
import { ConfigError } from '@omnigraph/shared/config';
import type { Env } from '@omnigraph/shared/config';
import { JWT_CONFIG_KEYS, loadJwtAuthConfig } from './jwt-config.ts';

const SCOPE_MAP = '{"roles":{"call-center":["customers:read","customers:pii","orders:read"]},"scope":{"catalog.read":["catalog:read"]}}';
const minimal = {
  OMNIGRAPH_OIDC_JWKS_URL: 'https://login.example.pl/realms/omnigraph/protocol/openid-connect/certs',
  OMNIGRAPH_OIDC_ISSUER: 'https://login.example.pl/realms/omnigraph',
  OMNIGRAPH_OIDC_AUDIENCE: 'omnigraph-gateway',
  OMNIGRAPH_OIDC_SCOPE_MAP: SCOPE_MAP,
};

function issuesOf(env: Env): string[] {
  try {
    loadJwtAuthConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues.map((i) => i.path);
  }
  throw new Error('expected a ConfigError');
}

describe('loadJwtAuthConfig', () => {
  it('is off (undefined) when the JWKS URL is unset or empty', () => {
    expect(loadJwtAuthConfig({})).toBeUndefined();
    expect(loadJwtAuthConfig({ OMNIGRAPH_OIDC_JWKS_URL: '' })).toBeUndefined();
  });

  it('applies the defaults', () => {
    expect(loadJwtAuthConfig(minimal)).toEqual({
      jwksUrl: minimal.OMNIGRAPH_OIDC_JWKS_URL,
      issuer: minimal.OMNIGRAPH_OIDC_ISSUER,
      audience: 'omnigraph-gateway',
      clockToleranceSeconds: 30,
      scopeMap: JSON.parse(SCOPE_MAP),
      subjectClaim: 'sub',
      rateLimitPerMinute: 600,
    });
  });

  it('reads every variable', () => {
    const config = loadJwtAuthConfig({
      ...minimal,
      OMNIGRAPH_OIDC_CLOCK_TOLERANCE_SECONDS: '5',
      OMNIGRAPH_OIDC_SUBJECT_CLAIM: 'preferred_username',
      OMNIGRAPH_OIDC_RATE_LIMIT_PER_MINUTE: '120',
    });
    expect(config).toMatchObject({ clockToleranceSeconds: 5, subjectClaim: 'preferred_username', rateLimitPerMinute: 120 });
  });

  it('lists every variable it reads in JWT_CONFIG_KEYS', () => {
    const optional = ['OMNIGRAPH_OIDC_CLOCK_TOLERANCE_SECONDS', 'OMNIGRAPH_OIDC_SUBJECT_CLAIM', 'OMNIGRAPH_OIDC_RATE_LIMIT_PER_MINUTE'];
    const read = [...Object.keys(minimal), ...optional];
    expect([...JWT_CONFIG_KEYS].sort()).toEqual(read.sort());
  });

  it('requires issuer, audience and scope map once the JWKS URL is set, all reported at once', () => {
    expect(issuesOf({ OMNIGRAPH_OIDC_JWKS_URL: minimal.OMNIGRAPH_OIDC_JWKS_URL })).toEqual([
      'OMNIGRAPH_OIDC_ISSUER',
      'OMNIGRAPH_OIDC_AUDIENCE',
      'OMNIGRAPH_OIDC_SCOPE_MAP',
    ]);
  });

  it('reports every bad value at once, without echoing them', () => {
    const env = {
      OMNIGRAPH_OIDC_JWKS_URL: 'ftp://secret-idp.example/jwks',
      OMNIGRAPH_OIDC_ISSUER: 'x',
      OMNIGRAPH_OIDC_AUDIENCE: 'y',
      OMNIGRAPH_OIDC_SCOPE_MAP: '{"roles":{"call-center":["Customers.Read"]}}',
      OMNIGRAPH_OIDC_CLOCK_TOLERANCE_SECONDS: '3600',
      OMNIGRAPH_OIDC_RATE_LIMIT_PER_MINUTE: '0',
    };
    expect(issuesOf(env)).toEqual([
      'OMNIGRAPH_OIDC_JWKS_URL',
      'OMNIGRAPH_OIDC_SCOPE_MAP.roles.call-center.0',
      'OMNIGRAPH_OIDC_CLOCK_TOLERANCE_SECONDS',
      'OMNIGRAPH_OIDC_RATE_LIMIT_PER_MINUTE',
    ]);
    try {
      loadJwtAuthConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-idp');
      expect((error as Error).message).not.toContain('Customers.Read');
    }
  });

  it('refuses a scope map that is not JSON, is empty or has the wrong shape', () => {
    for (const map of ['{roles: call-center}', '{}', '{"roles":{}}', '{"roles":["call-center"]}', '[]']) {
      expect(issuesOf({ ...minimal, OMNIGRAPH_OIDC_SCOPE_MAP: map })[0], map).toMatch(/^OMNIGRAPH_OIDC_SCOPE_MAP/);
    }
  });

  it('requires https for the key set in production, except on loopback', () => {
    const http = { ...minimal, NODE_ENV: 'production', OMNIGRAPH_OIDC_JWKS_URL: 'http://idp.internal/jwks' };
    expect(issuesOf(http)).toEqual(['OMNIGRAPH_OIDC_JWKS_URL']);
    expect(loadJwtAuthConfig({ ...http, OMNIGRAPH_OIDC_JWKS_URL: 'http://127.0.0.1:8080/jwks' })).toBeDefined();
    expect(loadJwtAuthConfig({ ...http, NODE_ENV: 'development' })).toBeDefined();
  });
});
