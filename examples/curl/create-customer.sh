#!/usr/bin/env bash
# A service creates a customer. The idempotency key makes a retry safe: sending the same key
# with the same input again returns the first customer and creates nothing; the same key with
# another input is a CONFLICT user error.
# Usage: KEY=sk_test_… ./create-customer.sh [gateway URL]
set -euo pipefail
GATEWAY="${1:-http://localhost:8080}"
IDEMPOTENCY_KEY="${IDEMPOTENCY_KEY:-signup-$(date +%Y%m%d)-ada}"

curl -sS "$GATEWAY/graphql" \
  -H "Authorization: Bearer $KEY" \
  -H 'Content-Type: application/json' \
  --data @- <<JSON
{
  "query": "mutation CreateCustomer(\$input: CreateCustomerInput!) { createCustomer(input: \$input) { customer { id email version createdAt } userErrors { code field message } } }",
  "variables": {
    "input": {
      "email": "ada@example.com",
      "firstName": "Ada",
      "lastName": "Lovelace",
      "tags": ["newsletter", "vip"],
      "idempotencyKey": "$IDEMPOTENCY_KEY"
    }
  }
}
JSON
echo
