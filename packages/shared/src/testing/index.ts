// Test-only helpers, behind the `./testing` export so production code never imports vitest.
export type { CreateCacheForContract } from '../cache/define-cache-contract.ts';
export { defineCacheContract } from '../cache/define-cache-contract.ts';
export type { DisposableRedisServer } from './start-redis-server.ts';
export { isRedisServerAvailable, startRedisServer } from './start-redis-server.ts';
export type { TestHttpServer } from './start-test-http-server.ts';
export { findFreePort, startTestHttpServer } from './start-test-http-server.ts';
export { inCi, requireRedisInCi, sharedRedisUrl } from './redis-prerequisites.ts';
export type { SpawnedEntry } from './spawn-entry.ts';
export { spawnEntry, typeScriptEntryArgs } from './spawn-entry.ts';
export type { KeyScanningRedis } from './redis-keys.ts';
export { deleteKeysWithPrefix, keysWithPrefix } from './redis-keys.ts';
