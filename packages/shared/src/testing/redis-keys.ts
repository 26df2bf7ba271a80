/** The slice of a node-redis v5 client that listing and deleting keys needs. */
export interface KeyScanningRedis {
  scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[]>;
  del(keys: string[]): Promise<unknown>;
}

/** Every key starting with `prefix` (SCAN, never KEYS: the shared Redis serves other suites meanwhile). */
export async function keysWithPrefix(redis: KeyScanningRedis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 1_000 })) keys.push(...batch);
  return keys;
}

/** A test's cleanup of the shared Redis: only its own run prefix, never FLUSHDB. */
export async function deleteKeysWithPrefix(redis: KeyScanningRedis, prefix: string): Promise<void> {
  const keys = await keysWithPrefix(redis, prefix);
  if (keys.length > 0) await redis.del(keys);
}
