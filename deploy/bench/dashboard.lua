-- wrk script: GET DASHBOARD_PATH with the bearer TOKEN; prints the latency percentiles in ms and
-- the requests that failed (non-2xx or transport errors), for deploy/bench/reporting.sh http.
local path = os.getenv("DASHBOARD_PATH")
local token = os.getenv("TOKEN")

request = function()
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests=%d\nfailed=%d\np50=%.1f\np95=%.1f\np99=%.1f\n", summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
