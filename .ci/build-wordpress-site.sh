#!/usr/bin/env bash
# Starts the test WordPress (tests/wordpress/wordpress.sh) and builds a site from it: the
# release build in dist/ copied to OUT_DIR, then `news-blog build --source wordpress`, which
# imports every post, prerenders it, and names the source so the app reads WordPress live.
#
#   bash .ci/build-wordpress-site.sh SITE_URL OUT_DIR     (after .ci/build-site.sh … dist)
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh
site_url="${1:?usage: build-wordpress-site.sh SITE_URL OUT_DIR}"
out="${2:?usage: build-wordpress-site.sh SITE_URL OUT_DIR}"
wordpress="http://127.0.0.1:${WP_PORT:-8096}/"
bash tests/wordpress/wordpress.sh start
rm -rf "$out" && mkdir -p "$(dirname "$out")" && cp -r dist "$out"
cargo run --quiet --release -p news_blog_cli -- build "$out" --site-url "$site_url" \
  --source wordpress --source-url "$wordpress"
