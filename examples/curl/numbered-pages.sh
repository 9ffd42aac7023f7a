#!/usr/bin/env bash
# A back-office screen with numbered pages: page N of the customer list, newest first, and the
# number of pages from totalCount. offset goes with first only and reaches at most 10,000 rows
# (gateway.limits.max-offset); "next" from the last page shown continues with after: endCursor,
# which costs the same at any depth.
# Usage: KEY=sk_test_… ./numbered-pages.sh [page number, from 1] [gateway URL]
set -euo pipefail
PAGE="${1:-1}"
GATEWAY="${2:-http://localhost:8080}"
PER_PAGE=20

curl -sS "$GATEWAY/graphql" \
  -H "Authorization: Bearer $KEY" \
  -H 'Content-Type: application/json' \
  --data @- <<JSON
{
  "query": "query CustomerPage(\$perPage: Int!, \$offset: Int!) { customers(first: \$perPage, offset: \$offset) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id email displayName createdAt } } }",
  "variables": { "perPage": $PER_PAGE, "offset": $(( (PAGE - 1) * PER_PAGE )) }
}
JSON
echo
# Pages: ceil(totalCount / 20). A page number whose offset is over 10,000 is an INVALID error
# that says to page on with after and a cursor.
