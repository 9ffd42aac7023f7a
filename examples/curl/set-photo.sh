#!/usr/bin/env bash
# Sets a customer's photo by a GraphQL multipart request (the GraphQL multipart request
# specification, as Apollo's and urql's upload links send it), then fetches it back from the
# signed URL the payload returns. The Apollo-Require-Preflight header is required: a
# cross-site HTML form cannot send it.
# Usage: KEY=sk_test_… ./set-photo.sh <customer id> <photo.jpg|photo.png> [gateway URL]
set -euo pipefail
CUSTOMER_ID="$1"
PHOTO="$2"
GATEWAY="${3:-http://localhost:8080}"

RESPONSE=$(curl -sS "$GATEWAY/graphql" \
  -H "Authorization: Bearer $KEY" \
  -H 'Apollo-Require-Preflight: true' \
  -F operations="{\"query\":\"mutation(\$input: SetCustomerPhotoInput!) { setCustomerPhoto(input: \$input) { customer { id version photo { url contentType byteSize width height } } userErrors { code field message } } }\",\"variables\":{\"input\":{\"customerId\":\"$CUSTOMER_ID\",\"photo\":null}}}" \
  -F map='{"0":["variables.input.photo"]}' \
  -F 0=@"$PHOTO")
echo "$RESPONSE"

# The URL needs no key: it is signed for this photo and expires (after one to two hours).
URL=$(printf '%s' "$RESPONSE" | sed -n 's/.*"url":"\([^"]*\)".*/\1/p')
if [ -n "$URL" ]; then
  curl -sS -o /dev/null -D - "$URL"
fi
