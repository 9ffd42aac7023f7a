#!/usr/bin/env bash
# A service follows the customers: it reads the change events after the cursor it stored,
# handles them, and stores the page's endCursor, forever. Started again (or on another
# machine, against another gateway instance), it continues right after the last page it
# stored: every event exactly once, in commit order, as long as it is retained (30 days).
# The cursor is stored only after the page is handled, so a crash in between replays that
# page: make handling idempotent (an event's version tells an old event from a new one).
# Usage: KEY=sk_test_… ./follow-events.sh [gateway URL] [cursor file]
set -euo pipefail
GATEWAY="${1:-http://localhost:8080}"
CURSOR_FILE="${2:-./events.cursor}"
QUERY='query Follow($after: String) { events(first: 100, after: $after) {
  nodes { id type occurredAt customerId version ... on CustomerEvent { changedFields }
          ... on AddressEvent { addressId } ... on SourceEvent { sourceId } }
  pageInfo { endCursor hasNextPage } } }'

while true; do
  after=$(cat "$CURSOR_FILE" 2>/dev/null || true)
  page=$(jq -nc --arg query "$QUERY" --arg after "$after" \
      '{query: $query, variables: {after: (if $after == "" then null else $after end)}}' |
    curl -sS --fail-with-body "$GATEWAY/graphql" \
      -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' --data @-)
  if jq -e '.errors' <<<"$page" >/dev/null; then
    echo "$page" >&2
    sleep 5
    continue
  fi
  # Handle the events: here, one line each.
  jq -r '.data.events.nodes[] | [.type, .customerId, (.version // "-"), ((.changedFields // []) | join(","))] | @tsv' <<<"$page"
  end=$(jq -r '.data.events.pageInfo.endCursor // empty' <<<"$page")
  if [[ -n $end ]]; then
    printf '%s' "$end" >"$CURSOR_FILE.tmp" && mv "$CURSOR_FILE.tmp" "$CURSOR_FILE"
  fi
  # Caught up: poll again in a moment; otherwise read the next page at once.
  [[ $(jq -r '.data.events.pageInfo.hasNextPage' <<<"$page") == true ]] || sleep 2
done
