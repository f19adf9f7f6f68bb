# Sourced by the load scripts: starts the Release web server on a free loopback port with a temp
# SQLite database, signs in as the demo clinician, and cleans up on exit.
# Sets: work (temp folder), pid (server), url, NETPATH_COOKIE, NETPATH_CASE.

start_server() {
  command -v wrk >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq wrk; }
  dotnet build -c Release src/NetPath.Web -v q -nologo >/dev/null
  work=$(mktemp -d)
  local port="" candidate
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
  [[ -n "$port" ]] || { echo "no free port" >&2; exit 1; }
  url="http://127.0.0.1:$port"
  Logging__LogLevel__Default=Warning DOTNET_gcServer=1 \
    dotnet exec src/NetPath.Web/bin/Release/net10.0/NetPath.Web.dll --urls "$url" --database "$work/load.db" \
    --NetPath:SignInPermitsPerMinute=1000 >"$work/server.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 1 100); do curl -sf "$url/health" >/dev/null && break; sleep 0.2; done
  curl -sf -c "$work/cookies" -H 'X-NetPath-Request: 1' -H 'Content-Type: application/json' \
    -d '{"userName":"demo-clinician","password":"demo-only-not-for-patients"}' "$url/api/auth/signin" >/dev/null
  export NETPATH_COOKIE="netpath.session=$(awk '$6=="netpath.session"{print $7}' "$work/cookies")"
  export NETPATH_CASE="$PWD/bench/load/case.json"
}

rss_mib() { awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status"; }
peak_rss_mib() { awk '/VmHWM/{print int($2/1024)}' "/proc/$pid/status"; }
machine() { echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"; }
