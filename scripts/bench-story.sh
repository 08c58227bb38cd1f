#!/usr/bin/env bash
# The child's story page under load, on a throwaway PostgreSQL 15 cluster: a synthetic county (demo), its events
# topped up to EVENTS with one child of HEAVY_EVENTS, then CLIENTS concurrent clients on other children's stories
# while one more loads the heavy child's, then the same clients on /health. See bench/ChildStory.LoadTest/README.md.
#   ./scripts/bench-story.sh                                   # 100,000 children, 10,000,000 events, 50 clients, 60 s
#   CHILDREN=2000 EVENTS=200000 DURATION=15 ./scripts/bench-story.sh
# Options (environment): CHILDREN EVENTS HEAVY_EVENTS CLIENTS DURATION WARMUP SOLO THINK STORY_PATH PORT SEED SHARED_BUFFERS
#   KEEP_LOG=dir (keep the server log there).
# The front-door login normally needs TOTP; the server here is started with Security__TwoFactorRoles set to the
# other roles so that the benchmark can sign in with a password alone. Nothing else about the app is changed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

CHILDREN=${CHILDREN:-100000}
EVENTS=${EVENTS:-10000000}
HEAVY_EVENTS=${HEAVY_EVENTS:-5000}
CLIENTS=${CLIENTS:-50}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-10}
SOLO=${SOLO:-10}
THINK=${THINK:-0}
default_path='/children/{id}/story'
STORY_PATH=${STORY_PATH:-$default_path}
PORT=${PORT:-5081}
SEED=${SEED:-42}
# A server with 24 GB would give PostgreSQL a few GB of shared buffers; the throwaway cluster's default is 128 MB.
SHARED_BUFFERS=${SHARED_BUFFERS:-2GB}
password=ChildStory-demo-1
started=$(date +%s)
say() { echo "[$(( $(date +%s) - started ))s] $*"; }

# shellcheck source=scripts/postgres.sh
. "$root/scripts/postgres.sh"
start_throwaway_postgres
server_pid=
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}
cleanup() {
  stop_server
  if [ -n "${KEEP_LOG:-}" ] && [ -f "$pgdir/server.log" ]; then mkdir -p "$KEEP_LOG" && cp "$pgdir/server.log" "$KEEP_LOG/"; fi
  stop_throwaway_postgres
}
trap cleanup EXIT

psql_() { "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"; }
port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$CHILDSTORY_POSTGRES")
psql_ -d postgres -c "ALTER SYSTEM SET shared_buffers = '$SHARED_BUFFERS'" -c "ALTER SYSTEM SET max_wal_size = '8GB'" \
  -c "ALTER SYSTEM SET checkpoint_timeout = '30min'" -c "ALTER SYSTEM SET maintenance_work_mem = '1GB'" -c "CREATE DATABASE childstory"
run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -t 60 restart >/dev/null
"$pgbin/pg_isready" -h 127.0.0.1 -p "$port" -t 30 >/dev/null
connection="${CHILDSTORY_POSTGRES/Database=postgres/Database=childstory}"
say "PostgreSQL: shared_buffers $(psql_ -d childstory -At -c 'SHOW shared_buffers'); $connection"

say "Building Release"
dotnet build -c Release src/ChildStory.Web/ChildStory.Web.csproj -nologo -v q
dotnet build -c Release bench/ChildStory.LoadTest/ChildStory.LoadTest.csproj -nologo -v q
web="$root/src/ChildStory.Web/bin/Release/net10.0/childstory"
loadtest="$root/bench/ChildStory.LoadTest/bin/Release/net10.0/childstory-loadtest"

export Database__Provider=Postgres
export ConnectionStrings__ChildStory="$connection"
export DOTNET_CLI_TELEMETRY_OPTOUT=1

say "Seeding $CHILDREN children (childstory demo --no-serve)"
"$web" demo --children "$CHILDREN" --seed "$SEED" --password "$password" --no-serve | tee "$pgdir/demo.log"
email=$(psql_ -d childstory -At -c "SELECT u.\"Email\" FROM \"AspNetUsers\" u JOIN \"AspNetUserRoles\" ur ON ur.\"UserId\" = u.\"Id\" JOIN \"AspNetRoles\" r ON r.\"Id\" = ur.\"RoleId\" WHERE r.\"Name\" = 'FrontDoor' ORDER BY u.\"Email\" LIMIT 1")
[ -n "$email" ] || { echo "No front-door login found after seeding" >&2; exit 1; }
say "Front-door login: $email"

say "Adding events up to $EVENTS (heavy child: $HEAVY_EVENTS)"
"$loadtest" events --connection "$connection" --total "$EVENTS" --heavy-child-events "$HEAVY_EVENTS" --seed "$SEED" | tee "$pgdir/events.log"
heavy=$(sed -n 's/^HEAVY_CHILD=//p' "$pgdir/events.log")
[ -n "$heavy" ] || { echo "events did not print HEAVY_CHILD" >&2; exit 1; }

say "Starting the server (Release, Production, logging at Warning) on http://127.0.0.1:$PORT"
# The array replaces appsettings.json's list index by index, so all four entries are set: FrontDoor is left out.
env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.Hosting.Lifetime=Warning \
  Logging__LogLevel__Microsoft.AspNetCore=Warning Logging__LogLevel__Microsoft.EntityFrameworkCore=Warning \
  Security__TwoFactorRoles__0=Manager Security__TwoFactorRoles__1=Administrator \
  Security__TwoFactorRoles__2=PartnershipLead Security__TwoFactorRoles__3=Administrator \
  "$web" serve --urls "http://127.0.0.1:$PORT" >"$pgdir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$pgdir/server.log" >&2; echo "The server exited" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null || { cat "$pgdir/server.log" >&2; echo "The server did not answer /health" >&2; exit 1; }

say "Load: $CLIENTS clients, ${WARMUP}s warm-up + ${DURATION}s per phase"
status=0
"$loadtest" load --base "http://127.0.0.1:$PORT" --email "$email" --password "$password" --heavy "$heavy" \
  --path "$STORY_PATH" --clients "$CLIENTS" --duration "$DURATION" --warmup "$WARMUP" --solo "$SOLO" --think "$THINK" --connection "$connection" || status=$?
stop_server
if grep -qE ' (fail|crit):' "$pgdir/server.log"; then
  echo "The server logged errors (first 40 lines):"; grep -E -A3 ' (fail|crit):' "$pgdir/server.log" | head -40
fi
say "Done (load exit code $status: 0 = targets met, 3 = a target missed or errors)"
exit "$status"
