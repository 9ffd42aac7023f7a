# The gateway as the benchmark scripts run it (bench/run.sh, bench/event-delay.sh,
# cluster/bench-spread.sh); sourced, not run. Uses the script's JAVA, JAR (empty:
# target/customer-graph.jar, built when older than the sources), DATA_DIR and URL where a
# function needs them, and its own die and step.

# build_jar: sets JAR to the project's jar, built if it is missing or older than the sources;
# a JAR given (an older build, to compare) is used as it is.
build_jar() {
  if [[ -z $JAR ]]; then
    JAR=target/customer-graph.jar
    if [[ ! -f $JAR || -n $(find src schema pom.xml -newer "$JAR" -print -quit) ]]; then
      step "Building $JAR"
      mvn -B -ntp -q -DskipTests package
    fi
  fi
  [[ -f $JAR ]] || die "no jar $JAR"
}

# jar_command ARG…: one of the jar's commands (seed, keys …) on the benchmark's data folder.
jar_command() {
  "$JAVA" -jar "$JAR" "$@" --gateway.embedded.data-dir="$DATA_DIR"
}

GATEWAY_PID=
stop_gateway() {
  if [[ -n $GATEWAY_PID ]] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
    kill "$GATEWAY_PID"
    wait "$GATEWAY_PID" 2>/dev/null || true
  fi
}

# start_gateway LOG ARG…: starts "$JAVA" ARG… in the background, its output in LOG, stopped
# when the script exits, and waits until URL answers.
start_gateway() {
  local log=$1
  shift
  "$JAVA" "$@" >"$log" 2>&1 &
  GATEWAY_PID=$!
  trap stop_gateway EXIT
  await_gateway "$URL" "$GATEWAY_PID" "$log"
}

# await_gateway URL PID LOG: waits until the gateway PID (its output in LOG) answers URL's
# health check, 180 s at most.
await_gateway() {
  local started=$SECONDS
  until curl -sf "$1/actuator/health" >/dev/null; do
    kill -0 "$2" 2>/dev/null || { tail -30 "$3" >&2; die "the gateway exited; log: $3"; }
    ((SECONDS - started < 180)) || die "the gateway did not answer within 180 s; log: $3"
    sleep 0.5
  done
  echo "up after $((SECONDS - started)) s" >&2
}

# q6_bodies SHAPES_DIR > FILE: Q6's two bodies for bench/wrk/write-mix.lua, createCustomer with
# one address (its email "@EMAIL@") and updateCustomer ("@ID@", "@VERSION@").
q6_bodies() {
  jq -nc --rawfile query "$1/Q6create.graphql" '{query: $query, variables: {input: {
    email: "@EMAIL@", firstName: "Bench", lastName: "Writer",
    addresses: [{line1: "1 Main Street", city: "Berlin", postalCode: "10115", countryCode: "DE"}]}}}'
  jq -nc --rawfile query "$1/Q6update.graphql" '{query: $query, variables: {input: {
    id: "@ID@", expectedVersion: "@VERSION@", firstName: "Updated"}}}'
}
