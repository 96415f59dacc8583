-- Registers, re-registers or removes one schedule in the index, unless a newer registration is already there.
-- KEYS[1] the partition's schedule index (sorted set: schedule id -> due epoch ms, jitter included)
-- KEYS[2] the schedule's spec hash
-- ARGV[1] schedule id
-- ARGV[2] version: the schedule's updated_at in epoch ms; an older version never overwrites a newer one
-- ARGV[3] due epoch ms, or '' when the schedule must not fire (removed, disabled, paused, finished)
-- ARGV[4] tombstone TTL in seconds, used when ARGV[3] is ''
-- ARGV[5..] field/value pairs of the spec hash (agent_id, spec, next, ...), only when ARGV[3] is not ''
-- Returns 1 when applied, 0 when a newer registration was kept.
local stored = redis.call('HGET', KEYS[2], 'version')
if stored and tonumber(stored) > tonumber(ARGV[2]) then
  return 0
end
redis.call('DEL', KEYS[2])
if ARGV[3] == '' then
  -- a tombstone, so a late, older registration of a removed schedule cannot bring it back
  redis.call('HSET', KEYS[2], 'version', ARGV[2], 'removed', '1')
  redis.call('EXPIRE', KEYS[2], tonumber(ARGV[4]))
  redis.call('ZREM', KEYS[1], ARGV[1])
  return 1
end
redis.call('HSET', KEYS[2], 'version', ARGV[2], unpack(ARGV, 5))
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
return 1
