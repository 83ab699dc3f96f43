-- wrk script of the floor phase (bench/scheduling/run): GET /api/me with the doctor's token, the cheapest signed-in
-- request that reads the database. Argument after --: <token>
function init(args)
   req = wrk.format("GET", "/api/me", { ["Authorization"] = "Bearer " .. args[1] })
   ok, other = 0, 0
end

function request()
   return req
end

function response(status, headers, body)
   if status == 200 then ok = ok + 1 else other = other + 1 end
end

local threads = {}
function setup(thread)
   table.insert(threads, thread)
end

function done(summary, latency, requests)
   local a, b = 0, 0
   for _, t in ipairs(threads) do
      a = a + t:get("ok")
      b = b + t:get("other")
   end
   io.write(string.format("wrk done=%d failed=%d seconds=%.3f requests_per_s=%.1f p50_ms=%.1f p99_ms=%.1f\n", a, b,
      summary.duration / 1e6, a / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(99) / 1000))
end
