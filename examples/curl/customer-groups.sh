#!/usr/bin/env bash
# A storefront's customer groups: create "Wholesale", put a new customer in it, and list the
# groups with how many customers each has. A second run answers the first step with a TAKEN
# user error on the name (names are unique per tenant and mode) and stops there.
# Usage: KEY=sk_test_… ./customer-groups.sh [gateway URL]
set -euo pipefail
GATEWAY="${1:-http://localhost:8080}"

graphql() {
  curl -sS "$GATEWAY/graphql" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' --data @-
}

created=$(graphql <<'JSON'
{
  "query": "mutation($input: CreateCustomerGroupInput!) { createCustomerGroup(input: $input) { customerGroup { id name code } userErrors { code field message } } }",
  "variables": { "input": { "name": "Wholesale", "code": "WHOLESALE" } }
}
JSON
)
echo "$created"
group_id=$(printf '%s' "$created" | sed -n 's/.*"customerGroup":{"id":"\([^"]*\)".*/\1/p')
[ -n "$group_id" ] || exit 1

graphql <<JSON
{
  "query": "mutation(\$input: CreateCustomerInput!) { createCustomer(input: \$input) { customer { id email group { name } } userErrors { code field message } } }",
  "variables": { "input": { "email": "buyer@wholesale.example", "groupId": "$group_id" } }
}
JSON
echo

graphql <<'JSON'
{ "query": "{ customerGroups(first: 20) { nodes { id name code customerCount customers(first: 3) { nodes { email } } } } }" }
JSON
echo
