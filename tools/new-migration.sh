#!/usr/bin/env bash
# Adds an EF Core migration named $1 to src/InsatsFlow.Data/Migrations.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations add "${1:?migration name}" --project src/InsatsFlow.Data --startup-project src/InsatsFlow.Data --output-dir Migrations
