-- Moves a job that was delivered too many times to the dead-letter stream and acknowledges it.
-- KEYS[1] the job stream
-- KEYS[2] the partition's dead-letter stream
-- ARGV[1] consumer group
-- ARGV[2] the job's entry id
-- ARGV[3] delivery count
-- ARGV[4] dead-letter stream max length (approximate)
-- ARGV[5..] the job's field/value pairs
-- Returns the dead-letter entry id.
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[4], '*',
  'source', KEYS[1], 'source_id', ARGV[2], 'deliveries', ARGV[3], unpack(ARGV, 5))
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
return id
