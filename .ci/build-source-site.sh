#!/usr/bin/env bash
# Builds a site that reads a publisher's source: the release build in dist/ copied to OUT_DIR,
# then `news-blog build --source …`, which imports every story, prerenders it, and names the
# source so the app reads it live. The source must be answering.
#
#   bash .ci/build-source-site.sh KIND SOURCE_URL SITE_URL OUT_DIR [BUILD_OPTION…]
#   e.g. bash .ci/build-source-site.sh jsonfeed http://127.0.0.1:8091/feed.json http://127.0.0.1:8100/ target/e2e-jsonfeed
#        bash .ci/build-source-site.sh ghost http://127.0.0.1:8099/ http://127.0.0.1:8098/ target/e2e-ghost \
#          --source-key KEY --footer-pages about
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh
usage="usage: build-source-site.sh KIND SOURCE_URL SITE_URL OUT_DIR [BUILD_OPTION…]"
kind="${1:?$usage}" source_url="${2:?$usage}" site_url="${3:?$usage}" out="${4:?$usage}"
shift 4
rm -rf "$out" && mkdir -p "$(dirname "$out")" && cp -r dist "$out"
cargo run --quiet --release -p news_blog_cli -- build "$out" --site-url "$site_url" \
  --source "$kind" --source-url "$source_url" "$@"
