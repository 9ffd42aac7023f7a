#!/usr/bin/env bash
# The benchmark harness (README, "Benchmarks"). Builds the jar if needed, starts the gateway
# (bench profile) on its own embedded engine in target/bench/engine-N (or on the MySQL named by
# SPRING_DATASOURCE_URL), seeds the benchmark dataset once, creates a key, runs the shapes
# Q1-Q6 with wrk at each concurrency after a warm-up, replays each read shape's captured SQL
# over JDBC (the database's own bound), and writes the table as text, CSV, JSON and HTML.
#
#   bench/run.sh [--customers 100000] [--duration 30] [--warmup 10] [--runs 3]
#                [--concurrency "16 64"] [--shapes "Q1 Q2 Q3 Q4 Q5 Q6"] [--no-raw] [--jfr]
#                [--java /path/to/bin/java] [--jvm-opts "-Xmx512m"] [--port 18080] [--jar other.jar]
#                [--out target/bench/results] [-- gateway arguments, e.g. --spring.threads.virtual.enabled=true]
#
# Needs wrk (Debian: apt-get install -y wrk), curl and jq.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

CUSTOMERS=100000
DURATION=30
WARMUP=10
RUNS=3
CONCURRENCY="16 64"
SHAPES="Q1 Q2 Q3 Q4 Q5 Q6"
RAW=yes
JFR=no
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JVM_OPTS="-Xmx512m"
PORT=18080
OUT=target/bench/results
GATEWAY_ARGS=()

JAR=
SHAPES_DIR=src/test/resources/graphql-test/bench
EPOCH=1704067200 # 2024-01-01T00:00:00Z, the dataset's epoch
FIRST_NAMES="Ada Ben Cleo Dan Eva Finn Gia Hugo Ines Jon Kira Leo Mia Nils Olga Paul Quinn Rosa Sam Tara
  Uma Vic Wen Xena Yuri Zoe Amir Bea Carl Dora Emil Fay Gus Hana Ivan Jade Karl Lena Max Nora"

die() {
  echo "bench: $*" >&2
  exit 1
}

step() {
  printf '\n== %s\n' "$*" >&2
}

seconds() {
  [[ $1 =~ ^([0-9]+)s?$ ]] || die "not a number of seconds: $1"
  echo "${BASH_REMATCH[1]}"
}

while [[ $# -gt 0 ]]; do
  case $1 in
    --customers) CUSTOMERS=${2//_/}; shift 2 ;;
    --duration) DURATION=$(seconds "$2"); shift 2 ;;
    --warmup) WARMUP=$(seconds "$2"); shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --shapes) SHAPES=$2; shift 2 ;;
    --no-raw) RAW=no; shift ;;
    --jfr) JFR=yes; shift ;;
    --java) JAVA=$2; shift 2 ;;
    --jvm-opts) JVM_OPTS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;; # e.g. an older build, to compare; used as it is
    --) shift; GATEWAY_ARGS=("$@"); break ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ $CUSTOMERS =~ ^[0-9]+$ && $CUSTOMERS -ge 100 ]] || die "--customers must be a number of at least 100"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number"

command -v wrk >/dev/null || die "wrk is missing (Debian: apt-get install -y wrk)"
for tool in curl jq; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done
"$JAVA" -version >/dev/null 2>&1 || die "no Java at '$JAVA' (set --java or JAVA_HOME)"

URL=http://127.0.0.1:$PORT
if [[ -n ${SPRING_DATASOURCE_URL:-} ]]; then
  DATA_DIR=target/bench/mysql
else
  DATA_DIR=target/bench/engine-$CUSTOMERS
fi
mkdir -p "$OUT" "$DATA_DIR"
rm -rf "$OUT"/{runs.jsonl,bodies,captures,gc.log,gateway.jfr}
mkdir -p "$OUT/bodies" "$OUT/captures"

# --- build ------------------------------------------------------------------------------------
# shellcheck source=bench/gateway.sh
. bench/gateway.sh
build_jar
if [[ ! -f target/bench/classpath.txt || pom.xml -nt target/bench/classpath.txt ]]; then
  mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt
fi
BENCH_CP=target/test-classes:target/classes:$(cat target/bench/classpath.txt)

# --- gateway ----------------------------------------------------------------------------------
step "Starting the gateway on port $PORT ($JVM_OPTS ${GATEWAY_ARGS[*]})"
JFR_OPTS=()
[[ $JFR == yes ]] && JFR_OPTS=("-XX:StartFlightRecording=filename=$OUT/gateway.jfr,settings=profile,dumponexit=true")
# shellcheck disable=SC2086 # JVM_OPTS is a list of options
start_gateway "$OUT/gateway.log" $JVM_OPTS "-Xlog:gc:file=$OUT/gc.log" "${JFR_OPTS[@]}" -jar "$JAR" \
  --server.port="$PORT" --spring.profiles.active=bench --gateway.embedded.data-dir="$DATA_DIR" "${GATEWAY_ARGS[@]}"

