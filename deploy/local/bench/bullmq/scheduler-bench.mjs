// The BullMQ side of the 10k-due-in-one-second benchmark: N job schedulers (upsertJobScheduler) with the same
// cron pattern "0 * * * * *" (second 0 of every minute), one worker at the given concurrency, no-op processor.
// Start lag of a job = the moment its processor starts - the minute it was due. Measures the occurrences of
// `--minutes` minutes, then prints one JSON line with the summary and writes the lags (ms, one per line) to --out.
// Usage: node scheduler-bench.mjs --schedulers 10000 --concurrency 200 --minutes 2 --out lags.txt
import { Queue, Worker } from 'bullmq';
import { writeFileSync } from 'node:fs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const schedulers = Number(args.schedulers ?? 10000);
const concurrency = Number(args.concurrency ?? 200);
const minutes = Number(args.minutes ?? 2);
const out = args.out;
const name = args.queue ?? 'bench-sched';
const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6390');
const connection = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };

const queue = new Queue(name, { connection, prefix: 'bullbench' });
await queue.obliterate({ force: true }).catch(() => {});

// Registered at least 20 s before the first measured minute, so registration never overlaps a burst.
const now = Date.now();
let first = Math.ceil(now / 60000) * 60000;
if (first - now < 20000) first += 60000;
const end = first + minutes * 60000; // occurrences in [first, end) are measured

const upsertStart = Date.now();
for (let i = 0; i < schedulers; i += 500) {
  const group = [];
  for (let j = i; j < Math.min(schedulers, i + 500); j++) {
    group.push(
      queue.upsertJobScheduler(
        `s${j}`,
        { pattern: '0 * * * * *', startDate: first - 1000 }, // the first match after startDate is `first`
        { name: 'noop', data: { s: j }, opts: { removeOnComplete: true } },
      ),
    );
  }
  await Promise.all(group);
}
const upsertMs = Date.now() - upsertStart;

const lags = [];
const perMinute = {};
const seen = new Map(); // occurrence key -> deliveries
const worker = new Worker(
  name,
  async (job) => {
    const started = Date.now();
    const due = Math.floor(started / 60000) * 60000; // lags stay well under a minute
    if (due >= first && due < end) {
      lags.push(started - due);
      perMinute[new Date(due).toISOString()] = (perMinute[new Date(due).toISOString()] ?? 0) + 1;
      const key = `${job.repeatJobKey ?? job.name}:${due}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  },
  { connection, prefix: 'bullbench', concurrency },
);

await new Promise((resolve) => setTimeout(resolve, end + 30000 - Date.now()));
await worker.close();
await queue.obliterate({ force: true }).catch(() => {});
await queue.close();

lags.sort((a, b) => a - b);
const pct = (p) => (lags.length === 0 ? null : lags[Math.min(lags.length - 1, Math.ceil((p / 100) * lags.length) - 1)]);
const expected = schedulers * minutes;
let doubled = 0;
for (const count of seen.values()) doubled += count - 1;
if (out) writeFileSync(out, lags.join('\n') + '\n');
console.log(
  JSON.stringify({
    peer: 'bullmq-job-schedulers',
    schedulers,
    concurrency,
    minutes,
    upsertMs,
    expected,
    started: lags.length,
    missed: Math.max(0, expected - seen.size),
    doubled,
    p50: pct(50),
    p99: pct(99),
    max: lags.length ? lags[lags.length - 1] : null,
    perMinute,
  }),
);
