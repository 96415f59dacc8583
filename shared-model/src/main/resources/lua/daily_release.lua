-- Gives back units of a daily limit that were reserved but not used; the counter never goes below 0 and
-- keeps its expiry.
-- KEYS[1] the agent's counter for one UTC day
-- ARGV[1] units to give back
-- Returns the counter after the release, or -1 when the counter is missing (a rebuild counts from
-- PostgreSQL, where unused units never appear).
if not redis.call('GET', KEYS[1]) then
  return -1
end
local left = redis.call('DECRBY', KEYS[1], tonumber(ARGV[1]))
if left < 0 then
  redis.call('INCRBY', KEYS[1], -left)
  left = 0
end
return left
