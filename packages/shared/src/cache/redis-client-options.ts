/**
 * How every Omnigraph Redis connection behaves during an outage (caches, API keys, rate limits): a request must get
 * its answer, or its fallback, in milliseconds, never wait for Redis to come back.
 */
export function resilientRedisOptions(url: string, name?: string) {
  return {
    url,
    ...(name === undefined ? {} : { name }),
    // Fail commands at once while disconnected instead of queueing them until Redis is back: a queued command would
    // hold its request for the whole outage.
    disableOfflineQueue: true,
    // Bounded even while connected, so a stalled Redis cannot grow the queue without limit.
    commandsQueueMaxLength: 1_000,
    socket: {
      connectTimeout: 1_000,
      // Keep trying for ever, backing off to 2 s so a long outage does not flood the logs.
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
    },
  } as const;
}
