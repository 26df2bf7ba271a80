import { describe, expect, it } from 'vitest';
import { isRedisServerAvailable } from './start-redis-server.ts';

/** The shared Redis of the test run, when there is one. */
export const sharedRedisUrl: string | undefined = process.env['REDIS_URL'] || undefined;

/** Any non-empty CI value except an explicit "false"/"0" counts. */
export const inCi: boolean = ((value) => value !== undefined && value !== '' && value !== 'false' && value !== '0')(process.env['CI']);

/**
 * Tests that need Redis skip on a laptop without it, but must never skip silently in CI: there, these checks fail
 * instead. Call once per test file that needs the shared Redis (`sharedRedis`) or a private `redis-server` to break
 * (`redisServerBinary`), naming what would otherwise go untested.
 */
export function requireRedisInCi(what: string, needs: { sharedRedis?: boolean; redisServerBinary?: boolean }): void {
  // Registered only where they apply, so a CI run shows no skipped guard.
  if (!inCi) return;
  describe(`${what}: Redis prerequisites`, () => {
    if (needs.sharedRedis === true) {
      it('REDIS_URL is set in CI', () => {
        expect(sharedRedisUrl, `REDIS_URL must be set when CI is set: ${what} may not skip in CI`).toBeTruthy();
      });
    }
    if (needs.redisServerBinary === true) {
      it('redis-server is on PATH in CI', () => {
        expect(isRedisServerAvailable(), `redis-server must be on PATH in CI: ${what} may not skip in CI`).toBe(true);
      });
    }
  });
}
