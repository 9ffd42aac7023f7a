-- Shared by the bench scripts: counts failed responses (non-2xx, or a GraphQL "errors" or a
-- non-empty "userErrors" in the body) per thread, and prints the run as one JSON line.
local common = {}

local threads = {}

failures = 0

function common.setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function common.count(status, body)
  if status < 200 or status > 299
      or body:find('"errors"', 1, true)
      or body:find('"userErrors":[{', 1, true) then
    failures = failures + 1
  end
end

-- Reads a file's non-empty lines.
function common.lines(path)
  local lines = {}
  for line in io.lines(path) do
    if line ~= "" then
      table.insert(lines, line)
    end
  end
  assert(#lines > 0, "no request bodies in " .. path)
  return lines
end

function common.headers(key)
  return {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/graphql-response+json",
    ["Authorization"] = "Bearer " .. key,
  }
end

function common.done(summary, latency)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50Ms":%.3f,"p99Ms":%.3f,"maxMs":%.3f,' ..
    '"errors":%d,"socketErrors":%d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, failed,
    e.connect + e.read + e.write + e.timeout))
end

return common
