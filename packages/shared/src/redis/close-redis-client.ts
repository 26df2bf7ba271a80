/** The slice of a node-redis client that closing needs. */
export interface ClosableRedisClient {
  readonly isOpen: boolean;
  close(): Promise<unknown>;
  destroy(): void;
}

/**
 * Closes a client we own at shutdown. node-redis' close() lets in-flight commands finish, but waits for ever on a
 * stalled Redis (paused, black-holed): shutdown must not hang on it, so it gets `graceMs`, then the socket is dropped.
 */
export async function closeRedisClient(redis: ClosableRedisClient, graceMs = 500): Promise<void> {
  if (!redis.isOpen) return;
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)));
  const mustDestroy = await Promise.race([
    redis.close().then(
      () => false,
      () => true,
    ),
    gaveUp,
  ]);
  clearTimeout(timer);
  if (mustDestroy && redis.isOpen) redis.destroy();
}
