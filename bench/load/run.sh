#!/usr/bin/env bash
# Load test of the web API on loopback with wrk (Debian's; installed if missing).
#   bench/load/run.sh [duration, default 30s] [connections, default 32]
# Starts the Release server on a free 127.0.0.1 port with a temp SQLite database and the demo
# account, signs in, then runs wrk against POST /api/assessments (bench/load/case.json, a
# synthetic ileal NET case) and against GET /api/auth/me (the ceiling: same auth and routing,
# no engine, no database). Prints requests/s, p99, the ratio and the server's peak RSS.
# Traffic goes only to 127.0.0.1; each run is bounded by its duration.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30s}
connections=${2:-32}
threads=$(( $(nproc) < 2 ? 1 : 2 ))

if ! command -v wrk >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk
fi

dotnet build -c Release src/NetPath.Web -v q -nologo >/dev/null
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
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
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Cookie: $NETPATH_COOKIE" -H 'X-NetPath-Request: 1' \
  -H 'Content-Type: application/json' --data @"$NETPATH_CASE" "$url/api/assessments")
[[ "$status" == 200 ]] || { echo "assessment check failed: HTTP $status" >&2; exit 1; }

# Warm up (JIT, tiered compilation, pools), then measure.
wrk -t"$threads" -c"$connections" -d5s -s bench/load/assess.lua "$url/api/assessments" >/dev/null
wrk -t"$threads" -c"$connections" -d5s -s bench/load/get.lua "$url/api/auth/me" >/dev/null

wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/load/assess.lua "$url/api/assessments" | tee "$work/assess.txt"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/load/get.lua "$url/api/auth/me" | tee "$work/ceiling.txt"

rps() { awk '/^Requests\/sec/{print $2}' "$1"; }
p99() { awk '$1=="99%"{print $2}' "$1"; }
errors() { awk '/Non-2xx|Socket errors/{print}' "$1"; }
rss_kib=$(awk '/VmHWM/{print $2}' /proc/$pid/status)
a=$(rps "$work/assess.txt"); c=$(rps "$work/ceiling.txt")
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"
echo "wrk: $threads threads, $connections connections, $duration per endpoint, on the same machine as the server"
echo "POST /api/assessments: $a req/s, p99 $(p99 "$work/assess.txt") $(errors "$work/assess.txt")"
echo "GET /api/auth/me (ceiling): $c req/s, p99 $(p99 "$work/ceiling.txt") $(errors "$work/ceiling.txt")"
echo "ratio assess/ceiling: $(python3 -c "print(f'{$a/$c:.2f}')")"
echo "server peak RSS: $((rss_kib / 1024)) MiB"
echo "load average at the end (other work on the machine skews the numbers): $(cut -d" " -f1-3 /proc/loadavg)"
