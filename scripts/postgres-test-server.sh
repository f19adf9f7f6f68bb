#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the NetPath storage and web tests.
#
#   eval "$(scripts/postgres-test-server.sh)"      # exports NETPATH_TEST_POSTGRES
#   scripts/postgres-test-server.sh stop <datadir> # stops one started before
#
# Installs Debian's postgresql if missing, runs initdb in a temp folder as the unprivileged
# user 'postgres' (the server refuses to run as root), listens only on 127.0.0.1 on a free
# port with password authentication, and prints the export line on stdout (everything else
# goes to stderr). The data folder is printed as NETPATH_TEST_POSTGRES_DATA for stopping.
set -euo pipefail

log() { echo "postgres-test-server: $*" >&2; }

find_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -1 || true)
  [[ -n "$found" ]] && echo "$found"
}

as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [[ "${1:-}" == "stop" ]]; then
  data=${2:?data folder}
  as_pg "$(find_bin pg_ctl)" -D "$data" -m fast stop >&2 || true
  exit 0
fi

if [[ -z "$(find_bin initdb)" || -z "$(find_bin pg_ctl)" ]]; then
  log "installing postgresql from Debian"
  if [[ $(id -u) -ne 0 ]]; then log "need root to install postgresql"; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
INITDB=$(find_bin initdb)
PG_CTL=$(find_bin pg_ctl)

if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

data=$(mktemp -d /tmp/netpath-pg.XXXXXX)
sock=$(mktemp -d /tmp/netpath-pgsock.XXXXXX)
[[ $(id -u) -eq 0 ]] && chown postgres "$data" "$sock"
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
pwfile=$(mktemp)
echo "$password" > "$pwfile"
[[ $(id -u) -eq 0 ]] && chown postgres "$pwfile"

as_pg "$INITDB" -D "$data" -U netpath --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
rm -f "$pwfile"

# A free loopback port, found with bash alone (a fresh machine may have no python).
port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 20000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[[ -n "$port" ]] || { log "no free port found"; exit 1; }
# fsync stays on: the tests check that acknowledged writes survive.
as_pg "$PG_CTL" -D "$data" -l "$data/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$sock -c max_connections=200" start >&2

log "listening on 127.0.0.1:$port (data $data)"
echo "export NETPATH_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=netpath;Password=$password;Database=netpath_test'"
echo "export NETPATH_TEST_POSTGRES_DATA='$data'"
