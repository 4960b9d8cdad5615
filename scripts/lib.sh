# Shared helpers for run.sh and test.sh. Source it; it defines functions only.
# Needs bash, Node.js and the .NET SDK; deliberately no curl or python, which CI may lack.

repo_root() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd
}

# npm ci when node_modules is missing or older than package-lock.json
# (npm writes node_modules/.package-lock.json at the end of every install).
ensure_node_modules() {
  local marker=node_modules/.package-lock.json
  if [[ ! -f $marker || package-lock.json -nt $marker ]]; then
    echo "Installing npm tools (npm ci)..."
    npm ci --loglevel=error
  fi
}

# Debian's chromium for the browser tests (tests/browser, driven by playwright-core), installed
# with apt-get when it is missing and this runs as root (as CI does on a fresh machine).
ensure_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "error: /usr/bin/chromium is missing; install it with: sudo apt-get install -y chromium" >&2
    return 1
  fi
  echo "Installing chromium (apt-get)..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

# Prints a TCP port that was free a moment ago on 127.0.0.1.
free_port() {
  node -e 'const s = require("net").createServer();
           s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True when GET $1 answers with a 2xx status.
http_ok() {
  node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
}

# wait_until <seconds> <pid> <description> <command...>
# Polls the command until it succeeds; fails early when the process <pid> has died.
wait_until() {
  local timeout=$1 pid=$2 what=$3
  shift 3
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "error: $what exited before it was ready" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "error: $what was not ready after ${timeout}s" >&2
      return 1
    fi
    sleep 0.2
  done
}

# Stops a background process started as `setsid command &`, which made it the leader of
# a process group of its own (so $! is also the group id): TERM to the whole group, so
# whatever it spawned stops too, then KILL whatever is left after a grace period.
stop_group() {
  local pid=$1 name=$2
  # The leader may be gone while what it spawned lives on, so ask about the group.
  kill -0 -- "-$pid" 2>/dev/null || return 0
  echo "Stopping $name..."
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 -- "-$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

# Azurite's well-known development account (public, documented; not a secret).
AZURITE_ACCOUNT=devstoreaccount1
AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

# Tables and the outbox queue: azurite_connection_string TABLE_PORT QUEUE_PORT
azurite_connection_string() {
  local table_port=$1 queue_port=$2
  echo "DefaultEndpointsProtocol=http;AccountName=$AZURITE_ACCOUNT;AccountKey=$AZURITE_KEY;TableEndpoint=http://127.0.0.1:$table_port/$AZURITE_ACCOUNT;QueueEndpoint=http://127.0.0.1:$queue_port/$AZURITE_ACCOUNT;"
}
