#!/usr/bin/env bash
# The turn benchmark (docs/benchmarks.md): builds the bot, the limit and the benchmark in Release,
# installs the npm packages it needs when they are missing, and drives the three over HTTP.
# It writes its figures into docs/benchmarks.md; `--quick` runs one short round to check the
# harness, `--no-docs` leaves the file alone. Timing: never part of ./scripts/test.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(repo_root)"

# Only when missing: a node_modules that is there, perhaps a link to one shared between
# checkouts, is never reinstalled from here (npm ci would empty the shared one first).
if [[ ! -x node_modules/.bin/azurite-table ]]; then
  echo "Installing npm tools (npm ci)..."
  npm ci --loglevel=error --no-audit --no-fund
fi
if [[ ! -e bench/peer/node_modules/botbuilder/package.json ]]; then
  echo "Installing the peer's npm packages (npm ci in bench/peer)..."
  (cd bench/peer && npm ci --loglevel=error --no-audit --no-fund)
fi

dotnet run -c Release --project bench/PeerSupportBot.TurnBench -- "$@"
