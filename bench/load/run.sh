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

source bench/load/server.sh
start_server
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
rss=$(peak_rss_mib)
a=$(rps "$work/assess.txt"); c=$(rps "$work/ceiling.txt")
echo
echo "machine: $(machine)"
echo "wrk: $threads threads, $connections connections, $duration per endpoint, on the same machine as the server"
echo "POST /api/assessments: $a req/s, p99 $(p99 "$work/assess.txt") $(errors "$work/assess.txt")"
echo "GET /api/auth/me (ceiling): $c req/s, p99 $(p99 "$work/ceiling.txt") $(errors "$work/ceiling.txt")"
echo "ratio assess/ceiling: $(awk -v a="$a" -v c="$c" 'BEGIN{printf "%.2f", a/c}')"
echo "server peak RSS: $rss MiB"
echo "load average at the end (other work on the machine skews the numbers): $(cut -d" " -f1-3 /proc/loadavg)"
