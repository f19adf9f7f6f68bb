#!/usr/bin/env bash
# Memory over time: seeds 100,000 synthetic patients through the API, then drives
# POST /api/assessments for ten minutes, sampling the server's resident memory every 30 s.
#   bench/load/soak.sh [patients, default 100000] [minutes, default 10]
# Loopback only; every loop is bounded by its count or duration.
set -euo pipefail
cd "$(dirname "$0")/../.."
patients=${1:-100000}
minutes=${2:-10}
source bench/load/server.sh
start_server

start=$(date +%s)
total() { curl -sf -H "Cookie: $NETPATH_COOKIE" "$url/api/patients?pageSize=1" | grep -o '"total":[0-9]*' | cut -d: -f2; }
# wrk runs by time, not count: seed in short bursts until the store holds enough patients.
while [[ $(total) -lt $patients ]]; do
  wrk -t4 -c4 -d5s -s bench/load/create-patient.lua "$url/api/patients" > "$work/seed.txt"
done
echo "seeded $(total) patients in $(( $(date +%s) - start )) s; RSS $(rss_mib) MiB"
du -h "$work/load.db" | cut -f1 | xargs echo "database file:"

echo "minute RSS(MiB)"
wrk -t2 -c16 -d"${minutes}m" --latency -s bench/load/assess.lua "$url/api/assessments" > "$work/soak.txt" &
wrk_pid=$!
samples=$((minutes * 2))
for i in $(seq 0 "$samples"); do
  printf '%5.1f %s\n' "$(awk -v i=$i 'BEGIN{print i/2}')" "$(rss_mib)"
  [[ $i -lt $samples ]] && sleep 30
done
wait $wrk_pid
grep -E 'Requests/sec|99%' "$work/soak.txt"
echo "peak RSS (VmHWM): $(peak_rss_mib) MiB; machine: $(machine)"
