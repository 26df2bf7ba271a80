/**
 * Change events for processes other than the subgraph that received them: the gateway's response cache (ADR 0015)
 * drops answers holding the changed SKUs. Redis pub/sub, fire and forget: a subscriber that was disconnected misses
 * the event and its answers live out their TTL (seconds), which is the bound the cache is sized by anyway.
 */
import { createClient } from 'redis';
import { resilientRedisOptions } from '../cache/redis-client-options.ts';
import { closeRedisClient } from '../redis/close-redis-client.ts';
import type { ChangeEvent, OnChange } from './change-event.ts';

export const CHANGE_CHANNEL = 'omnigraph:changes';

/** What crosses the channel: the kind and the SKUs, never ids that may name a person (contacts, buyers, e-mails). */
interface ChannelMessage {
  kind: ChangeEvent['kind'];
  skus?: string[];
}

export interface ChangePublisher {
  publish: OnChange;
  close(): Promise<void>;
}

/** For a subgraph's invalidator: publishes each catalogue, stock and order change after its own entries are gone. */
export function createChangePublisher(options: { redisUrl: string; onError?: (error: unknown) => void }): ChangePublisher {
  const client = createClient(resilientRedisOptions(options.redisUrl, 'omnigraph-change-publisher'));
  client.on('error', (error: unknown) => options.onError?.(error));
  // not awaited: a subgraph starts while Redis is down (its caches do too); publishes fail, and are reported, until it is up
  client.connect().catch((error: unknown) => options.onError?.(error));
  return {
    async publish(event) {
      if (event.kind !== 'product' && event.kind !== 'stock' && event.kind !== 'order') return;
      const message: ChannelMessage = { kind: event.kind, ...(event.refs?.skus === undefined ? {} : { skus: event.refs.skus }) };
      try {
        await client.publish(CHANGE_CHANNEL, JSON.stringify(message));
      } catch (error) {
        // the subgraph's own cache is already right; the gateway's answers expire within their TTL
        options.onError?.(error);
      }
    },
    close: () => closeChannelClient(client),
  };
}

/**
 * For the gateway: calls `onChange` with every event published on the channel; returns the unsubscribe. Never waits
 * for Redis: while it is down (at start too) no event arrives and cached answers live out their TTL; node-redis
 * subscribes again on every reconnect.
 */
export function subscribeToChanges(options: {
  redisUrl: string;
  onChange: (event: Pick<ChangeEvent, 'kind' | 'refs'>) => void;
  onError?: (error: unknown) => void;
}): () => Promise<void> {
  const client = createClient(resilientRedisOptions(options.redisUrl, 'omnigraph-change-subscriber'));
  client.on('error', (error: unknown) => options.onError?.(error));
  const listener = (raw: string) => {
    let message: ChannelMessage;
    try {
      message = JSON.parse(raw) as ChannelMessage;
    } catch {
      return;
    }
    const skus = Array.isArray(message.skus) ? message.skus.filter((s): s is string => typeof s === 'string') : undefined;
    options.onChange({ kind: message.kind, ...(skus === undefined ? {} : { refs: { skus } }) });
  };
  const subscribed = client
    .connect()
    .then(() => client.subscribe(CHANGE_CHANNEL, listener))
    .catch((error: unknown) => options.onError?.(error));
  void subscribed;
  return () => closeChannelClient(client);
}

/** In one process (`npm start`, e2e stacks): the subgraphs' `onChange` feeds the gateway's subscribers directly. */
export function createLocalChangeBus(): { emit: OnChange; subscribe: (listener: (event: ChangeEvent) => void) => () => void } {
  const listeners = new Set<(event: ChangeEvent) => void>();
  return {
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Closes a client that may still be connecting (Redis down): one that never connected is dropped at once. */
async function closeChannelClient(client: ReturnType<typeof createClient>): Promise<void> {
  if (client.isReady) return closeRedisClient(client);
  try {
    client.destroy();
  } catch {
    // already closed
  }
}
