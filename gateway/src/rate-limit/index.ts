export { createRateLimiter, RateLimitTimeoutError } from './create-rate-limiter.ts';
export { rateLimitHeaders } from './headers.ts';
export type { RateLimitDecision, RateLimiter, RateLimiterOptions, RateLimitPolicy, RateLimitReason } from './types.ts';
