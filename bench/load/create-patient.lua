-- POST /api/patients with clearly synthetic patients until this thread's quota is reached.
-- NETPATH_COOKIE: the session cookie; NETPATH_QUOTA: patients per wrk thread.
local counter = 0
local quota = tonumber(os.getenv("NETPATH_QUOTA"))
local threadId = 0
local created = 0

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
  local body = string.format('{"displayName":"Synthetic Patient %d-%d","recordNumber":"SYN-%d-%d"}', id, counter, id, counter)
  return wrk.format(nil, "/api/patients", nil, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 end
  if created >= quota then wrk.thread:stop() end
end
