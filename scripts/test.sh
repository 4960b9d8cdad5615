#!/usr/bin/env bash
# Runs every test in the solution against a throwaway Azurite, then the quick matching
# benchmark (docs/benchmarks.md) against the same Azurite, then prints one summary line
# "N passed, N failed[, N skipped]". Exits non-zero when a test failed, none ran, or the
# benchmark's request counts changed (it reports times but never fails on one).
# Needs only the .NET SDK and Node.js (CI runs exactly this; see .ci/run); it installs the npm
# tools and, as root, Debian's chromium for the browser tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(repo_root)"

readonly RESULTS_DIR=TestResults

azurite_pid=""
queue_pid=""
azurite_dir=""
stop_azurite() {
  if [[ -n $queue_pid ]]; then stop_group "$queue_pid" "Azurite queues" >/dev/null; fi
  if [[ -n $azurite_pid ]]; then stop_group "$azurite_pid" Azurite >/dev/null; fi
  if [[ -n $azurite_dir ]]; then rm -rf "$azurite_dir"; fi
}
trap stop_azurite EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_node_modules
ensure_chromium

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

# A fresh, empty store on a free port, so runs never see each other's data.
azurite_dir=$(mktemp -d)
port=$(free_port)
setsid node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$port" \
  --location "$azurite_dir" --skipApiVersionCheck --disableTelemetry --silent \
  >"$RESULTS_DIR/azurite.log" 2>&1 &
azurite_pid=$!
wait_until 30 "$azurite_pid" Azurite port_open "$port"
# The outbox queue: Azurite's queue service, from the same npm package.
queue_port=$(free_port)
mkdir -p "$azurite_dir/queues"
setsid node_modules/.bin/azurite-queue --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --location "$azurite_dir/queues" --skipApiVersionCheck --disableTelemetry --silent \
  >"$RESULTS_DIR/azurite-queue.log" 2>&1 &
queue_pid=$!
wait_until 30 "$queue_pid" "Azurite queues" port_open "$queue_port"
echo "Azurite tables on 127.0.0.1:$port, queues on 127.0.0.1:$queue_port"

PEERSUPPORT_TEST_STORAGE=$(azurite_connection_string "$port" "$queue_port")
export PEERSUPPORT_TEST_STORAGE

test_status=0
dotnet test PeerSupportBot.sln \
  --results-directory "$RESULTS_DIR" \
  --logger trx \
  --logger "console;verbosity=normal" \
  || test_status=$?

# The benchmark reports its time ratios against a baseline measured in the same run, and fails
# only on deterministic request counts.
echo
bench_status=0
dotnet run -c Release --project bench/PeerSupportBot.Bench -- --quick || bench_status=$?

# Sum the <Counters .../> of every trx file. Skipped tests are in total but not in executed
# (their notExecuted counter stays 0).
read -r passed failed skipped < <(
  cat "$RESULTS_DIR"/*.trx 2>/dev/null | awk '
    function count(name,   re, v) {
      re = name "=\"[0-9]+\""
      if (!match($0, re)) return 0
      v = substr($0, RSTART, RLENGTH)
      gsub(/[^0-9]/, "", v)
      return v + 0
    }
    /<Counters / {
      passed  += count("passed")
      failed  += count("failed") + count("error") + count("timeout") + count("aborted")
      skipped += count("total") - count("executed")
    }
    END { print passed + 0, failed + 0, skipped + 0 }'
)

summary="$passed passed, $failed failed"
if ((skipped > 0)); then summary+=", $skipped skipped"; fi
echo
if ((bench_status != 0)); then echo "The matching benchmark failed (exit $bench_status): see its output above."; fi
echo "$summary"

if ((failed > 0 || passed == 0 || test_status != 0 || bench_status != 0)); then
  exit 1
fi
