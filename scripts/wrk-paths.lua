-- wrk script of scripts/load-test.sh and scripts/peer-load-test.sh: cycles through the paths in the file named by
-- WRK_PATHS (one a line) with the demo tenant's credentials, from a random start per thread, and fails on any non-200.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local headers = { ["Authorization"] = "Token demo-api-key", ["Account-Token"] = "demo-account-token" }
local n = math.random(#paths)
request = function()
  n = n % #paths + 1
  return wrk.format("GET", paths[n], headers)
end
response = function(status)
  if status ~= 200 then error("unexpected status " .. status) end
end
done = function(summary, latency, requests)
  io.write(string.format("  99.9%%: %.2fms  max: %.2fms  requests: %d\n", latency:percentile(99.9) / 1000, latency.max / 1000, summary.requests))
end
