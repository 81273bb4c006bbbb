-- POST /oauth2/token, Client Credentials with private_key_jwt (an ES256 client assertion, RFC 7523).
-- An assertion is accepted once, so each request sends a fresh one from BENCH_ASSERTIONS (one a line,
-- made by make_assertions.mjs before each run); thread i of n takes lines i, i+n, ... so no two threads
-- share one. Once a thread has used up its lines it starts over, and those replays answer 401: run.sh
-- makes more than a run sends.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

local prefix = "grant_type=client_credentials"
   .. "&client_assertion_type=" .. bench.urlencode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
   .. "&client_assertion="
local assertions
local next_one = 1

function init(args)
   assertions = bench.thread_lines("BENCH_ASSERTIONS")
end

function request()
   local assertion = assertions[next_one]
   next_one = next_one % #assertions + 1
   return wrk.format("POST", "/oauth2/token", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
   }, prefix .. assertion)
end
