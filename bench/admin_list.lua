-- GET /api/clients?size=20: the first page of the admin list, with an admin's session token.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

wrk.method = "GET"
wrk.path = "/api/clients?size=20"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. bench.env("BENCH_SESSION_TOKEN")
