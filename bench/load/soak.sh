#!/usr/bin/env bash
# Memory over time: seeds 100,000 synthetic patients through the API, then drives
# POST /api/assessments for ten minutes, sampling the server's resident memory every 30 s.
#   bench/load/soak.sh [patients, default 100000] [minutes, default 10]
# Loopback only; every loop is bounded by its count or duration.
set -euo pipefail
cd "$(dirname "$0")/../.."
patients=${1:-100000}
minutes=${2:-10}
command -v wrk >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq wrk; }

dotnet build -c Release src/NetPath.Web -v q -nologo >/dev/null
work=$(mktemp -d)
port=""
for _ in $(seq 1 50); do c=$((20000 + RANDOM % 20000)); if ! (exec 3<>"/dev/tcp/127.0.0.1/$c") 2>/dev/null; then port=$c; break; fi; done
url="http://127.0.0.1:$port"
Logging__LogLevel__Default=Warning DOTNET_gcServer=1 \
  dotnet exec src/NetPath.Web/bin/Release/net10.0/NetPath.Web.dll --urls "$url" --database "$work/soak.db" \
  --NetPath:SignInPermitsPerMinute=1000 >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "$url/health" >/dev/null && break; sleep 0.2; done
curl -sf -c "$work/cookies" -H 'X-NetPath-Request: 1' -H 'Content-Type: application/json' \
  -d '{"userName":"demo-clinician","password":"demo-only-not-for-patients"}' "$url/api/auth/signin" >/dev/null
export NETPATH_COOKIE="netpath.session=$(awk '$6=="netpath.session"{print $7}' "$work/cookies")"
export NETPATH_CASE="$PWD/bench/load/case.json"

rss() { awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status; }
hwm() { awk '/VmHWM/{print int($2/1024)}' /proc/$pid/status; }

start=$(date +%s)
export NETPATH_QUOTA=$((patients / 4))
wrk -t4 -c4 -d3600s -s bench/load/create-patient.lua "$url/api/patients" > "$work/seed.txt"
echo "seeded $patients patients in $(( $(date +%s) - start )) s; RSS $(rss) MiB"
du -h "$work/soak.db" | cut -f1 | xargs echo "database file:"

echo "minute RSS(MiB)"
wrk -t2 -c16 -d"${minutes}m" --latency -s bench/load/assess.lua "$url/api/assessments" > "$work/soak.txt" &
wrk_pid=$!
samples=$((minutes * 2))
for i in $(seq 0 "$samples"); do
  printf '%5.1f %s\n' "$(awk -v i=$i 'BEGIN{print i/2}')" "$(rss)"
  [[ $i -lt $samples ]] && sleep 30
done
wait $wrk_pid
grep -E 'Requests/sec|99%' "$work/soak.txt"
echo "peak RSS (VmHWM): $(hwm) MiB; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"
