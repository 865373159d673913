#!/usr/bin/env bash
# Until the first release no database exists outside development, so the schema is one "Initial"
# migration per provider (SQLite and PostgreSQL), regenerated from the model after each merge.
# After the first release: tools/new-migration.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf src/InsatsFlow.Data/Migrations src/InsatsFlow.Data.Postgres/Migrations
bash tools/new-migration.sh Initial
rm -f src/InsatsFlow.Data/design-time.db
