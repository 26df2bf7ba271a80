import { z } from 'zod';
import type { Logger } from '../logging/index.ts';
import type { OnChange } from './change-event.ts';
import { createChangePoller, type ChangePoller, type PolledChangeSource } from './create-change-poller.ts';
import { createFreshnessStateFromEnv } from './create-freshness-state-from-env.ts';

export interface StartChangePollersOptions {
  sources: readonly PolledChangeSource[];
  /** pause between polls, in ms (each source polls at this pace) */
  intervalMs: number;
  /** Redis for cursors and the single-runner lock; unset → `cursorFile`, else memory */
  redisUrl?: string | undefined;
  /** e.g. `marketplace:freshness:`; required */
  keyPrefix: string;
  cursorFile?: string | undefined;
  onChange: OnChange;
  logger: Logger;
}

export interface RunningChangePollers {
  pollers: ChangePoller[];
  /** stops every poller (waiting for a running poll), releases their locks and closes the Redis connection */
  stop(): Promise<void>;
}

/** The boot step every subgraph with polled sources shares: state from env, one poller per source, started. */
export async function startChangePollers(options: StartChangePollersOptions): Promise<RunningChangePollers> {
  const state = await createFreshnessStateFromEnv({
    redisUrl: options.redisUrl,
    keyPrefix: options.keyPrefix,
    cursorFile: options.cursorFile,
    onError: (error) => options.logger.warn({ err: error }, 'freshness state (Redis) failure'),
  });
  const pollers = options.sources.map((source) =>
    createChangePoller({
      ...source,
      intervalMs: options.intervalMs,
      cursors: state.cursors,
      lock: state.lock,
      onChange: options.onChange,
      logger: options.logger,
    }),
  );
  for (const poller of pollers) poller.start();
  return {
    pollers,
    async stop() {
      await Promise.all(pollers.map((p) => p.stop()));
      await state.close();
    },
  };
}

/** `<ROLE>_FRESHNESS_ENABLED`-style switches: `true`/`false`/`1`/`0`, on unless set otherwise. */
export const enabledByDefault = z
  .enum(['true', 'false', '1', '0'])
  .default('true')
  .transform((v) => v === 'true' || v === '1');

/** `<ROLE>_FRESHNESS_POLL_INTERVAL_MS`: ≤ 2 s by default so a change shows within 5 s (one interval + one poll). */
export const pollIntervalMs = z.coerce.number().int().min(100).max(300_000).default(1_000);
