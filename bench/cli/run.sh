#!/usr/bin/env bash
# End-to-end command-line measurements for docs/performance.md:
#  1. `netpath assess --ndjson` over 100,000 cases from a cold process, against a bare
#     System.Text.Json program that reads, parses and writes back the same lines (same run);
#  2. peak memory of `assess --ndjson` for 10,000 and for 1,000,000 cases streamed through a pipe;
#  3. median wall time of `netpath assess one.json` from a cold process (21 runs, measured first).
# Needs /usr/bin/time (Debian package 'time'); installs it if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Published as users get it: self-contained, ReadyToRun composite (framework and app compiled
# together, so the generic code System.Text.Json instantiates over NetPath's types is precompiled).
dotnet publish src/NetPath.Cli -c Release -r linux-x64 --self-contained true -p:PublishReadyToRunComposite=true -o "$work/netpath" -nologo -v quiet
dotnet build bench/NetPath.Benchmarks -c Release -nologo -v quiet -o "$work/bench"
netpath="$work/netpath/netpath"
bench="$work/bench/NetPath.Benchmarks"

"$bench" generate 100000 "$work/100k.ndjson"
echo "input: $(wc -c < "$work/100k.ndjson") bytes, 100000 cases"

measure() { # label, command...: prints "label seconds peak-kB"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null
  read -r secs kb < "$work/time"
  printf '%-28s %8.2f s %8d kB\n' "$label" "$secs" "$kb"
  echo "$label $secs $kb" >> "$work/results"
}

# Cold single case first: right after the million-case run, the kernel is still writing back and
# reclaiming that half-gigabyte file, and process start-up measured then says more about the disk.
head -n 1 "$work/100k.ndjson" > "$work/one.json"
for i in $(seq 1 21); do
  /usr/bin/time -f "%e" -o "$work/one-time" "$netpath" assess "$work/one.json" > /dev/null
  cat "$work/one-time" >> "$work/one-times"
done
echo "cold single case, median of 21: $(sort -n "$work/one-times" | sed -n 11p) s"
echo "cold single case, all: $(sort -n "$work/one-times" | tr '\n' ' ')"

for i in 1 2 3; do
  measure "bare-stj-100k" "$bench" bare-stj "$work/100k.ndjson" "$work/bare.out"
  measure "netpath-ndjson-100k" "$netpath" assess --ndjson "$work/100k.ndjson"
done

"$bench" generate 10000 "$work/10k.ndjson"
measure "netpath-ndjson-10k-memory" "$netpath" assess --ndjson "$work/10k.ndjson"
"$bench" generate 1000000 "$work/1m.ndjson"
measure "netpath-ndjson-1m-memory" "$netpath" assess --ndjson "$work/1m.ndjson"
rm -f "$work/1m.ndjson"

