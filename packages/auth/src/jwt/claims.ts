import type { JWTPayload } from 'jose';
import type { ScopeMap } from './jwt-config.ts';

/**
 * The claim at `path`. An exact top-level name wins, because providers namespace custom claims with URLs full of dots
 * (`https://example.com/roles`); otherwise dots walk into nested objects (Keycloak's `realm_access.roles`).
 */
export function claimAt(payload: JWTPayload, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  let current: unknown = payload;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** A claim as a list of values: arrays as they are, strings split on whitespace (OAuth `scope`); other types none. */
function claimValues(claim: unknown): string[] {
  if (typeof claim === 'string') return claim.split(/\s+/).filter((v) => v.length > 0);
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Our scopes for these claims, sorted and without duplicates; claim values the map does not name grant nothing. */
export function scopesFromClaims(payload: JWTPayload, scopeMap: ScopeMap): string[] {
  const scopes = new Set<string>();
  for (const [path, byValue] of Object.entries(scopeMap)) {
    for (const value of claimValues(claimAt(payload, path))) {
      // hasOwn: a claim value such as "constructor" must not reach Object.prototype.
      if (Object.hasOwn(byValue, value)) for (const scope of byValue[value] as string[]) scopes.add(scope);
    }
  }
  return [...scopes].sort();
}
