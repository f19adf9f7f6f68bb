-- POST /api/assessments at a set pace: each connection waits NETPATH_DELAY_MS after each answer,
-- so the offered rate is about connections x 1000 / (delay + latency) per second, not wrk's
-- flat-out closed loop. The achieved rate is what wrk reports; bench/load/cluster.sh picks the delay.
local f = assert(io.open(os.getenv("NETPATH_CASE"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-NetPath-Request"] = "1"
wrk.headers["Cookie"] = os.getenv("NETPATH_COOKIE")
local pause = tonumber(os.getenv("NETPATH_DELAY_MS"))

function delay()
  return pause
end
