#!/usr/bin/env bash
# Times `childstory link` over synthetic UK child records (default 1,000,000) in a Release build, printing wall time
# and peak memory (maximum resident set size).
#   ./scripts/bench-link.sh [records]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
records=${1:-1000000}
data=${TMPDIR:-/tmp}/childstory-link-people-$records.csv
out=${TMPDIR:-/tmp}/childstory-link-clusters-$records.csv
dotnet build -c Release src/ChildStory.Web -v quiet -nologo
dotnet run -c Release --project bench/ChildStory.Benchmarks -- linkdata "$records" "$data"
/usr/bin/time -v -o "$out.time" src/ChildStory.Web/bin/Release/net10.0/childstory link --input "$data" --output "$out"
echo "Wall time: $(grep 'Elapsed (wall clock)' "$out.time" | awk '{print $NF}')"
echo "Peak memory: $(grep 'Maximum resident set size' "$out.time" | awk '{print $NF}') kB"
