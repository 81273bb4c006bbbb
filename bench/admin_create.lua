-- POST /api/clients: an admin creating clients, each with a new clientId, with an admin's session
-- token. Every request is one admin change: the client's row, its secret's row and its audit event.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

local report_setup = setup
local started = os.time()
local next_thread = 0

function setup(thread)
   report_setup(thread)
   next_thread = next_thread + 1
   thread:set("prefix", string.format("bc%d-%d-", started, next_thread))
end

local token = bench.env("BENCH_SESSION_TOKEN")
local made = 0

function request()
   made = made + 1
   return wrk.format("POST", "/api/clients", {
      ["Content-Type"] = "application/json",
      ["Accept"] = "application/json",
      ["Authorization"] = "Bearer " .. token,
   }, '{"clientId":"' .. prefix .. made .. '","roles":["accounts:read"],"notes":"bench"}')
end
