#!/usr/bin/env bash
# tests/ghost/ghost.sh [install|installed|start|serve|seed|stop|reset|key]
#
# A real Ghost (npm `ghost` 5.130.6, the last line that runs on Node 20) with SQLite, installed
# without ghost-cli and served on 127.0.0.1:$GHOST_PORT (default 8099), with an owner, a custom
# integration and the posts of tests/ghost/seed.py. Needs Node 18 or 20, npm, python3 and a C++
# tool chain (sqlite3 and re2 are compiled: their prebuilt binaries live where these machines
# cannot reach). Idempotent: every step checks before it acts.
#   install  install Ghost once under $GHOST_INSTALL_DIR (shared by every clone; 3 to 10 minutes)
#   installed  exit 0 when it is installed
#   start    (default) install if missing, start, set up and seed once; prints the Content API key
#   seed     set up and seed a running Ghost, unless its state already has keys
#   serve    start, then stay in the foreground until stopped (for a test runner's web server)
#   stop     stop the Ghost this script started (by its recorded PID; killed after 10 s)
#   reset    stop, drop the database, content and keys, then start again (fresh seed)
# The Content and Admin API keys are written to $GHOST_STATE_DIR/keys.env; `key` prints the
# Content API key alone.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"

CMD=${1:-start}
VERSION=5.130.6
PORT=${GHOST_PORT:-8099}
HOST=127.0.0.1
URL="http://$HOST:$PORT"
INSTALL=${GHOST_INSTALL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/news-blog/ghost-$VERSION}
# One state (database, uploads, keys) per port: Ghost writes its address into what it serves.
STATE=${GHOST_STATE_DIR:-/var/tmp/ghost-test-$PORT}
T0=$(date +%s)
log() { printf '[ghost +%ss] %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; }

stop_ghost() {
  [ -f "$STATE/ghost.pid" ] || return 0
  local pid; pid=$(cat "$STATE/ghost.pid")
  if ! is_running; then
    rm -f "$STATE/ghost.pid"; log "no Ghost of this script's runs on pid $pid: forgot the PID"
    return 0
  fi
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    # Ten seconds to close its database; then it is stopped all the same, or the port stays
    # taken for the next run.
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
      log "Ghost (pid $pid) did not stop in 10 s: killed"
    fi
  fi
  rm -f "$STATE/ghost.pid"; log "stopped Ghost (pid $pid)"
}

install_ghost() {
  [ -f "$INSTALL/.installed" ] && { log "Ghost $VERSION already installed in $INSTALL"; return; }
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  case "$major" in 18|20) ;; *) log "Ghost $VERSION needs Node 18 or 20, not $(node --version)"; exit 1 ;; esac
  log "installing Ghost $VERSION in $INSTALL (3 to 10 minutes: sqlite3 and re2 are compiled)"
  rm -rf "$INSTALL" && mkdir -p "$INSTALL"
  # yarn 1 honours Ghost's own lock file; npm cannot install the package directly because it
  # has a `file:` dependency that resolves only inside the unpacked package (ghost-cli does
  # the same).
  npm install --prefix "$INSTALL/tools" --no-audit --no-fund --silent yarn@1.22.22 >/dev/null
  (cd "$INSTALL" && npm pack --silent "ghost@$VERSION" >/dev/null)
  mkdir -p "$INSTALL/ghost"
  tar xzf "$INSTALL/ghost-$VERSION.tgz" -C "$INSTALL/ghost" --strip-components=1
  rm -f "$INSTALL/ghost-$VERSION.tgz"
  # Its devDependencies name tarballs on a code host these machines cannot reach; without them
  # yarn's --frozen-lockfile would refuse, so it is left out (the lock file still decides).
  node -e 'const f=process.argv[1],p=require(f);delete p.devDependencies;require("fs").writeFileSync(f,JSON.stringify(p,null,2))' \
    "$INSTALL/ghost/package.json"
  (cd "$INSTALL/ghost" && PATH="$INSTALL/tools/node_modules/.bin:$PATH" npm_config_nodedir=/usr \
    yarn install --production --no-emoji --no-progress --non-interactive --network-timeout 120000 \
    >"$INSTALL/yarn.log" 2>&1) || { tail -20 "$INSTALL/yarn.log" >&2; exit 1; }
  touch "$INSTALL/.installed"
  log "Ghost $VERSION installed"
}

