#!/usr/bin/env bash
# Time from `java -jar` to the first answered query on the embedded default (README, "Benchmarks"):
# on a fresh data folder (MariaDB unpacked and installed, schema and demo tenant created), then on
# a warm restart of the same folder. Prints each run and the medians.
#
#   bench/first-query.sh [--runs 3] [--java /path/to/bin/java] [--jar target/customer-graph.jar] [--port 18090]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

RUNS=3
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=target/customer-graph.jar
PORT=18090
DATA_DIR=target/bench/first-query

die() {
  echo "first-query: $*" >&2
  exit 1
}

while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --java) JAVA=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ -f $JAR ]] || die "no $JAR; build it with: mvn -B -ntp -DskipTests package"
command -v curl >/dev/null || die "curl is missing"

PID=
stop() {
  if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID"
    wait "$PID" 2>/dev/null || true
  fi
  PID=
}
trap stop EXIT

# Starts the jar and prints the seconds until `{ viewer { tenant } }` answers with the demo key.
first_query() {
  local start key
  start=$(date +%s%N)
  "$JAVA" -jar "$JAR" --server.port="$PORT" --gateway.embedded.data-dir="$DATA_DIR" >"$DATA_DIR.log" 2>&1 &
  PID=$!
  until key=$(cat "$DATA_DIR/demo-api-key" 2>/dev/null) &&
    curl -sf "http://127.0.0.1:$PORT/graphql" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      -d '{"query": "{ viewer { tenant } }"}' 2>/dev/null | grep -q '"tenant":"demo"'; do
    kill -0 "$PID" 2>/dev/null || die "the gateway exited; log: $DATA_DIR.log"
    (($(date +%s%N) - start < 300000000000)) || die "no answer within 300 s; log: $DATA_DIR.log"
    sleep 0.1
  done
  awk -v nanos=$(($(date +%s%N) - start)) 'BEGIN { printf "%.1f\n", nanos / 1e9 }'
  stop
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

fresh=()
warm=()
for ((run = 1; run <= RUNS; run++)); do
  rm -rf "$DATA_DIR"
  mkdir -p "$(dirname "$DATA_DIR")"
  fresh+=("$(first_query)")
  warm+=("$(first_query)")
  echo "run $run: fresh data folder ${fresh[-1]} s, warm restart ${warm[-1]} s" >&2
done
echo "time to first answered query ($("$JAVA" -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "  fresh data folder: median $(printf '%s\n' "${fresh[@]}" | median) s of ${fresh[*]}"
echo "  warm restart:      median $(printf '%s\n' "${warm[@]}" | median) s of ${warm[*]}"
