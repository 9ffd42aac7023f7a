#!/usr/bin/env bash
# Throughput of bench shapes through one gateway on Galera node 1 against three gateways, one
# on each node of cluster/galera.sh's cluster (README, "On a MariaDB Galera cluster").
#
#   cluster/bench-spread.sh [--shapes "Q1 Q6"] [--concurrency 16] [--runs 3] [--duration 20]
#                           [--warmup 5] [--java /path/to/bin/java] [--jvm-opts "-Xmx512m"]
#                           [--out target/bench/spread]
#
# Needs the cluster up and, once, bench/run.sh against node 1, which seeds the dataset, creates
# the keys (target/bench/mysql) and writes the request bodies (target/bench/results/bodies):
#   . target/galera/cluster.env
#   export SPRING_DATASOURCE_USERNAME=$GALERA_USER SPRING_DATASOURCE_PASSWORD=$GALERA_PASSWORD
#   SPRING_DATASOURCE_URL=$GALERA_URL_1 bench/run.sh --shapes "Q1 Q6" --no-raw
#
# For each layout ("one": a gateway on node 1; "three": gateways on nodes 1, 2 and 3) it starts
# the gateways (bench profile, ports 18081-18083), warms every shape up, then per run and shape
# warms up again and measures: three wrk processes at once (-t1, the concurrency split 5/5/6
# for 16), all aimed at the one gateway or each at its own, so only the layout differs. A run's
# req/s is the sum of the three; p50/p99 are the worst of the three; retries count the gateways'
# "Retrying … after a deadlock" log lines during the run. Prints the medians over the runs;
# every run is in OUT/runs.jsonl, the gateways' logs in OUT/gateway-<layout>-<node>.log.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

SHAPES="Q1 Q6"
CONCURRENCY=16
RUNS=3
DURATION=20
WARMUP=5
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JVM_OPTS="-Xmx512m"
OUT=target/bench/spread
JAR=target/customer-graph.jar
BODIES=target/bench/results/bodies
KEYS=target/bench/mysql

die() {
  echo "spread: $*" >&2
  exit 1
}

# shellcheck source=bench/gateway.sh
. bench/gateway.sh

while [[ $# -gt 0 ]]; do
  case $1 in
    --shapes) SHAPES=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --java) JAVA=$2; shift 2 ;;
    --jvm-opts) JVM_OPTS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
((CONCURRENCY >= 3)) || die "--concurrency must be at least 3 (three wrk processes)"
[[ -f target/galera/cluster.env ]] || die "no target/galera/cluster.env: run cluster/galera.sh up"
# shellcheck disable=SC1091
. target/galera/cluster.env
[[ -f $JAR ]] || die "no $JAR: mvn -B -ntp -q -DskipTests package"
KEY=$(cat "$KEYS/bench-api-key" 2>/dev/null) || die "no $KEYS/bench-api-key: run bench/run.sh on node 1 first"
WRITE_KEY=$(cat "$KEYS/bench-writes-api-key" 2>/dev/null || true)
for shape in $SHAPES; do
  [[ -f $BODIES/$shape.jsonl ]] || die "no $BODIES/$shape.jsonl: run bench/run.sh --shapes \"$SHAPES\" on node 1 first"
done
[[ " $SHAPES " != *" Q6 "* || -n $WRITE_KEY ]] || die "no $KEYS/bench-writes-api-key"

mkdir -p "$OUT"
rm -rf "$OUT/bodies" "$OUT/runs.jsonl" "$OUT"/gateway-*.log "$OUT"/wrk-*.json
cp -r "$BODIES" "$OUT/bodies"

# The concurrency split over three wrk processes: 16 → 5 5 6.
SPLIT=($((CONCURRENCY / 3)) $((CONCURRENCY / 3)) $((CONCURRENCY - 2 * (CONCURRENCY / 3))))

PIDS=()
declare -A PID_OF
stop_gateways() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}
trap stop_gateways EXIT

