#!/usr/bin/env bash
# The turn benchmark (docs/benchmarks.md): builds the bot, the limit and the benchmark in Release,
# installs the peer's pinned npm packages when they are missing, and drives the three over HTTP.
# It writes its figures into docs/benchmarks.md; `--quick` runs one short round to check the
# harness, `--no-docs` leaves the file alone. Timing: never part of ./scripts/test.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(repo_root)"

ensure_node_modules
peer=bench/peer
if [[ ! -f $peer/node_modules/.package-lock.json || $peer/package-lock.json -nt $peer/node_modules/.package-lock.json ]]; then
  echo "Installing the peer's npm packages (npm ci in $peer)..."
  (cd "$peer" && npm ci --loglevel=error --no-audit --no-fund)
fi

dotnet run -c Release --project bench/PeerSupportBot.TurnBench -- "$@"
