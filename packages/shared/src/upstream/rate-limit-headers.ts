import type { UpstreamLimitSignal } from '../budget/budget-gate.ts';
import type { UpstreamProduct } from './create-upstream.ts';

/**
 * What an upstream's own rate-limit headers say about its general budget, for the budget governor.
 *
 * - HubSpot: `X-HubSpot-RateLimit-Max`, `-Remaining` and `-Interval-Milliseconds` on every non-search answer
 *   (developers.hubspot.com changelog "Rate limit information headers will be included in HTTP responses"; OAuth
 *   apps get them too). Searches carry none: their 5/s budget is only visible as a 429.
 * - Allegro documents no rate-limit headers, wc/v3 has none (the `RateLimit-*` ones belong to the Store API), Odoo
 *   has no limiter (upstream-apis.md §1.4, §2.4, §4.3).
 */
export function readRateLimitHeaders(product: UpstreamProduct, headers: unknown): UpstreamLimitSignal | undefined {
  if (product !== 'hubspot') return undefined;
  const remaining = integerHeader(headers, 'x-hubspot-ratelimit-remaining');
  if (remaining === undefined) return undefined;
  const windowMs = integerHeader(headers, 'x-hubspot-ratelimit-interval-milliseconds');
  return windowMs === undefined ? { remaining } : { remaining, windowMs };
}

function integerHeader(headers: unknown, name: string): number | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  const raw: unknown = (headers as Record<string, unknown>)[name];
  const value = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : undefined;
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
