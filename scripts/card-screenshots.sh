#!/usr/bin/env bash
# Saves a screenshot of every distinct card the bot can show, in Finnish and in English, as the
# Microsoft 365 Agents Playground renders it, to docs/cards/<card>.<fi|en>.png, and writes
# docs/cards/README.md showing them all. Run it after changing a card, and commit the result.
#   1. the card gallery (tests/PeerSupportBot.Tests/Cards/CardGallery.cs) is written as JSON by
#      its test, with the app's own card classes and sample data;
#   2. a playground starts on a free port (no bot behind it: the cards are posted to its connector);
#   3. tests/browser/render-cards.cjs shows each card in chromium, checks it is drawn in full and
#      saves it.
# Needs the .NET SDK, Node.js and chromium (installed here with apt-get when run as root).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(repo_root)"

readonly OUTPUT=docs/cards

work=$(mktemp -d)
playground_pid=""
stub_pid=""
cleanup() {
  if [[ -n $playground_pid ]]; then stop_group "$playground_pid" "the playground" >/dev/null; fi
  if [[ -n $stub_pid ]]; then stop_group "$stub_pid" "the stub bot" >/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

ensure_node_modules
ensure_chromium

echo "Writing the card gallery..."
CARD_GALLERY_OUTPUT="$work/gallery" dotnet test tests/PeerSupportBot.Tests \
  --filter "FullyQualifiedName~CardGalleryTests.The_gallery_is_written" --logger "console;verbosity=minimal" >"$work/gallery.log" 2>&1 \
  || { cat "$work/gallery.log" >&2; exit 1; }

echo "Starting the Agents Playground..."
# The playground shows the chat only once its app endpoint answers; a stub that answers every
# activity with an empty 200 stands in for the bot, whose cards are posted to the connector.
stub_port=$(free_port)
setsid node -e 'require("http").createServer((q, r) => { q.resume(); q.on("end", () => r.end()); }).listen(+process.argv[1], "127.0.0.1")' \
  "$stub_port" >/dev/null 2>&1 &
stub_pid=$!
wait_until 30 "$stub_pid" "the stub bot" port_open "$stub_port"
TEAMSAPPTESTER_BROWSER=none M365_AGENTS_PLAYGROUND_LOGFILE="$work/playground.log" \
  setsid node_modules/.bin/agentsplayground --app-endpoint "http://127.0.0.1:$stub_port/api/messages" \
  --channel-id msteams --port "$(free_port)" --disable-telemetry >"$work/playground.out" 2>&1 &
playground_pid=$!
wait_until 30 "$playground_pid" "the playground" grep -qs '^Listening on ' "$work/playground.out"
port=$(sed -n 's/^Listening on \([0-9]*\)$/\1/p' "$work/playground.out" | head -n 1)
wait_until 30 "$playground_pid" "the playground" http_ok "http://127.0.0.1:$port/_internal/v1/config"

echo "Rendering every card in chromium..."
rm -f "$OUTPUT"/*.png
node tests/browser/render-cards.cjs --gallery "$work/gallery" --playground "http://127.0.0.1:$port/" --screenshots "$OUTPUT"
node tests/browser/cards-readme.cjs "$work/gallery/index.json" "$OUTPUT/README.md"
echo "card-screenshots: wrote $(find "$OUTPUT" -name '*.png' | wc -l) screenshots and $OUTPUT/README.md"
