import { defineRedisScript, SLIDING_WINDOW_LUA } from '@omnigraph/shared/limits';

/**
 * One atomic round trip per request: daily quota, sliding-window log and cost GCRA are all checked before anything is
 * written, so a refusal consumes nothing and two replicas can never both take the last slot.
 *
 * KEYS: 1 request log (ZSET, score = admission time in µs, member unique per call), 2 cost bucket (HASH debt, at µs),
 *       3 daily quota (HASH day, used). All three carry the same `{subject}` hash tag: one Redis Cluster slot.
 * ARGV: 1 requests per minute, 2 cost budget per minute (0 = off), 3 cost, 4 quota per day (0 = off),
 *       5 log member, 6 cost epsilon (units).
 * Returns strings: allowed (1/0), reason ('' when allowed), retry-after µs, requests remaining, requests reset µs,
 *       quota remaining (-1 = no quota).
 *
 * The request log is the shared sliding-window log (`SLIDING_WINDOW_LUA`: Redis `TIME`, µs, `int` for numbers that
 * go back to Redis), the same algorithm as the upstream budgets.
 */
export const CONSUME_SCRIPT = defineRedisScript(`${SLIDING_WINDOW_LUA}
local now = redis_now()
local WINDOW = 60000000
local DAY = 86400000000
local limit = tonumber(ARGV[1])
local budget = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local quota = tonumber(ARGV[4])
local slack = tonumber(ARGV[6])

local reason = ''
local wait = 0
local function refuse(why, after)
  if reason == '' then reason = why end
  if after > wait then wait = after end
end

local day = math.floor(now / DAY)
local used = 0
if quota > 0 then
  local stored = redis.call('HMGET', KEYS[3], 'day', 'used')
  if tonumber(stored[1]) == day then used = tonumber(stored[2]) or 0 end
  if used >= quota then refuse('QUOTA_EXCEEDED', (day + 1) * DAY - now) end
end

-- The window is (now - 60 s, now]: an admission exactly 60 s old no longer counts. count exceeds limit only after a
-- policy was lowered; window_wait then waits for enough entries to leave.
local count = window_count(KEYS[1], now, WINDOW)
if count >= limit then refuse('RATE_LIMITED', window_wait(KEYS[1], count, limit, now, WINDOW)) end

-- Token bucket of budget units refilling in one window (GCRA with quantity = cost, burst = budget). Debt is kept in
-- cost units, not as a theoretical arrival time in epoch µs, so float rounding is relative to the budget.
local debt = 0
if budget > 0 then
  local stored = redis.call('HMGET', KEYS[2], 'debt', 'at')
  local before = tonumber(stored[1]) or 0
  local at = tonumber(stored[2]) or now
  local elapsed = now - at
  if elapsed < 0 then elapsed = 0 end
  debt = before - elapsed * budget / WINDOW
  if debt < 0 then debt = 0 end
  debt = debt + cost
  if debt > budget + slack then
    -- A cost above the whole budget never fits: say "a minute", the longest any refill takes.
    if cost > budget then refuse('COST_LIMIT_EXCEEDED', WINDOW) else refuse('COST_LIMIT_EXCEEDED', (debt - budget) * WINDOW / budget) end
  end
end

local quotaLeft = -1
if quota > 0 then quotaLeft = quota - used end

if reason ~= '' then
  local left = limit - count
  if left < 0 then left = 0 end
  return {'0', reason, int(wait), int(left), '0', int(quotaLeft)}
end

window_add(KEYS[1], now, WINDOW, ARGV[5])
if budget > 0 and cost > 0 then
  redis.call('HSET', KEYS[2], 'debt', string.format('%.17g', debt), 'at', int(now))
  redis.call('PEXPIRE', KEYS[2], int(math.ceil(debt * WINDOW / budget / 1000) + 1))
end
if quota > 0 then
  redis.call('HSET', KEYS[3], 'day', int(day), 'used', int(used + 1))
  redis.call('PEXPIRE', KEYS[3], int(math.ceil(((day + 1) * DAY - now) / 1000)))
  quotaLeft = quotaLeft - 1
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {'1', '', '0', int(limit - count - 1), int(tonumber(oldest[2]) + WINDOW - now), int(quotaLeft)}
`);