write_config() {
  mkdir -p "$STATE/content"
  [ -d "$STATE/content/themes" ] || cp -r "$INSTALL/ghost/content/." "$STATE/content/"
  # Ghost reads config.<NODE_ENV>.json from its working directory, which is the state folder,
  # so one install serves any number of ports; it finds its own files through `current` there,
  # as in the layout ghost-cli makes.
  ln -sfn "$INSTALL/ghost" "$STATE/current"
  # Staff device verification (an e-mailed code at every sign-in) is off: there is no mail here. Outbound look-ups (webmentions, oEmbed of
  # linked sites) fail quietly without a network.
  cat >"$STATE/config.production.json" <<JSON
{ "url": "$URL",
  "server": {"host": "$HOST", "port": $PORT},
  "database": {"client": "sqlite3", "connection": {"filename": "$STATE/content/data/ghost.db"}, "useNullAsDefault": true},
  "paths": {"contentPath": "$STATE/content"},
  "logging": {"level": "warn", "transports": ["stdout"]},
  "mail": {"transport": "stub"},
  "privacy": {"useTinfoil": true},
  "security": {"staffDeviceVerification": false} }
JSON
}

# The recorded PID is still this install's Ghost: its command line runs our index.js (any
# other process, even another Node, may have taken the number since; the state outlives it).
is_running() {
  [ -f "$STATE/ghost.pid" ] || return 1
  local cmdline="/proc/$(cat "$STATE/ghost.pid")/cmdline" args
  [ -r "$cmdline" ] || return 1
  args=$(tr '\0' ' ' <"$cmdline")
  [[ $args == *"$INSTALL/ghost/index.js"* ]]
}

start_ghost() {
  if is_running; then log "Ghost already running on $URL"; return; fi
  if curl -fsS -o /dev/null "$URL/ghost/api/admin/site/" 2>/dev/null; then
    log "something else answers on $URL: stop it or choose another GHOST_PORT"; exit 1
  fi
  # The subshell becomes node (exec), so the recorded PID is Ghost's own.
  (cd "$STATE" && NODE_ENV=production exec nohup node "$INSTALL/ghost/index.js" >"$STATE/ghost.log" 2>&1 </dev/null) &
  echo $! >"$STATE/ghost.pid"
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$URL/ghost/api/admin/site/" 2>/dev/null && { log "Ghost up on $URL (pid $(cat "$STATE/ghost.pid"))"; return; }
    is_running || break
    sleep 0.5
  done
  tail -20 "$STATE/ghost.log" >&2; log "Ghost did not answer on $URL"; exit 1
}

# What the seed is made of: a state seeded by another version of it is dropped and seeded again.
seed_id() {
  cat "$HERE/seed.py" "$HERE/../fixtures/hostile-strings.json" | sha256sum | cut -d' ' -f1
}

drop_state() {
  stop_ghost
  rm -rf "$STATE/content" "$STATE/keys.env" "$STATE/keys.env.partial" "$STATE/seed.id"
}

seed() {
  [ -s "$STATE/keys.env" ] && { log "already seeded ($STATE/keys.env)"; return; }
  log "seeding"
  python3 "$HERE/seed.py" "$URL" "$STATE/keys.env.partial" "$HERE/../fixtures/hostile-strings.json"
  seed_id >"$STATE/seed.id"
  mv "$STATE/keys.env.partial" "$STATE/keys.env"
}

start_all() {
  install_ghost
  if [ -f "$STATE/seed.id" ] && [ "$(cat "$STATE/seed.id")" != "$(seed_id)" ]; then
    log "the seed changed since this state was seeded: seeding again"; drop_state
  fi
  # A seed that stopped half-way leaves a database it cannot finish.
  [ -s "$STATE/keys.env" ] || drop_state
  write_config
  start_ghost
  seed
  log "ready on $URL; keys in $STATE/keys.env"
}

# Installing touches no state.
case "$CMD" in
  install) install_ghost; exit 0 ;;
  installed) [ -f "$INSTALL/.installed" ]; exit ;;
esac
# The state holds the owner's Admin API key and the database: for this user alone, in a folder
# other users of the machine could otherwise read.
umask 077
mkdir -p "$STATE"
chmod 700 "$STATE"
case "$CMD" in
  stop) stop_ghost ;;
  seed) seed ;;
  key) sed -n 's/^CONTENT_KEY=//p' "$STATE/keys.env" ;;
  start) start_all ;;
  reset) drop_state; start_all ;;
  serve)
    start_all
    trap stop_ghost EXIT
    trap 'exit 0' TERM INT
    while is_running; do sleep 1; done
    ;;
  *) echo "usage: $0 [install|installed|start|serve|seed|stop|reset|key]" >&2; exit 2 ;;
esac
