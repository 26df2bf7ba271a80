import { describe, expect, it } from 'vitest';
import { createApiKeyService, createMemoryKeyStore } from '@omnigraph/auth';
import { DEMO_OWNER, issueDemoKeys } from './demo-keys.ts';

describe('issueDemoKeys', () => {
  it('replaces the previous demo keys instead of piling them up, and leaves other keys alone', async () => {
    const keys = createApiKeyService({ store: createMemoryKeyStore(), pepper: 'demo-keys-test-pepper-0123456789abcdef' });
    const partner = await keys.createKey({ name: 'a partner', ownerId: 'partner-x', scopes: ['catalog:read'], rateLimitPerMinute: 10 });
    const first = await issueDemoKeys(keys);
    for (let start = 0; start < 3; start++) await issueDemoKeys(keys);
    const demo = await keys.list(DEMO_OWNER);
    expect(demo).toHaveLength(3);
    expect(demo.every((r) => r.revokedAt === undefined)).toBe(true);
    expect((await keys.authenticate(first.callCenter)).ok).toBe(false);
    expect((await keys.list()).map((r) => r.keyId)).toContain(partner.record.keyId);
  });
});
