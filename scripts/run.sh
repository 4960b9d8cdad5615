#!/usr/bin/env bash
# Runs the bot locally with everything it needs:
#   Azurite (tables, queue)  127.0.0.1:10002 and 10001, data in .azurite/
#   the bot                  http://127.0.0.1:3978 (Development environment)
#   the Agents Playground    http://localhost:56150, a local Teams emulator talking to the bot
# Ctrl+C (or SIGTERM) stops all three. Logs go to devTools/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(repo_root)"

readonly BOT_URL=http://127.0.0.1:3978
readonly PLAYGROUND_PORT=56150
readonly LOG_DIR=devTools

# Each child runs under setsid: in a process group of its own, so that stopping it
# stops what it spawned (dotnet run starts the app as a child), and so that Ctrl+C
# reaches only this script, which then stops everything in order.
azurite_pid=""
queue_pid=""
bot_pid=""
playground_pid=""

stop_all() {
  trap - INT TERM EXIT
  if [[ -n $playground_pid ]]; then stop_group "$playground_pid" "the playground"; fi
  if [[ -n $bot_pid ]]; then stop_group "$bot_pid" "the bot"; fi
  if [[ -n $queue_pid ]]; then stop_group "$queue_pid" "Azurite queues"; fi
  if [[ -n $azurite_pid ]]; then stop_group "$azurite_pid" "Azurite"; fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

ensure_node_modules
mkdir -p "$LOG_DIR" .azurite

for azurite_port in 10001 10002; do
  if port_open "$azurite_port"; then
    echo "error: port $azurite_port is taken (another Azurite?); stop it first" >&2
    exit 1
  fi
done
echo "Starting Azurite (tables on 127.0.0.1:10002, log $LOG_DIR/azurite.log)..."
setsid node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort 10002 --location .azurite \
  --skipApiVersionCheck --disableTelemetry >"$LOG_DIR/azurite.log" 2>&1 &
azurite_pid=$!
wait_until 30 "$azurite_pid" Azurite port_open 10002
mkdir -p .azurite/queues
setsid node_modules/.bin/azurite-queue --queueHost 127.0.0.1 --queuePort 10001 --location .azurite/queues \
  --skipApiVersionCheck --disableTelemetry >"$LOG_DIR/azurite-queue.log" 2>&1 &
queue_pid=$!
wait_until 30 "$queue_pid" "Azurite queues" port_open 10001

echo "Starting the bot on $BOT_URL (log $LOG_DIR/bot.log)..."
# The app reads Storage:ConnectionString; UseDevelopmentStorage means Azurite's default
# endpoints. A value already in the environment wins.
Storage__ConnectionString=${Storage__ConnectionString:-UseDevelopmentStorage=true} \
  ASPNETCORE_ENVIRONMENT=Development \
  setsid dotnet run --project src/PeerSupportBot --no-launch-profile -- --urls "$BOT_URL" \
  >"$LOG_DIR/bot.log" 2>&1 &
bot_pid=$!
# The first run compiles the solution, hence the generous wait.
wait_until 300 "$bot_pid" "the bot" http_ok "$BOT_URL/healthz"

echo "Starting the Agents Playground (log $LOG_DIR/m365agentsplayground.log)..."
# It prints "Listening on <port>" when its stdout is not a terminal, and silently falls
# back to a random port when its own is taken, so the port is read from there.
TEAMSAPPTESTER_BROWSER=none M365_AGENTS_PLAYGROUND_LOGFILE="$LOG_DIR/m365agentsplayground.log" \
  setsid node_modules/.bin/agentsplayground --app-endpoint "$BOT_URL/api/messages" \
  --channel-id msteams --port "$PLAYGROUND_PORT" --disable-telemetry \
  >"$LOG_DIR/playground.out" 2>&1 &
playground_pid=$!
wait_until 30 "$playground_pid" "the playground" grep -q '^Listening on ' "$LOG_DIR/playground.out"
port=$(sed -n 's/^Listening on \([0-9]*\)$/\1/p' "$LOG_DIR/playground.out" | head -n 1)
wait_until 30 "$playground_pid" "the playground" http_ok "http://127.0.0.1:$port/_internal/v1/config"

echo
echo "Ready. Open the playground: http://localhost:$port"
echo "Press Ctrl+C to stop."

# Returns when any of the three exits (or a signal arrives); the traps stop the rest.
wait -n "$azurite_pid" "$queue_pid" "$bot_pid" "$playground_pid" || true
echo "A process exited on its own; see $LOG_DIR/." >&2
exit 1
