-- GET /.well-known/oauth-authorization-server: a small JSON answer of the same HTTP stack, the ceiling
-- the token endpoint is compared with.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

wrk.method = "GET"
wrk.path = "/.well-known/oauth-authorization-server"
wrk.headers["Accept"] = "application/json"
