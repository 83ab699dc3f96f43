-- wrk script of the sustained booking phase (bench/scheduling/run): every connection books distinct free slots, one
-- per request, as POST /api/scheduling/bookings with the doctor's token, for the phase's fixed duration.
-- Arguments after --: <file with one request body per line (Bench.java prepare)> <token> <wrk threads>
-- Thread k (0-based) takes lines k+1, k+1+threads, ...; a thread whose lines are used up sends GET /q/health/live
-- instead, which is not counted, and the summary says so (ran_out > 0: the figure is not a sustained rate).
local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function init(args)
   bodies = {}
   for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
   headers = { ["Authorization"] = "Bearer " .. args[2], ["Content-Type"] = "application/json" }
   step = tonumber(args[3])
   nextLine = id + 1
   created, refused, ran_out = 0, 0, 0
end

function request()
   local i = nextLine
   if i > #bodies then
      ran_out = 1
      return wrk.format("GET", "/q/health/live")
   end
   nextLine = i + step
   return wrk.format("POST", "/api/scheduling/bookings", headers, bodies[i])
end

function response(status, headers, body)
   if status == 201 then
      created = created + 1
   elseif status ~= 200 then
      refused = refused + 1
   end
end

function done(summary, latency, requests)
   local c, r, o = 0, 0, 0
   for _, t in ipairs(threads) do
      c = c + t:get("created")
      r = r + t:get("refused")
      o = o + t:get("ran_out")
   end
   io.write(string.format("wrk created=%d refused=%d ran_out=%d seconds=%.3f bookings_per_s=%.1f p50_ms=%.1f p99_ms=%.1f\n",
      c, r, o, summary.duration / 1e6, c / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(99) / 1000))
end
