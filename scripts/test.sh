#!/usr/bin/env bash
# The whole NetPath test suite, from a fresh machine that has only the .NET SDK.
# Installs what the tests need when it is missing (PostgreSQL and Chromium from Debian's
# packages), starts a throw-away PostgreSQL on loopback, runs every test project, and ends with
# one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

cleanup() {
  if [ -n "${NETPATH_PG_STOP:-}" ]; then eval "$NETPATH_PG_STOP" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# A real PostgreSQL for the storage and web tests (never a mock).
eval "$(scripts/postgres-test-server.sh)"
export NETPATH_REQUIRE_POSTGRES=1
NETPATH_PG_STOP="scripts/postgres-test-server.sh stop '$NETPATH_TEST_POSTGRES_DATA'"

# Debian's Chromium for the end-to-end browser tests, when the suite has them.
if [ -d tests/NetPath.E2E.Tests ] && ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium from Debian's packages..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# Debian's nginx for the multi-instance test (two published instances behind the proxy).
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "Installing nginx from Debian's packages..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi

dotnet build NetPath.slnx -c Release -nologo -v quiet -clp:ErrorsOnly

# The published build, once per run: every deployment runs one, and the multi-instance test runs
# this one (tests/NetPath.Web.Tests/Deployment).
rm -rf "$root/artifacts/publish/netpath"
dotnet publish src/NetPath.Cli -c Release -o "$root/artifacts/publish/netpath" -nologo -v quiet -clp:ErrorsOnly
export NETPATH_PUBLISHED="$root/artifacts/publish/netpath"

status=0
dotnet test NetPath.slnx -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" \
  -- RunConfiguration.TreatNoTestsAsError=false 2>&1 | tee "$results/console.log" || status=$?

# One closing line for people and for CI: the sum over every test project.
passed=0; failed=0; skipped=0
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
done < <(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$results/console.log" \
           | sed -E 's/Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+)/\1 \2 \3/')
echo
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
exit $status
