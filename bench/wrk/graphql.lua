-- wrk script for the read shapes: POSTs the request bodies of a file (one JSON body per line)
-- in turn, each thread from its own offset.  Usage: wrk … -s graphql.lua -- <bodies.jsonl> <api key>
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
local common = require "common"

local bodies, headers, next_body

function setup(thread)
  common.setup(thread)
end

function init(args)
  bodies = common.lines(args[1])
  headers = common.headers(args[2])
  next_body = (thread_number * 7919) % #bodies
end

function request()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", "/graphql", headers, bodies[next_body])
end

function response(status, _, body)
  common.count(status, body)
end

done = common.done
