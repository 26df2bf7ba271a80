export type { ChangeEvent, ChangeKind, ChangeRefs, ChangeSystem, OnChange } from './change-event.ts';
export { compactRefs, uniqueIds } from './change-event.ts';
export type { CacheInvalidator, CreateCacheInvalidatorOptions, KeysOfChange } from './create-cache-invalidator.ts';
export { createCacheInvalidator } from './create-cache-invalidator.ts';
export type { ChangePoller, ChangePollerOptions, PolledChangeSource, PollPage, TickResult } from './create-change-poller.ts';
export { createChangePoller } from './create-change-poller.ts';
export type { FreshnessStateFromEnvOptions } from './create-freshness-state-from-env.ts';
export { createFreshnessStateFromEnv } from './create-freshness-state-from-env.ts';
export type { CursorStore, FreshnessRedis, FreshnessState, RedisFreshnessOptions, RunnerLock } from './freshness-state.ts';
export {
  createFileCursorStore,
  createLocalRunnerLock,
  createMemoryCursorStore,
  createRedisFreshnessState,
} from './freshness-state.ts';
export type { WebhookRequest, WebhookResponse, WebhookRoute } from './webhook-route.ts';
export { headerValue, hmacSha256Base64, signatureMatches } from './webhook-route.ts';
export type { RunningChangePollers, StartChangePollersOptions } from './start-change-pollers.ts';
export { enabledByDefault, pollIntervalMs, startChangePollers } from './start-change-pollers.ts';
