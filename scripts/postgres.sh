#!/usr/bin/env bash
# Sourced by test.sh and bench-intake.sh: starts a throwaway PostgreSQL 15 cluster on a free loopback port, sets
# CHILDSTORY_POSTGRES to its connection string and $pgdir to its folder, and stops and deletes it on exit.
start_throwaway_postgres() {
  pgbin=/usr/lib/postgresql/15/bin
  [ -x "$pgbin/initdb" ] || { echo "PostgreSQL 15 server binaries are missing from $pgbin" >&2; exit 1; }
  pgdir=$(mktemp -d /tmp/childstory-pg.XXXXXX)
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$pgdir"
  trap stop_throwaway_postgres EXIT
  run_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust --no-sync >/dev/null
  run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  "$pgbin/pg_isready" -h 127.0.0.1 -p "$port" -t 30 >/dev/null
  echo "PostgreSQL 15 is running on 127.0.0.1:$port (data in $pgdir)"
  export CHILDSTORY_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_throwaway_postgres() {
  run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
