-- Fires one due occurrence of a schedule exactly once across all ticker replicas: compare-and-set of the
-- schedule's score (expected -> next due) and, in the same call, XADD of the job.
-- KEYS[1] the partition's schedule index (sorted set: schedule id -> due epoch ms)
-- KEYS[2] the schedule's spec hash
-- KEYS[3] the partition's scheduled-jobs stream
-- ARGV[1] schedule id
-- ARGV[2] expected score (the lease end schedule_take set when this ticker took the schedule)
-- ARGV[3] expected spec version (the hash's 'version' the ticker computed with)
-- ARGV[4] next due epoch ms, or '' when the schedule never fires again
-- ARGV[5] next occurrence epoch ms before jitter, or ''
-- ARGV[6..] job field/value pairs; none when the occurrence is dropped (outside the catch-up window)
-- Returns the job's stream id, 'dropped' when no job was added, or 0 when another replica won or the spec changed.
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) ~= tonumber(ARGV[2]) then
  return 0
end
if redis.call('HGET', KEYS[2], 'version') ~= ARGV[3] then
  return 0
end
if ARGV[4] == '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], 'next')
else
  redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
  redis.call('HSET', KEYS[2], 'next', ARGV[5])
end
if #ARGV > 5 then
  return redis.call('XADD', KEYS[3], '*', unpack(ARGV, 6))
end
return 'dropped'
