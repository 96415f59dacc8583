-- Where a job stream's backlog begins: the oldest entry some consumer group has not been delivered yet. A job
-- enqueued before that entry has reached a worker already; one enqueued after it may still be waiting its turn.
-- KEYS[1] a job stream (jobs:interactive or jobs:scheduled of one partition)
-- Returns the epoch ms of the oldest undelivered entry, or -1 when nothing waits (no stream, or all delivered).
local function lower(a, b) -- the smaller of two stream ids
  local am, as = string.match(a, '^(%d+)-(%d+)$')
  local bm, bs = string.match(b, '^(%d+)-(%d+)$')
  am, as, bm, bs = tonumber(am), tonumber(as), tonumber(bm), tonumber(bs)
  if am < bm or (am == bm and as < bs) then
    return a
  end
  return b
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end
local from = '-' -- without a consumer group no entry was delivered
local groups = redis.call('XINFO', 'GROUPS', KEYS[1])
for i, group in ipairs(groups) do
  local fields = {}
  for j = 1, #group, 2 do
    fields[group[j]] = group[j + 1]
  end
  if i == 1 then
    from = fields['last-delivered-id']
  else
    from = lower(from, fields['last-delivered-id'])
  end
end
if from ~= '-' then
  from = '(' .. from
end
local first = redis.call('XRANGE', KEYS[1], from, '+', 'COUNT', 1)
if #first == 0 then
  return -1
end
return tonumber(string.match(first[1][1], '^(%d+)-'))
