-- Token bucket of one API key: takes one token when there is one. Time comes from the Redis server, so
-- every api-service replica shares one clock.
-- KEYS[1] the key's bucket (hash: tokens, ts)
-- ARGV[1] refill rate in tokens per second
-- ARGV[2] capacity (burst)
-- Returns {allowed (1 or 0), whole tokens left, ms until a token is available (0 when allowed), ms until the bucket is full}
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = burst
  ts = now
end
if now > ts then
  tokens = math.min(burst, tokens + (now - ts) * rate / 1000)
  ts = now
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
local full_ms = math.ceil((burst - tokens) * 1000 / rate)
redis.call('PEXPIRE', KEYS[1], full_ms + 1000)
local wait_ms = 0
if allowed == 0 then
  wait_ms = math.ceil((1 - tokens) * 1000 / rate)
end
return {allowed, math.floor(tokens), wait_ms, full_ms}
