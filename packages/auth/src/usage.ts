import { z } from 'zod';

/** What a partner consumed on one UTC day with one key. */
export interface UsageCounts {
  /** requests sent with the key, refused ones included (they are charged to its rate limit too) */
  requests: number;
  /** query cost points charged (refused requests cost 0) */
  cost: number;
  /** upstream HTTP calls the subgraphs made for the key's requests */
  upstreamCalls: number;
  /** requests answered with at least one error: refused, failed or partial */
  errors: number;
}

export const USAGE_FIELDS = ['requests', 'cost', 'upstreamCalls', 'errors'] as const satisfies readonly (keyof UsageCounts)[];

export interface UsageIncrement extends UsageCounts {
  keyId: string;
  /** UTC day, `YYYY-MM-DD` */
  day: string;
}

export interface UsageDay extends UsageCounts {
  day: string;
}

/**
 * How long a day's usage is kept: a little over a year, so a partner's usage can be compared with the same month of
 * the year before and billed after a dispute, and then it goes (Redis TTL; the key file drops it on `purge`).
 */
export const USAGE_RETENTION_DAYS = 400;
/** The longest range one `usage` read may span, so a typo in a date cannot ask the store for thousands of days. */
export const MAX_USAGE_RANGE_DAYS = USAGE_RETENTION_DAYS + 1;

export const usageCountsSchema = z.object({
  requests: z.number().int().nonnegative(),
  cost: z.number().nonnegative(),
  upstreamCalls: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
});

export const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** The UTC day of an instant, `YYYY-MM-DD`. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Whether `value` is a real calendar day in `YYYY-MM-DD` form. */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && utcDay(date) === value;
}

/** Every day from `from` to `to`, both included (empty when `to` is before `from`), at most `max` of them. */
export function daysBetween(from: string, to: string, max: number = MAX_USAGE_RANGE_DAYS): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00.000Z`);
  for (let t = Date.parse(`${from}T00:00:00.000Z`); t <= end && days.length < max; t += DAY_MS) days.push(utcDay(new Date(t)));
  return days;
}

/** The first day still within retention on `now`'s day; older days may be dropped. */
export function retentionStart(now: Date, retentionDays: number = USAGE_RETENTION_DAYS): string {
  return utcDay(new Date(Date.parse(`${utcDay(now)}T00:00:00.000Z`) - (retentionDays - 1) * DAY_MS));
}

export const zeroUsage = (): UsageCounts => ({ requests: 0, cost: 0, upstreamCalls: 0, errors: 0 });

export function addCounts(into: UsageCounts, add: UsageCounts): UsageCounts {
  for (const field of USAGE_FIELDS) into[field] += add[field];
  return into;
}
