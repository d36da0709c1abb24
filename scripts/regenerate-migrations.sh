#!/usr/bin/env bash
# Regenerates the Initial migration of every provider from the current model. Use it only while the
# schema is unreleased; once a database exists in the field, add migrations instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
proj=operational/RealEstateCrm.Operational
# Regenerating renames every file (new timestamps): do it only when the model really changed.
if [ "${1:-}" != "--force" ] && [ -d "$proj/Data/Migrations" ]; then
  changed=0
  for p in Sqlite Postgres SqlServer; do
    dotnet ef migrations has-pending-model-changes -p "$proj" -s "$proj" -c "${p}CrmDbContext" >/dev/null 2>&1 || changed=1
  done
  [ $changed = 0 ] && { echo "migrations already match the model (pass --force to regenerate anyway)"; exit 0; }
fi
rm -rf "$proj/Data/Migrations"
for p in Sqlite Postgres SqlServer; do
  dotnet ef migrations add Initial -p "$proj" -s "$proj" -c "${p}CrmDbContext" \
    -o "Data/Migrations/$p" --namespace "RealEstateCrm.Operational.Data.Migrations.$p" >/dev/null
  # dotnet-ef puts the snapshot under a folder named after the namespace; keep it beside its migration.
  mv "$proj"/RealEstateCrm/Operational/Data/Migrations/$p/*Snapshot.cs "$proj/Data/Migrations/$p/"
done
rm -rf "$proj/RealEstateCrm" "$proj/design.db"
echo "migrations regenerated for Sqlite, Postgres, SqlServer"
