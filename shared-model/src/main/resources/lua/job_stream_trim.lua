-- Trims a job stream to what may still be needed: every entry from the oldest one a consumer group has not
-- been delivered or has not acknowledged, and every entry younger than the retention (kept for inspection).
-- A stream without a consumer group is left alone: nobody has read its jobs yet.
-- KEYS[1] a job stream (jobs:interactive or jobs:scheduled of one partition)
-- ARGV[1] retention bound, epoch ms: entries at or after it are kept
-- Returns how many entries were trimmed.
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
  return 0
end
local groups = redis.call('XINFO', 'GROUPS', KEYS[1])
if #groups == 0 then
  return 0
end
local bound = ARGV[1] .. '-0'
for _, group in ipairs(groups) do
  local fields = {}
  for i = 1, #group, 2 do
    fields[group[i]] = group[i + 1]
  end
  bound = lower(bound, fields['last-delivered-id'])
  local pending = redis.call('XPENDING', KEYS[1], fields['name'])
  if pending[1] > 0 then
    bound = lower(bound, pending[2])
  end
end
return redis.call('XTRIM', KEYS[1], 'MINID', bound)
