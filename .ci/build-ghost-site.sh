#!/usr/bin/env bash
# Starts the test Ghost (tests/ghost/ghost.sh) and builds a site from it with
# .ci/build-source-site.sh (after .ci/build-site.sh … dist), with the Content API key its seed
# made, its About page linked from the footer; then checks the imported content against the
# content format.
#
#   bash .ci/build-ghost-site.sh SITE_URL OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh
site_url="${1:?usage: build-ghost-site.sh SITE_URL OUT_DIR}"
out="${2:?usage: build-ghost-site.sh SITE_URL OUT_DIR}"
bash tests/ghost/ghost.sh start
# Its About page (a Ghost page, seed.py) is linked from every page's footer.
bash .ci/build-source-site.sh ghost "http://127.0.0.1:${GHOST_PORT:-8099}/" "$site_url" "$out" \
  --source-key "$(bash tests/ghost/ghost.sh key)" --footer-pages about
# What the import wrote from a real Ghost is this project's content format, without a warning.
cargo run --quiet --release -p news_blog_cli -- check "$out/content"
