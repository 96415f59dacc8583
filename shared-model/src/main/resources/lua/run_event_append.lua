-- Appends one event to a run's event stream and announces the run on the run events channel, in one step
-- (a subscriber that gets the announcement finds the entry).
-- KEYS[1] the run's event stream
-- ARGV[1] the run events channel
-- ARGV[2] the run id (the message published)
-- ARGV[3] approximate maximum length of the stream (XADD MAXLEN ~)
-- ARGV[4..] field, value, field, value, ... of the entry
-- Returns the id of the new entry.
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
redis.call('PUBLISH', ARGV[1], ARGV[2])
return id
