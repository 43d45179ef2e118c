#!/usr/bin/env bash
# Adds one migration, named $1, for both providers.
# EF writes the migration where --output-dir says but the model snapshot inside the project
# (it only looks for the old snapshot there), so each new snapshot is moved over the old one here.
set -euo pipefail
name=${1:?usage: migrations/add.sh MigrationName}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" \
    --project ConflictForum --context "${provider}ForumDbContext" \
    --output-dir "../migrations/$provider" --namespace "ConflictForum.Migrations.$provider"
  snapshot=$(find ConflictForum -path ConflictForum/bin -prune -o -path ConflictForum/obj -prune -o \
    -name "${provider}ForumDbContextModelSnapshot.cs" -print | head -n 1)
  if [ -n "$snapshot" ]; then
    mv "$snapshot" "migrations/$provider/${provider}ForumDbContextModelSnapshot.cs"
    # Remove only the folders EF made for the snapshot, never the project's own (possibly empty) folders.
    rmdir -p "$(dirname "$snapshot")" 2>/dev/null || true
  fi
done
rm -f ConflictForum/design-time.db*
echo "Added migration $name for Sqlite and SqlServer under migrations/."
