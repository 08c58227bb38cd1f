#!/usr/bin/env bash
# Runs ChildStory with a synthetic demo partnership on an embedded SQLite database (./childstory.db).
# The build installs the GOV.UK Frontend npm package when it is missing. Extra arguments go to `childstory demo`,
# e.g. ./scripts/run.sh --children 100000 --reset
set -euo pipefail
cd "$(dirname "$0")/.."
export ConnectionStrings__ChildStory="${ConnectionStrings__ChildStory:-Data Source=$PWD/childstory.db}"
exec dotnet run --project src/ChildStory.Web -c Release -- demo "$@"
