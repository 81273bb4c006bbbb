-- POST /oauth2/token, Client Credentials with client_secret_post (the client of token_post.lua) and a
-- DPoP proof (RFC 9449, ES256) in the DPoP header: the answer is a token bound to the proof's key.
-- A proof is accepted once, so each request sends a fresh one from BENCH_DPOP_PROOFS (one a line, made
-- by make_proofs.mjs before each run); thread i of n takes lines i, i+n, ... so no two threads share
-- one. Once a thread has used up its lines it starts over, and those replays answer 400: run.sh makes
-- more than a run sends.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

local body = "grant_type=client_credentials"
   .. "&client_id=" .. bench.urlencode(bench.env("BENCH_CLIENT_ID"))
   .. "&client_secret=" .. bench.urlencode(bench.env("BENCH_CLIENT_SECRET"))
local proofs
local next_one = 1

function init(args)
   proofs = bench.thread_lines("BENCH_DPOP_PROOFS")
end

function request()
   local proof = proofs[next_one]
   next_one = next_one % #proofs + 1
   return wrk.format("POST", "/oauth2/token", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["DPoP"] = proof,
   }, body)
end
