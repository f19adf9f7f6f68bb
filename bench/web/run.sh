#!/usr/bin/env bash
# Page timings for docs/performance.md: starts the Release web server with the demo data (as
# `netpath serve` has it), then drives Debian's Chromium with bench/NetPath.PageTimings: each main
# page's load time, and the live assessment's latency from the last keystroke to the new grade.
# Usage: bench/web/run.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/load/server.sh
command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
dotnet build -c Release bench/NetPath.PageTimings -v q -nologo >/dev/null
start_server
# Demo Patient D has three case versions over a year: every page has something to show.
read -r patient assessment < <(curl -sf -H "Cookie: $NETPATH_COOKIE" -H 'X-NetPath-Request: 1' "$url/api/patients?pageSize=50" \
  | python3 -c 'import json,sys; items=[i for i in json.load(sys.stdin)["items"] if i["summary"]["latestAssessmentId"]]; p=next((i for i in items if i["displayName"]=="Demo Patient D"), items[-1]); print(p["id"], p["summary"]["latestAssessmentId"])')
echo "machine: $(machine)"
bench/NetPath.PageTimings/bin/Release/net10.0/NetPath.PageTimings "$url" "$patient" "$assessment" "${1:-30}"
