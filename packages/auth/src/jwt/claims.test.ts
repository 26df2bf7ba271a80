import { describe, expect, it } from 'vitest';
import { claimAt, scopesFromClaims } from './claims.ts';

const scopeMap = {
  roles: { 'call-center': ['customers:read', 'customers:pii', 'orders:read'], auditor: ['orders:read'] },
  scope: { 'catalog.read': ['catalog:read'] },
  'realm_access.roles': { 'stock-viewer': ['stock:read'] },
  'https://omnigraph.example/groups': { support: ['orders:read'] },
};

describe('claimAt', () => {
  it('prefers an exact top-level name, then walks dots into nested objects', () => {
    const payload = { 'a.b': 'top', a: { b: 'nested' }, c: { d: { e: 1 } } };
    expect(claimAt(payload, 'a.b')).toBe('top');
    expect(claimAt(payload, 'c.d.e')).toBe(1);
    expect(claimAt(payload, 'c.x.e')).toBeUndefined();
    expect(claimAt({ a: [{ b: 1 }] }, 'a.0.b')).toBeUndefined();
  });
});

describe('scopesFromClaims', () => {
  it('maps array claims, space-separated string claims, nested and URL-named claims, sorted and de-duplicated', () => {
    const payload = {
      roles: ['call-center', 'auditor', 'unknown-role'],
      scope: 'openid profile catalog.read',
      realm_access: { roles: ['stock-viewer'] },
      'https://omnigraph.example/groups': ['support'],
    };
    expect(scopesFromClaims(payload, scopeMap)).toEqual(['catalog:read', 'customers:pii', 'customers:read', 'orders:read', 'stock:read']);
  });

  it('grants nothing for unknown values, other claim types or prototype names', () => {
    expect(scopesFromClaims({ roles: ['admin'], scope: 42 }, scopeMap)).toEqual([]);
    expect(scopesFromClaims({ roles: 'constructor toString __proto__' }, scopeMap)).toEqual([]);
    expect(scopesFromClaims({ roles: [1, null, { role: 'call-center' }] }, scopeMap)).toEqual([]);
  });

  it('reads a single role given as a plain string', () => {
    expect(scopesFromClaims({ roles: 'auditor' }, scopeMap)).toEqual(['orders:read']);
  });
});
