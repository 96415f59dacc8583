// The BullMQ side of the queue throughput benchmark: enqueue N no-op jobs, then consume them with one worker
// (no-op processor, completed jobs removed), on the Redis given by REDIS_URL. Prints one JSON line.
// Usage: node queue-bench.mjs --jobs 100000 --batch 1000 --concurrency 100 --queue bench-q
import { Queue, Worker } from 'bullmq';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const jobs = Number(args.jobs ?? 100000);
const batch = Number(args.batch ?? 1000);
const concurrency = Number(args.concurrency ?? 100);
const name = args.queue ?? 'bench-q';
const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6390');
const connection = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };

const queue = new Queue(name, { connection, prefix: 'bullbench' });
await queue.obliterate({ force: true }).catch(() => {});

const enqueueStart = process.hrtime.bigint();
for (let sent = 0; sent < jobs; sent += batch) {
  const size = Math.min(batch, jobs - sent);
  await queue.addBulk(
    Array.from({ length: size }, (_, i) => ({ name: 'noop', data: { n: sent + i }, opts: { removeOnComplete: true } })),
  );
}
const enqueueMs = Number(process.hrtime.bigint() - enqueueStart) / 1e6;

let done = 0;
let finished;
const allDone = new Promise((resolve) => (finished = resolve));
const consumeStart = process.hrtime.bigint();
const worker = new Worker(name, async () => {}, { connection, prefix: 'bullbench', concurrency, autorun: false });
worker.on('completed', () => {
  done += 1;
  if (done === jobs) finished();
});
worker.run();
await allDone;
const consumeMs = Number(process.hrtime.bigint() - consumeStart) / 1e6;

await worker.close();
await queue.obliterate({ force: true }).catch(() => {});
await queue.close();
console.log(
  JSON.stringify({
    peer: 'bullmq',
    jobs,
    batch,
    concurrency,
    enqueueMs,
    enqueuePerSecond: (jobs * 1000) / enqueueMs,
    consumeMs,
    consumePerSecond: (jobs * 1000) / consumeMs,
  }),
);
