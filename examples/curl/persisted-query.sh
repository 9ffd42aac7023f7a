#!/usr/bin/env bash
# Apollo's automatic persisted queries by hand: send the hash alone; on PersistedQueryNotFound
# send hash and query once; from then on the hash alone is enough.
# Usage: KEY=sk_test_… ./persisted-query.sh [gateway URL]
set -euo pipefail
GATEWAY="${1:-http://localhost:8080}"
QUERY='query Viewer { viewer { tenant livemode scopes } }'
HASH=$(printf '%s' "$QUERY" | sha256sum | cut -d' ' -f1)
EXTENSIONS="{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$HASH\"}}"

post() {
  curl -sS "$GATEWAY/graphql" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' --data "$1"
  echo
}
post "{\"extensions\":$EXTENSIONS}"                       # PersistedQueryNotFound the first time
post "{\"query\":\"$QUERY\",\"extensions\":$EXTENSIONS}"   # registers the query, runs it
post "{\"extensions\":$EXTENSIONS}"                       # runs it by hash
