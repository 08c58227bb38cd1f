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

# shellcheck source=scripts/postgres.sh
. "$root/scripts/postgres.sh"
start_throwaway_postgres
export CHILDSTORY_TEST_POSTGRES="$CHILDSTORY_POSTGRES"

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
