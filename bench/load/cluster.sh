#!/usr/bin/env bash
# Load through nginx in front of two published `netpath serve` instances over one throw-away
# PostgreSQL, as docs/deploy.md sets them up (deploy/nginx as committed, ports filled in).
#   bench/load/cluster.sh [rate, default 2000] [duration, default 30s] [connections, default 40]
# POST /api/assessments (bench/load/case.json) paced at about `rate` requests/s (bench/load/paced.lua),
# three runs: through the proxy with both instances up; through the proxy while one instance is
# restarted (SIGTERM, start again, ready) a third of the way in; and one instance directly, no proxy,
# for comparison. Prints achieved requests/s, p50/p99, and every non-2xx or socket error.
# Uses NETPATH_PUBLISHED (a published netpath folder) or publishes to artifacts/publish/netpath.
# Traffic goes only to 127.0.0.1; each run is bounded by its duration.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
rate=${1:-2000}
duration=${2:-30s}
connections=${3:-40}
threads=$(( $(nproc) < 2 ? 1 : 2 ))
export DEBIAN_FRONTEND=noninteractive
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[[ -x /usr/sbin/nginx ]] || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }

published=${NETPATH_PUBLISHED:-}
if [[ -z "$published" ]]; then
  published="$root/artifacts/publish/netpath"
  dotnet publish src/NetPath.Cli -c Release -o "$published" -nologo -v quiet -clp:ErrorsOnly
fi

work=$(mktemp -d)
chmod 777 "$work"
pids=()
nginx_pid=""
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null || true
  [[ -n "${NETPATH_TEST_POSTGRES_DATA:-}" ]] && scripts/postgres-test-server.sh stop "$NETPATH_TEST_POSTGRES_DATA" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

eval "$(scripts/postgres-test-server.sh)"
database="${NETPATH_TEST_POSTGRES/Database=netpath_test/Database=netpath_load}"

free_port() {
  local candidate
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return; fi
  done
  echo "no free port" >&2; exit 1
}
ports=("$(free_port)" "$(free_port)")

start_instance() { # index [extra args]
  local i=$1; shift
  mkdir -p "$work/home$i"
  HOME="$work/home$i" Logging__LogLevel__Default=Warning \
  NetPath__ForwardedHeaders__KnownProxies=127.0.0.1 NetPath__SignInPermitsPerMinute=100000 \
    "$published/netpath" serve --urls "http://127.0.0.1:${ports[$i]}" --database "$database" "$@" >>"$work/instance$i.log" 2>&1 &
  pids[$i]=$!
}
wait_ready() {
  for _ in $(seq 1 300); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${ports[$1]}/health/ready")" == 200 ]] && return
    sleep 0.2
  done
  echo "instance $1 not ready" >&2; cat "$work/instance$1.log" >&2; exit 1
}

# The first seeds the demo account (and migrates); the second finds accounts and seeds nothing.
start_instance 0; wait_ready 0
start_instance 1 --no-demo; wait_ready 1

proxy_port=$(free_port)
awk -v p0="${ports[0]}" -v p1="${ports[1]}" '
  /^[[:space:]]*server 127\.0\.0\.1:/ { n++; if (n == 1) sub(/127\.0\.0\.1:[0-9]+/, "127.0.0.1:" p0); else sub(/127\.0\.0\.1:[0-9]+/, "127.0.0.1:" p1) }
  { print }' deploy/nginx/netpath-upstream.conf >"$work/netpath-upstream.conf"
for d in body proxy fastcgi uwsgi scgi; do mkdir -p "$work/$d"; chmod 777 "$work/$d"; done
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
error_log $work/nginx-error.log warn;
pid $work/nginx.pid;
events { worker_connections 4096; }
http {
    log_format upstream '\$upstream_addr \$status';
    access_log $work/access.log upstream buffer=64k flush=1s;
    client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
    include $work/netpath-upstream.conf;
    server { listen 127.0.0.1:$proxy_port; include $root/deploy/nginx/netpath-proxy.conf; }
}
CONF
/usr/sbin/nginx -p "$work" -e "$work/nginx-error.log" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
proxy="http://127.0.0.1:$proxy_port"
for _ in $(seq 1 50); do curl -sf "$proxy/health/live" >/dev/null && break; sleep 0.1; done

curl -sf -c "$work/cookies" -H 'X-NetPath-Request: 1' -H 'Content-Type: application/json' \
  -d '{"userName":"demo-clinician","password":"demo-only-not-for-patients"}' "$proxy/api/auth/signin" >/dev/null
export NETPATH_COOKIE="netpath.session=$(awk '$6=="netpath.session"{print $7}' "$work/cookies")"
export NETPATH_CASE="$root/bench/load/case.json"
# Each connection's cycle is its pause plus the answer's latency (about 2 ms here): pause = cycle - 2.
export NETPATH_DELAY_MS=$(( 1000 * connections / rate - 2 ))
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Cookie: $NETPATH_COOKIE" -H 'X-NetPath-Request: 1' \
  -H 'Content-Type: application/json' --data @"$NETPATH_CASE" "$proxy/api/assessments")
[[ "$status" == 200 ]] || { echo "assessment check failed: HTTP $status" >&2; exit 1; }

paced() { # url output
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/load/paced.lua "$1/api/assessments" >"$2"
}
seconds() { local d=$1; case $d in *m) echo $(( ${d%m} * 60 ));; *s) echo "${d%s}";; *) echo "$d";; esac; }

# Warm-up: JIT, tiered compilation, pools, both instances.
wrk -t"$threads" -c"$connections" -d10s -s bench/load/paced.lua "$proxy/api/assessments" >/dev/null

paced "$proxy" "$work/proxy.txt"

: >"$work/access.log"
paced "$proxy" "$work/restart.txt" &
load=$!
sleep $(( $(seconds "$duration") / 3 ))
kill -TERM "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true
restart_began=$(date +%s.%N)
start_instance 1 --no-demo; wait_ready 1
restart_took=$(awk -v a="$restart_began" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
wait "$load"

paced "http://127.0.0.1:${ports[0]}" "$work/direct.txt"

rps() { awk '/^Requests\/sec/{print $2}' "$1"; }
pct() { awk -v p="$2" '$1==p{print $2}' "$1"; }
errors() { local e; e=$(awk '/Non-2xx|Socket errors/{printf "%s ", $0}' "$1"); echo "${e:-0 errors}"; }
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"
echo "wrk: $threads threads, $connections connections, $NETPATH_DELAY_MS ms pause per connection (offered about $rate req/s), $duration per run, same machine"
echo "through nginx, two instances:             $(rps "$work/proxy.txt") req/s, p50 $(pct "$work/proxy.txt" 50%), p99 $(pct "$work/proxy.txt" 99%), $(errors "$work/proxy.txt")"
echo "through nginx, one instance restarted:    $(rps "$work/restart.txt") req/s, p50 $(pct "$work/restart.txt" 50%), p99 $(pct "$work/restart.txt" 99%), $(errors "$work/restart.txt") (down and back to ready in $restart_took s)"
echo "one instance directly, no proxy:          $(rps "$work/direct.txt") req/s, p50 $(pct "$work/direct.txt" 50%), p99 $(pct "$work/direct.txt" 99%), $(errors "$work/direct.txt")"
echo "served by instance (restart run): $(awk '{print $1}' "$work/access.log" | sort | uniq -c | sort -rn | head -4 | xargs)"
echo "statuses (restart run): $(awk '{print $NF}' "$work/access.log" | sort | uniq -c | xargs)"
echo "load average at the end (other work on the machine skews the numbers): $(cut -d" " -f1-3 /proc/loadavg)"
