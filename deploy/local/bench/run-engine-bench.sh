#!/usr/bin/env bash
# Runs the scheduling-engine and queue benchmarks of docs/benchmarks.md from the repository root:
#   deploy/local/bench/run-engine-bench.sh [queue|lag|lag-pool|peer|plot|all]
# Needs: redis-server (started here on port 6390 when nothing answers there, no persistence), the installed
# PostgreSQL on 127.0.0.1:5432 (user postgres; the benchmark recreates its own database agentcron_bench),
# Node 18+ for the BullMQ side. Results: deploy/local/target/bench/; the plot: docs/bench/start-lag.svg.
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
lag_scenarios() {  # $1, $2: launcher --config for one and for three workers ('' = the services as shipped)
  for workers in 1 3; do
    local cfg extra=()
    cfg=$([[ $workers == 1 ]] && echo "$1" || echo "$2")
    [[ -n "$cfg" ]] && extra=(--cluster-config "$cfg")
    bench start-lag --schedules 10000 --pattern spread --workers "$workers" --minutes 2 "${extra[@]}"
    bench start-lag --schedules 100000 --pattern spread --workers "$workers" --minutes 2 "${extra[@]}"
    bench start-lag --schedules 10000 --pattern burst --workers "$workers" --minutes 2 "${extra[@]}"
  done
}
if [[ "$what" == lag || "$what" == all ]]; then  # the services as shipped
  lag_scenarios "" "" 2>&1 | tee "$out/lag.txt"
fi
if [[ "$what" == lag-pool || "$what" == all ]]; then  # Redis pool sized for the ticker; PostgreSQL pools capped for 3 workers
  lag_scenarios deploy/local/bench/redis-pool-16.properties deploy/local/bench/pools-3w.properties 2>&1 | tee "$out/lag-pool.txt"
fi
if [[ "$what" == peer || "$what" == all ]]; then  # BullMQ job schedulers, the same 10k-in-one-second burst
  bench bullmq-schedulers --schedulers 10000 --minutes 2 --peer-concurrency 200 2>&1 | tee "$out/peer.txt"
fi
if [[ "$what" != queue ]]; then
  bench plot --in "$out" --out docs/bench/start-lag.svg
fi
uptime | tee -a "$out/machine.txt"