# --- dataset and key --------------------------------------------------------------------------
step "Seeding $CUSTOMERS customers into tenant 'bench' (kept when already there)"
jar_command seed --tenant bench --customers "$CUSTOMERS" --existing keep | tee "$OUT/seed.txt"
checksums=$(tail -7 "$OUT/seed.txt" | awk '{print $NF}' | tr -d , | xargs)
case $CUSTOMERS in
  10000) expected="10000 15001 13000 500 2083 1042 10" ;;
  100000) expected="100000 150001 130000 5000 20824 10417 100" ;;
  1000000) expected="1000000 1500001 1300000 50000 208247 104167 1000" ;;
  *) expected=$checksums ;;
esac
[[ $checksums == "$expected" ]] || die "checksums $checksums differ from the specification's $expected"

# gql QUERY [VARIABLES-JSON [CURL-ARGS…]]: POSTs a GraphQL request with the bench key, prints the body.
gql() {
  local variables=${2:-'{}'}
  jq -nc --arg query "$1" --argjson variables "$variables" '{query: $query, variables: $variables}' |
    curl -sS "$URL/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer ${KEY:-none}" \
      "${@:3}" --data-binary @-
}

KEY_FILE=$DATA_DIR/bench-api-key
KEY=$(cat "$KEY_FILE" 2>/dev/null || true)
if [[ $(gql '{ viewer { tenant } }' | jq -r '.data.viewer.tenant // empty') != bench ]]; then
  step "Creating a key for tenant 'bench'"
  KEY=$(jar_command keys create --tenant bench --mode test | tail -1)
  echo "$KEY" >"$KEY_FILE"
fi
# Q6 writes into a tenant of its own, so the read shapes keep running on exactly the seeded N.
WRITE_KEY_FILE=$DATA_DIR/bench-writes-api-key
WRITE_KEY=$(cat "$WRITE_KEY_FILE" 2>/dev/null || true)
if [[ " $SHAPES " == *" Q6 "* && -z $WRITE_KEY ]]; then
  step "Creating a key for tenant 'bench-writes' (Q6's customers go there)"
  WRITE_KEY=$(jar_command keys create --tenant bench-writes --mode test | tail -1)
  echo "$WRITE_KEY" >"$WRITE_KEY_FILE"
fi

# --- request bodies, one JSON body per line per shape -----------------------------------------
step "Preparing the request bodies"
bodies() { # bodies SHAPE < variables, one JSON object per line
  jq -c --rawfile query "$SHAPES_DIR/$1.graphql" '{query: $query, variables: .}' >"$OUT/bodies/$1.jsonl"
}
echo '{}' | bodies Q1
echo '{}' | bodies Q2

# Q3: ids spread over the whole dataset, 100 from each percent of it.
per_percent=$((CUSTOMERS / 100))
for ((percent = 0; percent < 100; percent++)); do
  after=$(date -u -d "@$((EPOCH + percent * per_percent))" +%Y-%m-%dT%H:%M:%SZ)
  gql 'query Ids($after: DateTime!) { customers(first: 100, filter: {createdAfter: $after},
         orderBy: {field: CREATED_AT, direction: ASC}) { nodes { id } } }' "{\"after\": \"$after\"}" |
    jq -c '.data.customers.nodes[] | {id}'
  ((percent % 10 < 9)) || printf '  Q3 ids: %d %%\n' $((percent + 1)) >&2
done | sort -u | bodies Q3
echo "  Q3 rotates over $(wc -l <"$OUT/bodies/Q3.jsonl") ids" >&2

# Q4: the first names' two-letter prefixes and their email prefixes ("ada.").
for name in $FIRST_NAMES; do
  jq -nc --arg q "${name:0:2}" '{q: $q}'
  jq -nc --arg q "${name,,}." '{q: $q}'
done | bodies Q4

# Q5: the cursor the gateway issues for the row at 90 % of N in Q1's order (newest first).
row=$((CUSTOMERS / 10 + 1))
before=$(date -u -d "@$((EPOCH + row + 1))" +%Y-%m-%dT%H:%M:%SZ)
cursor=$(gql 'query Cursor($before: DateTime!) { customers(first: 1, filter: {createdBefore: $before},
    orderBy: {field: CREATED_AT, direction: DESC}) { edges { cursor } } }' "{\"before\": \"$before\"}" |
  jq -r '.data.customers.edges[0].cursor // empty')
[[ -n $cursor ]] || die "no cursor for row $row"
jq -nc --arg after "$cursor" '{after: $after}' | bodies Q5

# Q6 runs only when the schema has the mutations (they are written on another branch).
mutations=$(gql '{ __type(name: "Mutation") { fields { name } } }' |
  jq -r '[.data.__type.fields[]?.name] | (index("createCustomer") != null and index("updateCustomer") != null)')
if [[ $mutations == true ]]; then
  q6_bodies "$SHAPES_DIR" >"$OUT/bodies/Q6.jsonl"
fi

# --- captured SQL -----------------------------------------------------------------------------
READ_SHAPES=()
for shape in $SHAPES; do
  [[ $shape == Q6 ]] || READ_SHAPES+=("$shape")
