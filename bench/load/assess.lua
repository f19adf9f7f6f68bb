-- POST /api/assessments with one case JSON, signed in with the session cookie in NETPATH_COOKIE.
local f = assert(io.open(os.getenv("NETPATH_CASE"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-NetPath-Request"] = "1"
wrk.headers["Cookie"] = os.getenv("NETPATH_COOKIE")
