#!/usr/bin/env bash
# Adds an EF Core migration named $1 for both providers: SQLite (src/InsatsFlow.Data/Migrations) and
# PostgreSQL (src/InsatsFlow.Data.Postgres/Migrations). One model, two providers, one name.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
name="${1:?migration name}"
dotnet ef migrations add "$name" --project src/InsatsFlow.Data --startup-project src/InsatsFlow.Data --output-dir Migrations
dotnet ef migrations add "$name" --project src/InsatsFlow.Data.Postgres --startup-project src/InsatsFlow.Data.Postgres --output-dir Migrations
