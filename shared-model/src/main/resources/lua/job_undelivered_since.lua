-- Where a job stream's backlog begins: the oldest entry some consumer group has not been delivered yet. A job
-- enqueued before that entry has reached a worker already; one enqueued after it may still be waiting its turn.
-- KEYS[1] a job stream (jobs:interactive or jobs:scheduled of one partition)
-- Returns the epoch ms of the oldest undelivered entry, or -1 when nothing waits (no stream, or all delivered).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end
local starts = {} -- per consumer group, the range of entries it was not delivered yet
for _, group in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
  for i = 1, #group, 2 do
    if group[i] == 'last-delivered-id' then
      starts[#starts + 1] = '(' .. group[i + 1]
    end
  end
end
if #starts == 0 then
  starts[1] = '-' -- without a consumer group no entry was delivered
end
local oldest = -1
for _, from in ipairs(starts) do
  local first = redis.call('XRANGE', KEYS[1], from, '+', 'COUNT', 1)
  if #first > 0 then
    local ms = tonumber(string.match(first[1][1], '^(%d+)-'))
    if oldest < 0 or ms < oldest then
      oldest = ms
    end
  end
end
return oldest
