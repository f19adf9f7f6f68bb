-- POST /api/patients with clearly synthetic patients (soak.sh runs it in bursts until enough exist).
-- NETPATH_COOKIE: the session cookie.
local counter = 0
local threadId = 0
local burst = os.time()

function setup(thread)
  threadId = threadId + 1
  thread:set("id", threadId)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-NetPath-Request"] = "1"
  wrk.headers["Cookie"] = os.getenv("NETPATH_COOKIE")
end

function request()
  counter = counter + 1
  local body = string.format('{"displayName":"Synthetic Patient %d-%d-%d","recordNumber":"SYN-%d-%d-%d"}', burst, id, counter, burst, id, counter)
  return wrk.format(nil, "/api/patients", nil, body)
end
