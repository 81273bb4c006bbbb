-- Shared by the scenario scripts: read settings from the environment and print one machine-readable
-- line at the end of a wrk run:
--   BENCH_RESULT scenario=... requests=... rps=... p50_ms=... p95_ms=... p99_ms=... p999_ms=... errors=...
-- errors = non-2xx answers + socket errors (connect, read, write, timeout). wrk itself counts only
-- statuses >= 400; BENCH_STRICT_STATUS=1 counts every non-2xx in Lua instead (slower: a Lua call per answer).

bench = {}

function bench.env(name, default)
   local value = os.getenv(name)
   if value == nil or value == "" then
      if default == nil then
         error("wrk script: set " .. name)
      end
      return default
   end
   return value
end

function bench.urlencode(s)
   return (string.gsub(s, "[^%w%-%._~]", function(c)
      return string.format("%%%02X", string.byte(c))
   end))
end

local scenario = bench.env("BENCH_SCENARIO", "unnamed")
local strict = os.getenv("BENCH_STRICT_STATUS") == "1"
local threads = {}

-- each thread's number (0, 1, ...) is its global `index`, for bench.thread_lines
function setup(thread)
   thread:set("index", #threads)
   table.insert(threads, thread)
end

-- Thread i of n's share of a file of one-time values (assertions, proofs), one a line: lines i, i+n, ...,
-- so that no two threads send the same one. Call it from init().
function bench.thread_lines(env_name)
   local count = tonumber(bench.env("BENCH_THREADS_COUNT", "1"))
   local lines, n = {}, 0
   for line in io.lines(bench.env(env_name)) do
      if n % count == index then
         lines[#lines + 1] = line
      end
      n = n + 1
   end
   if #lines == 0 then
      error(scenario .. ": no lines for thread " .. index .. " in " .. bench.env(env_name))
   end
   return lines
end

if strict then
   non2xx = 0
   function response(status, headers, body)
      if status < 200 or status > 299 then
         non2xx = non2xx + 1
      end
   end
end

function done(summary, latency, requests)
   local e = summary.errors
   local socket = e.connect + e.read + e.write + e.timeout
   local bad = e.status
   if strict then
      bad = 0
      for _, thread in ipairs(threads) do
         bad = bad + (thread:get("non2xx") or 0)
      end
   end
   local seconds = summary.duration / 1e6
   local function ms(p)
      return latency:percentile(p) / 1000
   end
   io.write(string.format(
      "BENCH_RESULT scenario=%s requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f "
         .. "p999_ms=%.3f max_ms=%.3f mean_ms=%.3f non2xx=%d socket_errors=%d errors=%d connect=%d read=%d "
         .. "write=%d timeout=%d\n",
      scenario, summary.requests, seconds, summary.requests / seconds, ms(50), ms(95), ms(99), ms(99.9),
      latency.max / 1000, latency.mean / 1000, bad, socket, bad + socket, e.connect, e.read, e.write, e.timeout))
end
