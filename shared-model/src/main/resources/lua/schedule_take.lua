-- Takes up to ARGV[2] due schedules of a partition for one ticker: reads the members due by ARGV[1] and moves
-- each one's score to ARGV[3] (the end of a short lease), so competing tickers skip what this one is firing
-- instead of all trying every due schedule. The ticker then fires each with schedule_fire, expecting the
-- leased score; if it dies first, the schedules are due again when the lease ends.
-- KEYS[1] the partition's schedule index (sorted set: schedule id -> due epoch ms)
-- ARGV[1] now, epoch ms
-- ARGV[2] how many at most
-- ARGV[3] lease end, epoch ms
-- Returns a flat array: schedule id, due epoch ms before the lease, schedule id, due epoch ms, ...
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[2]))
for i = 1, #due, 2 do
  redis.call('ZADD', KEYS[1], 'XX', ARGV[3], due[i])
end
return due
