import type { ApiKeyService } from '@omnigraph/auth';

/** The owner of `npm start`'s demo keys: every key of this owner is replaced at each start. */
export const DEMO_OWNER = 'omnigraph-demo';

/**
 * Fresh demo keys per start; the ones of earlier starts are deleted (revoked at once on every replica by the store's
 * invalidation), so they pile up neither as live credentials nor as revoked records.
 */
/**
 * What a call-center agent's key holds: every scope of the graph, the writes of issue 11 (ADR 0011) too (an agent
 * places orders, takes returns and leaves notes; partners never get them), and the pricing team's reads (a customer
 * asking why the shop and Allegro differ; partners never get them either).
 */
export const CALL_CENTER_SCOPES: readonly string[] = Object.freeze([
  'catalog:read',
  'stock:read',
  'customers:read',
  'customers:pii',
  'orders:read',
  'orders:write',
  'returns:write',
  'notes:write',
  'writes:read',
  'pricing:read',
]);

export async function issueDemoKeys(keys: ApiKeyService): Promise<{ callCenter: string; partner: string; storefront: string }> {
  for (const old of await keys.list(DEMO_OWNER)) await keys.delete(old.keyId);
  const callCenter = await keys.createKey({
    name: 'demo: call center',
    ownerId: DEMO_OWNER,
    profile: 'internal',
    scopes: [...CALL_CENTER_SCOPES],
    rateLimitPerMinute: 600,
  });
  const partner = await keys.createKey({
    name: 'demo: comparison site',
    ownerId: DEMO_OWNER,
    scopes: ['catalog:read', 'stock:read'],
    rateLimitPerMinute: 120,
  });
  // the shop's back end: mints customer-bound tokens (ADR 0009) for its signed-in customers, and reads nothing itself
  const storefront = await keys.createKey({
    name: 'demo: storefront back end',
    ownerId: DEMO_OWNER,
    profile: 'internal',
    scopes: ['customer-tokens:issue'],
    rateLimitPerMinute: 600,
  });
  return { callCenter: callCenter.key, partner: partner.key, storefront: storefront.key };
}
