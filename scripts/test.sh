#!/usr/bin/env bash
# Runs every test: unit, integration on SQLite and PostgreSQL, and browser tests.
# Installs what is missing (Debian's chromium, npm packages), starts a throwaway PostgreSQL cluster of its own on a
# free loopback port, and stops it on exit, whether the tests pass or fail. Prints "N passed, N failed" last.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi
[ -x /usr/bin/chromium ] || { echo "chromium could not be installed: browser tests cannot run" >&2; exit 1; }

(cd src/ChildStory.Web && npm ci --no-audit --no-fund --loglevel=error)

pgbin=/usr/lib/postgresql/15/bin
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL 15 server binaries are missing from $pgbin" >&2; exit 1; }
pgdir=$(mktemp -d /tmp/childstory-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pgdir"

stop_pg() {
  run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap stop_pg EXIT

run_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust --no-sync >/dev/null
run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
"$pgbin/pg_isready" -h 127.0.0.1 -p "$port" -t 30 >/dev/null
echo "PostgreSQL 15 is running on 127.0.0.1:$port (data in $pgdir)"
export CHILDSTORY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

dotnet build ChildStory.slnx -c Debug -v quiet -nologo
results="$pgdir/results"
status=0
dotnet test ChildStory.slnx --no-build -c Debug --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
