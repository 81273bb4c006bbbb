-- POST /oauth2/token, Client Credentials with client_secret_post (id and secret in the form).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

wrk.method = "POST"
wrk.path = "/oauth2/token"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=client_credentials"
   .. "&client_id=" .. bench.urlencode(bench.env("BENCH_CLIENT_ID"))
   .. "&client_secret=" .. bench.urlencode(bench.env("BENCH_CLIENT_SECRET"))
