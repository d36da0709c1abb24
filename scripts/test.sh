#!/usr/bin/env bash
# The whole test suite on real engines: installs what is missing, starts a throwaway PostgreSQL
# cluster on loopback, runs `dotnet test`, stops the cluster. Exits non-zero on any failure.
# Results (TRX) land in TestResults/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/install-prerequisites.sh

pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/crm-pg.XXXXXX")
cleanup() { scripts/stop-postgres.sh "$pg_dir"; }
trap cleanup EXIT
if eval "$(scripts/start-postgres.sh "$pg_dir")"; then
  echo "PostgreSQL for tests: $CRM_TEST_POSTGRES"
else
  echo "could not start PostgreSQL: its tests will be skipped (and fail under CI=true)" >&2
fi

rm -rf "$root/TestResults"
dotnet test RealEstateCrm.sln -c Release \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$root/TestResults" "$@"
