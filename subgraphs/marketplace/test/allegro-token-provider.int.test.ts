import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@omnigraph/shared/http';
import { createAllegroSimulator, type AllegroSimulator } from '@omnigraph/simulator-allegro';
import { createAllegroTokenProvider } from '../src/upstream/allegro/allegro-token-provider.ts';
import {
  TokenStoreUnavailableError,
  createMemoryAllegroTokenStore,
  fingerprintOfSeed,
  type AllegroTokenStore,
} from '../src/upstream/allegro/allegro-token-store.ts';
import { COUNTER } from './support/start-marketplace-harness.ts';

/** A store whose backend can be switched off, as Redis going away would. */
function breakableStore(): AllegroTokenStore & { down: boolean } {
  const inner = createMemoryAllegroTokenStore();
  const guard = <T>(run: () => Promise<T>) => (store.down ? Promise.reject(new TokenStoreUnavailableError('down')) : run());
  const store = {
    kind: 'memory' as const,
    down: false,
    read: () => guard(() => inner.read()),
    write: (r: Parameters<AllegroTokenStore['write']>[0]) => guard(() => inner.write(r)),
    withRefreshLock: <T>(critical: () => Promise<T>) => guard(() => inner.withRefreshLock(critical)),
    close: () => inner.close(),
  };
  return store;
}

describe('Allegro token provider: seed, rejection and store rules (against the simulator)', () => {
  let sim: AllegroSimulator;
  let baseUrl: string;
  beforeAll(async () => {
    sim = createAllegroSimulator({ scale: 0.3, credentials: { tokenTtlSeconds: 1 } });
    baseUrl = await sim.listen(0, '127.0.0.1');
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.allegro.auth.reset();
    sim.control.resetCounters();
  });

  const tokenCalls = () => sim.control.counters().endpoints[COUNTER.token] ?? 0;
  const provider = (store: AllegroTokenStore, refreshToken = sim.allegro.credentials.refreshToken) =>
    createAllegroTokenProvider({
      http: createHttpClient({ baseUrl, timeoutMs: 2_000 }),
      clientId: sim.allegro.credentials.clientId,
      clientSecret: sim.allegro.credentials.clientSecret,
      refreshToken,
      store,
    });

  it('shares a stored access token: a second process makes no token call', async () => {
    const store = createMemoryAllegroTokenStore();
    const first = await provider(store).getAccessToken();
    const second = provider(store);
    await expect(second.getAccessToken()).resolves.toBe(first);
    expect(tokenCalls()).toBe(1);
    expect(second.state()).toBe('ok');
  });

  it('records invalid_grant in the store, so later processes fail fast without asking Allegro', async () => {
    const store = createMemoryAllegroTokenStore();
    const dead = provider(store, 'a-token-allegro-never-issued');
    await expect(dead.getAccessToken()).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_REJECTED', serviceName: 'marketplace' } });
    expect(dead.state()).toBe('credentials_rejected');
    expect((await store.read())?.rejected).toBe(true);
    expect(tokenCalls()).toBe(1);

    const restarted = provider(store, 'a-token-allegro-never-issued');
    await expect(restarted.getAccessToken()).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_REJECTED' } });
    expect(tokenCalls()).toBe(1);
  });

  it('lets a new ALLEGRO_REFRESH_TOKEN replace a rejected grant (the operator fix), but never re-applies an old one', async () => {
    const store = createMemoryAllegroTokenStore();
    await expect(provider(store, 'revoked-grant').getAccessToken()).rejects.toThrow();
    // the operator authorizes again and restarts with the new token
    const fixed = provider(store);
    await expect(fixed.getAccessToken()).resolves.toEqual(expect.any(String));
    const record = await store.read();
    expect(record?.rejected).toBeUndefined();
    expect(record?.seeds).toEqual([fingerprintOfSeed('revoked-grant'), fingerprintOfSeed(sim.allegro.credentials.refreshToken)]);
    // a replica still configured with the old value does not throw the live grant away
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await expect(provider(store, 'revoked-grant').getAccessToken()).resolves.toEqual(expect.any(String));
    expect(sim.allegro.auth.liveRefreshTokens()).toEqual([(await store.read())?.refreshToken]);
  });

  it('falls back to the configured seed once when the stored grant is refused (a reset sandbox or simulator)', async () => {
    const store = createMemoryAllegroTokenStore();
    await provider(store).getAccessToken();
    sim.allegro.auth.reset(); // forgets the rotated grant; only the configured token works again
    sim.control.resetCounters();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await expect(provider(store).getAccessToken()).resolves.toEqual(expect.any(String));
    expect(tokenCalls()).toBe(2); // the stored (refused) one, then the seed
  });

  it('without the store: serves the held token until it expires, and never refreshes (its new grant could not be kept)', async () => {
    const store = breakableStore();
    let offsetMs = 0;
    const tokens = createAllegroTokenProvider({
      http: createHttpClient({ baseUrl, timeoutMs: 2_000 }),
      clientId: sim.allegro.credentials.clientId,
      clientSecret: sim.allegro.credentials.clientSecret,
      refreshToken: sim.allegro.credentials.refreshToken,
      store,
      clock: () => Date.now() + offsetMs,
    });
    const held = await tokens.getAccessToken();
    store.down = true;
    offsetMs = 950; // past the refresh margin (100 ms of a 1 s token), before expiry
    await expect(tokens.getAccessToken()).resolves.toBe(held);
    offsetMs = 1_500; // expired
    await expect(tokens.getAccessToken()).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
    expect(tokens.state()).toBe('store_unavailable');
    expect(tokenCalls()).toBe(1);
    store.down = false;
    await expect(tokens.getAccessToken()).resolves.toEqual(expect.any(String));
    expect(tokens.state()).toBe('ok');
    expect(tokenCalls()).toBe(2);
  });

  it('reports a token endpoint that is down as upstream_unavailable, not as a credentials problem', async () => {
    sim.control.addFaults([{ kind: 'status', status: 503, match: COUNTER.token, count: 1 }]);
    const store = createMemoryAllegroTokenStore();
    const tokens = provider(store);
    await expect(tokens.getAccessToken()).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
    expect(tokens.state()).toBe('upstream_unavailable');
    expect((await store.read())?.rejected).toBeUndefined();
    await expect(tokens.getAccessToken()).resolves.toEqual(expect.any(String));
  });
});
