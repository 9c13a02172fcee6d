#!/usr/bin/env bash
# Measures `news-blog build --source wordpress` against the test WordPress with N posts of its
# own added (tests/wordpress/posts.php, slugs scale-<pid>-1 … -N, removed again when it ends):
# a full build into a fresh copy of the app, then rebuilds with nothing changed, one post
# edited and one deleted, each fetching only what changed. Prints wall time, peak memory of the
# largest process, and the build's own line on what it fetched. Not part of the test run.
#
#   bash .ci/wordpress-scale.sh [N]          default: 2000
#
# The WordPress must be answering on 127.0.0.1:$WP_PORT (8096 unless set). $APP_DIR names an
# app already built by Trunk (else it is built into target/wordpress-scale/app); $BUILD_ARGS
# are added to each build (e.g. --search-segment-size 500).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh
n="${1:-2000}"
port="${WP_PORT:-8096}"
source_url="http://127.0.0.1:$port/"
prefix="scale-$$"
work="${SCALE_DIR:-target/wordpress-scale}"
mkdir -p "$work"
posts() { WP_HOSTPORT="127.0.0.1:$port" php tests/wordpress/posts.php "$@"; }
curl -fsS -o /dev/null "${source_url}wp-json/" || { echo "no WordPress answers at $source_url" >&2; exit 1; }

app="${APP_DIR:-$work/app}"
if [ -z "${APP_DIR:-}" ]; then
  trunk build --release --public-url ./ --dist "$app" >/dev/null 2>&1
fi
cargo build --quiet --release -p news_blog_cli
cli="${CARGO_TARGET_DIR:-target}/release/news-blog"

trap 'posts remove "$prefix" >/dev/null' EXIT
posts create "$prefix" "$n" >/dev/null
total="$(curl -fsS -D - -o /dev/null "${source_url}wp-json/wp/v2/posts?per_page=1&_fields=id" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-wp-total" {print $2}')"

site="$work/site"
# Runs the build, printing "label  seconds  peak MB  what it fetched".
measure() {
  local label="$1" log out
  log="$(mktemp)" out="$(mktemp)"
  sync
  # shellcheck disable=SC2086 # BUILD_ARGS is split into arguments on purpose.
  /usr/bin/time -f '%e %M' -o "$log" "$cli" build "$site" --site-url https://example.org/news/ \
    --source wordpress --source-url "$source_url" ${BUILD_ARGS:-} >"$out" 2>/dev/null
  read -r seconds kilobytes <"$log"
  local fetched
  fetched="$(grep -o 'fetched only what changed.*' "$out" || echo 'fetched every post')"
  printf '%-6s %-18s %8s s %6s MB  %s\n' "$total" "$label" "$seconds" "$((kilobytes / 1024))" "$fetched"
  rm -f "$log" "$out"
}

printf '%-6s %-18s %10s %9s  %s\n' posts build time memory fetched
rm -rf "$site"
cp -r "$app" "$site"
measure "full"
measure "nothing changed"
posts edit "$prefix-$((n / 2))" "An edited headline, measured"
measure "one edited"
posts delete "$prefix-$((n / 3))"
measure "one deleted"
rm -rf "$site"
