#!/usr/bin/env bash
# tests/wordpress/wordpress.sh [start|stop|reset]
#
# A real WordPress (Debian bookworm's `wordpress` package, 6.1.x) + MariaDB, installed and seeded
# without the web installer, served by PHP's built-in server on 127.0.0.1:$WP_PORT (default 8096).
# Needs root and only Debian's package archive. Idempotent: every step checks before it acts.
#   start  (default) install packages if missing, start MariaDB, install + seed WordPress, start server
#   stop   stop the MariaDB and PHP servers this script started (by their recorded PIDs / process group)
#   reset  stop, drop the database and uploads, then start again (fresh seed)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"

CMD=${1:-start}
PORT=${WP_PORT:-8096}
HOST=127.0.0.1
URL="http://$HOST:$PORT"
STATE=${WP_STATE_DIR:-/var/tmp/wp-test}
WORKERS=${WP_SERVER_WORKERS:-4}
PKGS=(wordpress mariadb-server php-cli php-mysql php-gd php-xml php-mbstring php-curl php-imagick imagemagick curl)
T0=$(date +%s)
log() { printf '[wp +%ss] %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; }
mkdir -p "$STATE"

stop_all() {
  if [ -f "$STATE/php.pgid" ]; then
    local pg; pg=$(cat "$STATE/php.pgid")
    # the built-in server with PHP_CLI_SERVER_WORKERS forks workers that survive their parent: kill the group
    kill -TERM -- "-$pg" 2>/dev/null || true
    rm -f "$STATE/php.pgid"; log "stopped PHP server (pgid $pg)"
  fi
  if [ -f "$STATE/mariadb.pid" ]; then
    local pid; pid=$(cat "$STATE/mariadb.pid")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
    rm -f "$STATE/mariadb.pid"; log "stopped MariaDB (pid $pid)"
  fi
}

install_packages() {
  local missing=()
  for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && { log "packages already installed"; return; }
  # Keep apt's maintainer scripts from starting apache2 (pulled in by `wordpress`) and mariadb.
  local own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; own_policy=1
  fi
  log "apt-get update"; apt-get update -qq
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$STATE/apt.log" 2>&1 \
    || { [ $own_policy = 1 ] && rm -f /usr/sbin/policy-rc.d; tail -20 "$STATE/apt.log"; exit 1; }
  [ $own_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  log "packages installed"
}

start_db() {
  if mariadb-admin ping >/dev/null 2>&1; then log "MariaDB already running"; else
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
    [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql >"$STATE/mariadb-install.log" 2>&1
    # mariadbd refuses to run as root unless --user is given; it drops to `mysql` itself.
    setsid nohup /usr/sbin/mariadbd --user=mysql >"$STATE/mariadb.log" 2>&1 </dev/null &
    echo $! >"$STATE/mariadb.pid"
    for _ in $(seq 1 60); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 0.5; done
    mariadb-admin ping >/dev/null 2>&1 || { tail -20 "$STATE/mariadb.log"; exit 1; }
    log "MariaDB started (pid $(cat "$STATE/mariadb.pid"))"
  fi
  # root authenticates over the unix socket (unix_socket plugin), no password needed.
  mariadb -e "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
    CREATE USER IF NOT EXISTS 'wordpress'@'127.0.0.1' IDENTIFIED BY 'wordpress';
    GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';
    GRANT ALL ON wordpress.* TO 'wordpress'@'127.0.0.1';"
}

write_config() {
  # Debian's /usr/share/wordpress/wp-config.php loads /etc/wordpress/config-<HTTP_HOST>.php, falling back to
  # config-default.php; the default one works for any Host header and for php-cli (which has no HTTP_HOST).
  cat >/etc/wordpress/config-default.php <<EOF
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', '127.0.0.1');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('AUTH_KEY', 'test-only-1'); define('SECURE_AUTH_KEY', 'test-only-2');
define('LOGGED_IN_KEY', 'test-only-3'); define('NONCE_KEY', 'test-only-4');
define('AUTH_SALT', 'test-only-5'); define('SECURE_AUTH_SALT', 'test-only-6');
define('LOGGED_IN_SALT', 'test-only-7'); define('NONCE_SALT', 'test-only-8');
\$table_prefix = 'wp_';
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('WP_DEBUG', false);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('FS_METHOD', 'direct');
EOF
  chmod 640 /etc/wordpress/config-default.php; chgrp www-data /etc/wordpress/config-default.php
}

write_php() {
  # The PHP lives next to this script; only the router is copied where the server runs.
  cp "$HERE/install.php" "$HERE/seed.php" "$HERE/router.php" "$STATE/"
}

install_and_seed() {
  export WP_HOSTPORT="$HOST:$PORT"
  php "$STATE/install.php"
  [ -s "$STATE/hero.jpg" ] || /usr/bin/convert -size 1600x1000 gradient:'#1e3a8a'-'#f59e0b' -quality 85 "$STATE/hero.jpg"
  php "$STATE/seed.php" "$STATE/hero.jpg" "$HERE/../fixtures/hostile-strings.json"
  log "WordPress installed and seeded"
}

start_server() {
  if curl -fsS -o /dev/null "$URL/wp-json/" 2>/dev/null; then log "server already answering on $URL"; return; fi
  PHP_CLI_SERVER_WORKERS=$WORKERS setsid nohup php -S "$HOST:$PORT" -t /usr/share/wordpress "$STATE/router.php" \
    >"$STATE/php-server.log" 2>&1 </dev/null &
  echo $! >"$STATE/php.pgid"   # setsid made it a group leader: pid == pgid
  for _ in $(seq 1 60); do curl -fsS -o /dev/null "$URL/wp-json/" 2>/dev/null && break; sleep 0.25; done
  curl -fsS -o /dev/null "$URL/wp-json/" || { tail -20 "$STATE/php-server.log"; exit 1; }
  log "PHP server started (pgid $(cat "$STATE/php.pgid"), $WORKERS workers)"
}

case "$CMD" in
  stop) stop_all; exit 0 ;;
  reset)
    stop_all
    if dpkg -s mariadb-server >/dev/null 2>&1; then start_db; mariadb -e "DROP DATABASE IF EXISTS wordpress"; fi
    rm -rf /var/lib/wordpress/wp-content/uploads/* "$STATE/hero.jpg" ;;
  start) ;;
  *) echo "usage: $0 [start|stop|reset]" >&2; exit 2 ;;
esac
install_packages
start_db
write_config
write_php
install_and_seed
start_server
log "ready in $(( $(date +%s) - T0 ))s"
echo "WordPress REST API: $URL/wp-json/wp/v2/   (also $URL/?rest_route=/wp/v2/posts)"
