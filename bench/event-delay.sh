#!/usr/bin/env bash
# Commit-to-event delay under the Q6 write load (README, "Live updates" and "Webhooks", "How
# soon"). Builds the jar if needed, starts the gateway (bench profile, plus
# gateway.webhooks.allow-http-loopback) on its own embedded engine in target/bench/engine-events,
# creates a key for tenant 'bench-writes' (Q6 writes there, as in bench/run.sh) and one for
# 'events-probe', warms Q6 up, then per run: bench/event-delay.mjs updates a probe customer of
# 'events-probe' every ~100 ms while wrk runs Q6 (bench/wrk/write-mix.lua) for the duration, and
# takes the delay from each update's HTTP response to its customerEvents message (WebSocket) and
# to its webhook request (a receiver on loopback). The poll intervals are the defaults
# (subscriptions 250ms, webhooks 1s) unless set after "--". --idle S first probes S seconds
# with no load. Prints one JSON line per run, also into OUT/runs.jsonl.
#
#   bench/event-delay.sh [--duration 60] [--warmup 10] [--concurrency 16] [--runs 1] [--idle 0]
#                        [--interval 100] [--java /path/to/bin/java] [--jvm-opts "-Xmx512m"]
#                        [--port 18090] [--jar other.jar] [--out target/bench/event-delay]
#                        [-- gateway arguments, e.g. --gateway.webhooks.poll-interval=100ms]
#
# Needs wrk, curl, jq and Node.js 20 or later (no packages).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

DURATION=60
WARMUP=10
CONCURRENCY=16
RUNS=1
IDLE=0
INTERVAL=100
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JVM_OPTS="-Xmx512m"
PORT=18090
OUT=target/bench/event-delay
JAR=
GATEWAY_ARGS=()
DATA_DIR=target/bench/engine-events
SHAPES_DIR=src/test/resources/graphql-test/bench

die() {
  echo "event-delay: $*" >&2
  exit 1
}

step() {
  printf '\n== %s\n' "$*" >&2
}

while [[ $# -gt 0 ]]; do
  case $1 in
    --duration) DURATION=${2%s}; shift 2 ;;
    --warmup) WARMUP=${2%s}; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --idle) IDLE=${2%s}; shift 2 ;;
    --interval) INTERVAL=$2; shift 2 ;;
    --java) JAVA=$2; shift 2 ;;
    --jvm-opts) JVM_OPTS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --) shift; GATEWAY_ARGS=("$@"); break ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
for number in "$DURATION" "$WARMUP" "$CONCURRENCY" "$RUNS" "$IDLE" "$INTERVAL"; do
  [[ $number =~ ^[0-9]+$ ]] || die "not a number: $number"
done
for tool in wrk curl jq node; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done
"$JAVA" -version >/dev/null 2>&1 || die "no Java at '$JAVA' (set --java or JAVA_HOME)"
# Node 20 and 21 have WebSocket behind a flag; 22 and later have it always.
NODE=(node)
[[ $(node -e 'process.stdout.write(typeof WebSocket)') == function ]] || NODE+=(--experimental-websocket)

URL=http://127.0.0.1:$PORT
mkdir -p "$OUT" "$DATA_DIR"
rm -f "$OUT/runs.jsonl"

# shellcheck source=bench/gateway.sh
. bench/gateway.sh
build_jar

step "Starting the gateway on port $PORT ($JVM_OPTS ${GATEWAY_ARGS[*]})"
# shellcheck disable=SC2086 # JVM_OPTS is a list of options
start_gateway "$OUT/gateway.log" $JVM_OPTS -jar "$JAR" --server.port="$PORT" --spring.profiles.active=bench \
  --gateway.embedded.data-dir="$DATA_DIR" --gateway.webhooks.allow-http-loopback=true "${GATEWAY_ARGS[@]}"

# key TENANT: the tenant's test key, created once and kept in the data folder.
key() {
  local file=$DATA_DIR/$1-api-key
  if [[ ! -s $file ]]; then
    step "Creating a key for tenant '$1'"
    jar_command keys create --tenant "$1" --mode test | tail -1 >"$file"
  fi
  cat "$file"
}
WRITE_KEY=$(key bench-writes)
PROBE_KEY=$(key events-probe)

# The Q6 bodies, as bench/run.sh writes them.
q6_bodies "$SHAPES_DIR" >"$OUT/Q6.jsonl"

q6() { # q6 SECONDS: sets Q6 to the wrk command of Q6 at the concurrency, as bench/run.sh runs it
  Q6=(wrk -t2 -c"$CONCURRENCY" -d"$1s" --timeout 10s -s bench/wrk/write-mix.lua "$URL" --
    "$OUT/Q6.jsonl" "$WRITE_KEY" "$(date +%s%N)")
}

{
  echo "event delay, $(date -u +'%Y-%m-%d %H:%M UTC'), commit $(git describe --always --dirty)"
  echo "machine: $(nproc) cores, Linux $(uname -r); $("$JAVA" -version 2>&1 | head -1); $(node --version)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "gateway: $JAR $JVM_OPTS ${GATEWAY_ARGS[*]}; Q6 c=$CONCURRENCY, $RUNS runs of $DURATION s, probe every $INTERVAL ms"
} | tee "$OUT/machine.txt" >&2

if ((IDLE > 0)); then
  step "Probing for $IDLE s with no load"
  KEY=$PROBE_KEY "${NODE[@]}" bench/event-delay.mjs "$URL" --interval "$INTERVAL" --seconds "$IDLE" |
    jq -c '{phase: "idle"} + .' | tee -a "$OUT/runs.jsonl"
fi

step "Warming Q6 up for $WARMUP s"
q6 "$WARMUP"
"${Q6[@]}" >/dev/null

for ((run = 1; run <= RUNS; run++)); do
  step "Run $run: Q6 for $DURATION s, probing meanwhile"
  q6 "$DURATION"
  KEY=$PROBE_KEY "${NODE[@]}" bench/event-delay.mjs "$URL" --interval "$INTERVAL" -- "${Q6[@]}" |
    jq -c --argjson run "$run" --arg load "$(cut -d' ' -f1 /proc/loadavg)" \
      '{phase: "Q6", run: $run, loadAverage: $load} + .' | tee -a "$OUT/runs.jsonl"
done

step "Medians over the runs ($OUT/runs.jsonl)"
jq -s -r 'def median: sort | if length == 0 then null else .[(length - 1) / 2 | floor] end;
  map(select(.phase == "Q6")) |
  "subscription: p50 \(map(.subscription.p50Ms) | median) ms, p99 \(map(.subscription.p99Ms) | median) ms, max \(map(.subscription.maxMs) | max) ms, \(map(.subscription.count) | add) events, \(map(.subscription.missing) | add) missing",
  "webhook:      p50 \(map(.webhook.p50Ms) | median) ms, p99 \(map(.webhook.p99Ms) | median) ms, max \(map(.webhook.maxMs) | max) ms, \(map(.webhook.count) | add) events, \(map(.webhook.missing) | add) missing, \(map(.webhook.badSignatures) | add) bad signatures",
  "Q6 meanwhile: \(map(.load.rps) | median) req/s, \(map(.load.errors + .load.socketErrors) | add) errors"' \
  "$OUT/runs.jsonl"
