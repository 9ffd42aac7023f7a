-- wrk script for Q6, the write mix: createCustomer with a unique email and one address, then
-- updateCustomer of that customer with expectedVersion, one request each. The bodies file has
-- the create body (with "@EMAIL@") and the update body (with "@ID@" and "@VERSION@").
-- Usage: wrk … -s write-mix.lua -- <bodies.jsonl> <api key> <run id>
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
local common = require "common"

local create, update, headers, run
local created = 0
local to_update = {}

function setup(thread)
  common.setup(thread)
end

function init(args)
  local bodies = common.lines(args[1])
  create, update = bodies[1], bodies[2]
  headers = common.headers(args[2])
  run = args[3]
end

function request()
  local customer = table.remove(to_update)
  if customer then
    local body = update:gsub("@ID@", customer.id):gsub('"@VERSION@"', customer.version)
    return wrk.format("POST", "/graphql", headers, body)
  end
  created = created + 1
  local email = string.format("bench-%s-%d-%d@example.test", run, thread_number, created)
  return wrk.format("POST", "/graphql", headers, (create:gsub("@EMAIL@", email)))
end

function response(status, _, body)
  common.count(status, body)
  local id, version = body:match('"createCustomer":{"customer":{"id":"([^"]+)","version":(%d+)}')
  if id then
    table.insert(to_update, { id = id, version = version })
  end
end

done = common.done
