#!/usr/bin/env bash
# Measures batch intake into PostgreSQL next to a plain COPY of the same rows, on a throwaway cluster.
#   ./scripts/bench-intake.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/postgres.sh
. "$root/scripts/postgres.sh"
start_throwaway_postgres
CHILDSTORY_BENCH_POSTGRES="$CHILDSTORY_POSTGRES" dotnet run -c Release --project bench/ChildStory.Benchmarks -- --filter '*IntakeBenchmarks*' "$@"
