-- GET /api/clients?q=...: a search by substring of clientId or notes (BENCH_SEARCH_Q), with an
-- admin's session token.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

wrk.method = "GET"
wrk.path = "/api/clients?size=20&q=" .. bench.urlencode(bench.env("BENCH_SEARCH_Q", "partner 42"))
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. bench.env("BENCH_SESSION_TOKEN")