done
step "Capturing the SQL of ${READ_SHAPES[*]}"
for shape in "${READ_SHAPES[@]}"; do
  head -20 "$OUT/bodies/$shape.jsonl" | while read -r body; do
    response=$(curl -sS "$URL/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $KEY" \
      -H 'X-Capture-Sql: true' --data-binary "$body")
    jq -e '.errors == null and .extensions.sql != null' <<<"$response" >/dev/null ||
      die "$shape failed: $(head -c 500 <<<"$response")"
    jq -c '.extensions.sql' <<<"$response"
  done | jq -s . >"$OUT/captures/$shape.json"
  echo "  $shape: $(jq 'map(length) | add / length' "$OUT/captures/$shape.json") statements per request" >&2
done

# --- load -------------------------------------------------------------------------------------
# The gateway's SQL statements and GraphQL requests so far: "statements requests". Counted by the
# server, so requests still in flight when wrk stops count on both sides.
server_counts() {
  curl -sf "$URL/actuator/prometheus" | awk '
    /^gateway_sql_statements_total/ { statements += $2 }
    /^graphql_request_seconds_count/ { requests += $2 }
    END { printf "%d %d\n", statements, requests }'
}

# load SHAPE CONCURRENCY SECONDS: runs wrk, prints its JSON report line.
load() {
  local script=graphql.lua key=$KEY
  [[ $1 == Q6 ]] && script=write-mix.lua key=$WRITE_KEY
  wrk -t2 -c"$2" -d"$3s" --timeout 10s -s "bench/wrk/$script" "$URL" -- \
    "$OUT/bodies/$1.jsonl" "$key" "$(date +%s%N)" | grep '^{'
}

{
  echo "Customer Graph benchmark, $(date -u +'%Y-%m-%d %H:%M UTC'), commit $(git describe --always --dirty)"
  echo "machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') RAM, Linux $(uname -r);" \
    "$("$JAVA" -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); wrk, the gateway and MariaDB share the cores"
  echo "dataset: N = $CUSTOMERS; $RUNS runs of ${DURATION} s after a ${WARMUP} s warm-up per shape and concurrency"
  echo "gateway: $JAR $JVM_OPTS ${GATEWAY_ARGS[*]}"
} >"$OUT/machine.txt"

step "Warming up: every shape for $WARMUP s, so the first measured shape does not run on a cold JIT"
for shape in $SHAPES; do
  [[ ! -f $OUT/bodies/$shape.jsonl ]] || load "$shape" "${CONCURRENCY%% *}" "$WARMUP" >/dev/null
done

step "Measuring"
for ((run = 1; run <= RUNS; run++)); do
  for concurrency in $CONCURRENCY; do
    for shape in $SHAPES; do
      if [[ ! -f $OUT/bodies/$shape.jsonl ]]; then
        echo "  $shape: n/a (the schema has no createCustomer/updateCustomer)" >&2
        continue
      fi
      load "$shape" "$concurrency" "$WARMUP" >/dev/null
      read -r statements requests < <(server_counts)
      report=$(load "$shape" "$concurrency" "$DURATION")
      sleep 1 # let the requests wrk left in flight finish
      read -r statements_after requests_after < <(server_counts)
      jq -c --arg shape "$shape" --argjson c "$concurrency" --argjson run "$run" \
        --argjson statements $((statements_after - statements)) --argjson served $((requests_after - requests)) \
        '{kind: "gateway", shape: $shape, concurrency: $c, run: $run, requests, rps, p50Ms, p99Ms,
          errors: (.errors + .socketErrors), statementsPerRequest: ($statements / ([$served, 1] | max))}' \
        <<<"$report" | tee -a "$OUT/runs.jsonl" >&2
    done
  done
done

if [[ $RAW == yes && ${#READ_SHAPES[@]} -gt 0 ]]; then
  step "Replaying the captured SQL over JDBC"
  if [[ -n ${SPRING_DATASOURCE_URL:-} ]]; then
    jdbc_url=$SPRING_DATASOURCE_URL
  else
    jdbc_url="jdbc:mysql://127.0.0.1:$(cat "$DATA_DIR/engine.port")/customer_graph"
    # The embedded engine lets in the gateway's own account only.
    export SPRING_DATASOURCE_USERNAME=gateway SPRING_DATASOURCE_PASSWORD=$(cat "$DATA_DIR/engine.password")
  fi
  "$JAVA" -cp "$BENCH_CP" dev.customergraph.bench.RawReplay --jdbc-url "$jdbc_url" --captures "$OUT/captures" \
    --shapes "$(IFS=,; echo "${READ_SHAPES[*]}")" --concurrency "${CONCURRENCY// /,}" --runs "$RUNS" \
    --warmup "$WARMUP" --duration "$DURATION" >>"$OUT/runs.jsonl"
fi

stop_gateway
step "Results ($OUT)"
"$JAVA" -cp "$BENCH_CP" dev.customergraph.bench.BenchReport "$OUT" "${SHAPES// /,}"
