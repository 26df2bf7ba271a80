import { randomBytes } from 'node:crypto';
import type { ScriptClient } from '@omnigraph/shared/limits';
import { COST_EPSILON } from './policy.ts';
import { CONSUME_SCRIPT } from './consume-script.ts';
import type { EffectiveLimits, RateLimitReason, StoreOutcome } from './types.ts';

export interface RedisStore {
  consume(redis: ScriptClient, subject: string, limits: EffectiveLimits, cost: number): Promise<StoreOutcome>;
}

export function createRedisStore(keyPrefix: string): RedisStore {
  // Log members must be unique across replicas, or two admissions in the same µs would collapse into one entry.
  const replicaId = randomBytes(6).toString('base64url');
  let sequence = 0;

  return {
    async consume(redis, subject, limits, cost) {
      const base = `${keyPrefix}{${subject}}:`;
      const reply = await CONSUME_SCRIPT.run(
        redis,
        [`${base}req`, `${base}cost`, `${base}quota`],
        [
          String(limits.requests),
          String(limits.cost),
          String(cost),
          String(limits.quota),
          `${replicaId}:${(sequence++).toString(36)}`,
          String(COST_EPSILON),
        ],
      );
      return parseReply(reply);
    },
  };
}

const REASONS: ReadonlySet<string> = new Set<RateLimitReason>(['RATE_LIMITED', 'COST_LIMIT_EXCEEDED', 'QUOTA_EXCEEDED']);

function parseReply(reply: unknown): StoreOutcome {
  if (!Array.isArray(reply) || reply.length !== 6) throw new Error(`rate-limit script: unexpected reply ${JSON.stringify(reply)}`);
  const [allowed, reason, retryAfterUs, requestsRemaining, requestsResetUs, quotaRemaining] = reply.map(String) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const quota = Number(quotaRemaining);
  return {
    allowed: allowed === '1',
    ...(REASONS.has(reason) ? { reason: reason as RateLimitReason } : {}),
    retryAfterMs: Number(retryAfterUs) / 1000,
    requestsRemaining: Number(requestsRemaining),
    requestsResetMs: Number(requestsResetUs) / 1000,
    ...(quota >= 0 ? { quotaRemaining: quota } : {}),
  };
}
