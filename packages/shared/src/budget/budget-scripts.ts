import { defineRedisScript, SLIDING_WINDOW_LUA } from '../limits/index.ts';

/**
 * One unit of every bucket, all or none, in one round trip: nothing is logged unless every bucket has room, so a
 * refusal costs nothing and two replicas can never both take the last unit.
 *
 * KEYS: per bucket, three keys with the product's `{hash tag}` (one Cluster slot per product):
 *       log (ZSET, the sliding-window log), block (string: blocked until, µs), floor (HASH used, at, until: what the
 *       upstream's own headers said was used).
 * ARGV: 1 log member (unique per call); then per bucket: window µs, cap (the caller's priority's share of the
 *       limit), and nothing else.
 * Returns strings: granted (1/0), retry-after µs (the longest wait among the refusing buckets).
 *
 * A bucket refuses when it is blocked (a 429's Retry-After), when `cap` admissions are in its window, or when the
 * upstream's `remaining` said more were used than we logged: used-then plus our admissions since.
 */
export const ACQUIRE_SCRIPT = defineRedisScript(`${SLIDING_WINDOW_LUA}
local now = redis_now()
local wait = 0
local refused = false
local function refuse(after)
  refused = true
  if after > wait then wait = after end
end

local buckets = #KEYS / 3
for i = 0, buckets - 1 do
  local log, block, floor = KEYS[3 * i + 1], KEYS[3 * i + 2], KEYS[3 * i + 3]
  local window = tonumber(ARGV[2 * i + 2])
  local cap = tonumber(ARGV[2 * i + 3])
  local blocked = tonumber(redis.call('GET', block))
  if blocked and blocked > now then refuse(blocked - now) end
  local count = window_count(log, now, window)
  if count >= cap then refuse(window_wait(log, count, cap, now, window)) end
  local seen = redis.call('HMGET', floor, 'used', 'at', 'until')
  local till = tonumber(seen[3])
  if till and till > now then
    local used = tonumber(seen[1]) + redis.call('ZCOUNT', log, seen[2], '+inf')
    if used >= cap then refuse(till - now) end
  end
end

if refused then return {'0', int(wait)} end
for i = 0, buckets - 1 do window_add(KEYS[3 * i + 1], now, tonumber(ARGV[2 * i + 2]), ARGV[1]) end
return {'1', '0'}
`);

/**
 * What the upstream said about one bucket, for every replica.
 * KEYS: block, floor (as above). ARGV: 1 blocked for µs (0 = no block), 2 used (-1 = no headers), 3 window µs.
 * A block only ever lengthens (a shorter Retry-After seen later does not cut a longer one); the floor is replaced by
 * the newest reading and lives one window.
 */
export const OBSERVE_SCRIPT = defineRedisScript(`${SLIDING_WINDOW_LUA}
local now = redis_now()
local blockedFor = tonumber(ARGV[1])
local used = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
if blockedFor > 0 then
  local till = now + blockedFor
  local before = tonumber(redis.call('GET', KEYS[1]))
  if not before or before < till then redis.call('SET', KEYS[1], int(till), 'PX', int(math.ceil(blockedFor / 1000))) end
end
if used >= 0 then
  redis.call('HSET', KEYS[2], 'used', int(used), 'at', int(now), 'until', int(now + window))
  redis.call('PEXPIRE', KEYS[2], int(math.ceil(window / 1000)))
end
return 1
`);
