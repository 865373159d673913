#!/usr/bin/env bash
# Regenerates the C# client of tests/InsatsFlow.Klient.Tests from the committed contract docs/openapi.json with Kiota
# (the dotnet tool pinned in dotnet-tools.json), and records the contract's SHA-256 beside it: the client tests fail
# when the contract changed since. Run after regenerating docs/openapi.json (see README, "Integrera med InsatsFlow").
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# Kiota 1.38 also looks for a newer version of itself online; where there is no such network that look-up fails and
# generation goes on (CI does not run this script: it tests the committed client).
KIOTA_UPDATE__DISABLED=true dotnet kiota generate -l CSharp -d docs/openapi.json -o tests/InsatsFlow.Klient.Tests/Genererad \
  -n InsatsFlow.Klient.Genererad -c InsatsFlowKlient --clean-output --log-level Warning
sha256sum docs/openapi.json | cut -d' ' -f1 > tests/InsatsFlow.Klient.Tests/Genererad/openapi.sha256
