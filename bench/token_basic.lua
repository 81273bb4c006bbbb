-- POST /oauth2/token, Client Credentials with client_secret_basic (BENCH_CLIENT_BASIC: the base64 of
-- urlencode(id) ":" urlencode(secret), RFC 6749 §2.3.1).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

wrk.method = "POST"
wrk.path = "/oauth2/token"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. bench.env("BENCH_CLIENT_BASIC")
wrk.body = "grant_type=client_credentials"