# launch LAYOUT NODE: a gateway on node NODE, port 18080 + NODE; up LAYOUT NODE waits for it.
launch() {
  local url_var=GALERA_URL_$2
  # shellcheck disable=SC2086 # JVM_OPTS is a list of options
  SPRING_DATASOURCE_URL=${!url_var} SPRING_DATASOURCE_USERNAME=$GALERA_USER SPRING_DATASOURCE_PASSWORD=$GALERA_PASSWORD \
    "$JAVA" $JVM_OPTS -jar "$JAR" --server.port=$((18080 + $2)) --spring.profiles.active=bench \
    >"$OUT/gateway-$1-$2.log" 2>&1 &
  PIDS+=($!)
  PID_OF[$2]=$!
}
up() {
  await_gateway "http://127.0.0.1:$((18080 + $2))" "${PID_OF[$2]}" "$OUT/gateway-$1-$2.log"
}

retries() { # retries LAYOUT: deadlock retries logged so far by the layout's gateways
  cat "$OUT"/gateway-"$1"-*.log | grep -c 'Retrying .* after a deadlock' || true
}

# load LAYOUT SHAPE SECONDS NODES…: three wrk processes at once, one JSON line each in OUT/wrk-*.json.
load() {
  local layout=$1 shape=$2 seconds=$3 script=graphql.lua key=$KEY i
  local nodes=("${@:4}")
  [[ $shape == Q6 ]] && script=write-mix.lua key=$WRITE_KEY
  local wrks=()
  for i in 0 1 2; do
    wrk -t1 -c"${SPLIT[$i]}" -d"${seconds}s" --timeout 10s -s "bench/wrk/$script" \
      "http://127.0.0.1:$((18080 + ${nodes[$i]}))" -- "$OUT/bodies/$shape.jsonl" "$key" "$(date +%s%N)$i" |
      grep '^{' >"$OUT/wrk-$i.json" &
    wrks+=($!)
  done
  for i in "${wrks[@]}"; do wait "$i" || die "wrk failed ($layout $shape)"; done
}

measure() { # measure LAYOUT NODE-OF-WRK-1 NODE-OF-WRK-2 NODE-OF-WRK-3
  local layout=$1 shape run before after
  for shape in $SHAPES; do load "$layout" "$shape" "$WARMUP" "${@:2}"; done
  for ((run = 1; run <= RUNS; run++)); do
    for shape in $SHAPES; do
      load "$layout" "$shape" "$WARMUP" "${@:2}"
      before=$(retries "$layout")
      load "$layout" "$shape" "$DURATION" "${@:2}"
      sleep 1 # the requests wrk left in flight
      after=$(retries "$layout")
      jq -sc --arg layout "$layout" --arg shape "$shape" --argjson run "$run" --argjson retries $((after - before)) \
        '{layout: $layout, shape: $shape, run: $run, requests: (map(.requests) | add), rps: (map(.rps) | add),
          p50Ms: (map(.p50Ms) | max), p99Ms: (map(.p99Ms) | max),
          errors: (map(.errors + .socketErrors) | add), retries: $retries, perProcessRps: map(.rps)}' \
        "$OUT"/wrk-{0,1,2}.json | tee -a "$OUT/runs.jsonl" >&2
    done
  done
}

{
  echo "cluster/bench-spread.sh, $(date -u +'%Y-%m-%d %H:%M UTC'), commit $(git describe --always --dirty)"
  echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$RUNS runs of $DURATION s after $WARMUP s warm-up, concurrency $CONCURRENCY as ${SPLIT[*]}; $("$JAVA" -version 2>&1 | head -1) $JVM_OPTS"
} | tee "$OUT/machine.txt" >&2

echo "== one gateway, on node 1" >&2
launch one 1
up one 1
measure one 1 1 1
stop_gateways

echo "== three gateways, on nodes 1, 2, 3" >&2
launch three 1
up three 1 # the first alone (README: migrations), then the others side by side
launch three 2
launch three 3
up three 2
up three 3
measure three 1 2 3
stop_gateways

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt" >&2
printf '%-6s %-6s %5s %10s %8s %8s %7s %8s\n' layout shape runs req/s p50ms p99ms errors retries
jq -rs 'def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  group_by([.layout, .shape]) | sort_by(.[0].layout != "one", .[0].shape) | .[] |
  [.[0].layout, .[0].shape, length, (map(.rps) | median | round), (map(.p50Ms) | median),
   (map(.p99Ms) | median), (map(.errors) | add), (map(.retries) | median)] | @tsv' "$OUT/runs.jsonl" |
  awk -F'\t' '{printf "%-6s %-6s %5d %10d %8.2f %8.2f %7d %8d\n", $1, $2, $3, $4, $5, $6, $7, $8}' | tee "$OUT/results.txt"
