#!/usr/bin/env bash
# Starts the test WordPress (tests/wordpress/wordpress.sh) and builds a site from it with
# .ci/build-source-site.sh (after .ci/build-site.sh … dist).
#
#   bash .ci/build-wordpress-site.sh SITE_URL OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
site_url="${1:?usage: build-wordpress-site.sh SITE_URL OUT_DIR}"
out="${2:?usage: build-wordpress-site.sh SITE_URL OUT_DIR}"
bash tests/wordpress/wordpress.sh start
# Its About page (a WordPress page, seed.php) is linked from every page's footer.
bash .ci/build-source-site.sh wordpress "http://127.0.0.1:${WP_PORT:-8096}/" "$site_url" "$out" \
  --footer-pages about
# What the import wrote from a real WordPress is this project's content format.
cargo run --quiet --release -p news_blog_cli -- check "$out/content"
