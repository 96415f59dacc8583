-- Reserves units of an agent's daily limit in one atomic step: grants min(want, limit - used), never less than 0.
-- KEYS[1] the agent's counter for one UTC day
-- ARGV[1] the daily limit
-- ARGV[2] units wanted
-- Returns the units granted (0 when the limit is reached), or -1 when the counter is missing: the caller
-- rebuilds it from PostgreSQL (SET NX) and calls again.
local used = redis.call('GET', KEYS[1])
if not used then
  return -1
end
local grant = math.min(tonumber(ARGV[2]), tonumber(ARGV[1]) - tonumber(used))
if grant <= 0 then
  return 0
end
redis.call('INCRBY', KEYS[1], grant)
return grant
