-- POST /oauth2/introspect (RFC 7662): a resource server asking about one live token on every request,
-- authenticated with client_secret_post like token_post.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

wrk.method = "POST"
wrk.path = "/oauth2/introspect"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "token=" .. bench.urlencode(bench.env("BENCH_ACCESS_TOKEN"))
   .. "&client_id=" .. bench.urlencode(bench.env("BENCH_CLIENT_ID"))
   .. "&client_secret=" .. bench.urlencode(bench.env("BENCH_CLIENT_SECRET"))
