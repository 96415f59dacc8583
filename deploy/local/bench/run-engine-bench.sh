#!/usr/bin/env bash
# Runs the scheduling-engine and queue benchmarks of docs/benchmarks.md from the repository root:
#   deploy/local/bench/run-engine-bench.sh [queue|lag|lag-128|fire|peer|pipeline|plot|all]
# Needs: redis-server (started here on port 6390 when nothing answers there, no persistence), the installed
# PostgreSQL on 127.0.0.1:5432 (user postgres; the benchmark recreates its own database agentcron_bench),
# Node 18+ for the BullMQ side, pgbench for the pipeline comparison. Results: deploy/local/target/bench/; the
# plots: docs/bench/start-lag.svg, fire-lag.svg.
set -euo pipefail
cd "$(dirname "$0")/../../.."
what="${1:-all}"
port="${BENCH_REDIS_PORT:-6390}"
out=deploy/local/target/bench
mkdir -p "$out"

if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
  redis-server --port "$port" --save '' --appendonly no --daemonize yes --logfile "$PWD/$out/redis-$port.log"
fi
if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then  # set BENCH_SKIP_BUILD=1 to reuse the last build
  (cd deploy/local/bench/bullmq && npm ci --no-audit --no-fund --loglevel=error)
  ./mvnw -B -q -Pengine-bench -pl deploy/local -am package -DskipTests
fi
cp="deploy/local/target/test-classes:deploy/local/target/classes:$(cat deploy/local/target/bench-classpath.txt)"
bench() { java -Xmx1g -cp "$cp" dev.agentcron.local.bench.EngineBench "$@" --redis-url "redis://127.0.0.1:$port"; }

{ echo "== $(date -u +%FT%TZ) $what"; nproc; lscpu | grep 'Model name'; free -g | head -2; uptime; } | tee -a "$out/machine.txt"
if [[ "$what" == queue || "$what" == all ]]; then
  bench queue --jobs 100000 --concurrency 100 --rounds 3 | tee "$out/queue.txt"
fi
lag_scenarios() {  # extra arguments go to every scenario, e.g. --cluster-config FILE
  for workers in 1 3; do
    bench start-lag --schedules 10000 --pattern spread --workers "$workers" --minutes 2 "$@"
    bench start-lag --schedules 100000 --pattern spread --workers "$workers" --minutes 2 "$@"
    bench start-lag --schedules 10000 --pattern burst --workers "$workers" --minutes 2 "$@"
  done
}
if [[ "$what" == lag || "$what" == all ]]; then  # the services as shipped
  lag_scenarios 2>&1 | tee "$out/lag.txt"
fi
if [[ "$what" == lag-128 || "$what" == all ]]; then  # 128 run slots per worker instead of 32
  lag_scenarios --cluster-config deploy/local/bench/concurrency-128.properties 2>&1 | tee "$out/lag-128.txt"
fi
if [[ "$what" == fire || "$what" == all ]]; then  # the scheduler alone: workers run only their tickers
  for workers in 1 3; do
    bench start-lag --schedules 100000 --pattern spread --workers "$workers" --minutes 2 --drain-seconds 5 \
      --cluster-config deploy/local/bench/ticker-only.properties
  done 2>&1 | tee "$out/fire.txt"
fi
if [[ "$what" == peer || "$what" == all ]]; then  # BullMQ job schedulers, the same 10k-in-one-second burst
  bench bullmq-schedulers --schedulers 10000 --minutes 2 --peer-concurrency 200 2>&1 | tee "$out/peer.txt"
fi
if [[ "$what" == pipeline || "$what" == all ]]; then  # full draft runs at saturation vs pgbench, same statements
  bench start-lag --schedules 10000 --pattern burst --workers 1 --minutes 1 --output-mode draft 2>&1 \
    | tee "$out/pipeline.txt"
  psql=(psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1)
  # each on a fresh database with 10k agents, as in the cluster: draft runs with 8 and 16 clients, task runs with 16
  for run in "1 8" "1 16" "0 16"; do
    read -r draft clients <<<"$run"
    "${psql[@]}" -c 'DROP DATABASE IF EXISTS agentcron_pgbench' -c 'CREATE DATABASE agentcron_pgbench'
    "${psql[@]}" -d agentcron_pgbench -f shared-model/src/main/resources/db/migration/V1__schema.sql >/dev/null
    "${psql[@]}" -d agentcron_pgbench -v agents=10000 -f deploy/local/bench/pgbench/setup.sql -c CHECKPOINT
    echo "== pgbench draft=$draft clients=$clients" | tee -a "$out/pipeline.txt"
    pgbench -h 127.0.0.1 -U postgres -n -M prepared -D agents=10000 -D draft="$draft" \
      -f deploy/local/bench/pgbench/run-pipeline.sql -c "$clients" -j 2 -T 60 -P 10 agentcron_pgbench 2>&1 \
      | tee -a "$out/pipeline.txt"
  done
  "${psql[@]}" -c 'DROP DATABASE agentcron_pgbench'
fi
if [[ "$what" != queue && "$what" != pipeline ]]; then
  bench plot --in "$out" --series start-lag --out docs/bench/start-lag.svg
  bench plot --in "$out" --series fire-lag --out docs/bench/fire-lag.svg
fi
uptime | tee -a "$out/machine.txt"
