#!/usr/bin/env bash
# Builds the release site for a public URL: Trunk's single-page build, then `news-blog build`,
# which prerenders every page, writes 404.html, feeds and sitemap, and sets the base path.
#
#   bash .ci/build-site.sh SITE_URL [OUT_DIR]     e.g. https://example.org/news/ dist
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh
site_url="${1:?usage: build-site.sh SITE_URL [OUT_DIR]}"
out="${2:-dist}"
# Relative asset URLs (./), so one build serves at any base path; the base itself is set by
# news-blog build in each page's <base href>.
trunk build --release --public-url ./ --dist "$out"
# wasm-bindgen's JS, minified in place (1.7 KB less after brotli on every page; its exports
# and the names the wasm imports are kept). Trunk's own minifying would also rewrite the HTML,
# whose <meta> tags hosts edit. news-blog build then names each build by its minified content.
for script in "$out"/news_blog.js "$out"/news_blog_live.js "$out"/news_search.js; do
  esbuild --minify --format=esm --log-level=warning --allow-overwrite "$script" --outfile="$script"
done
cargo run --quiet --release -p news_blog_cli -- build "$out" --site-url "$site_url"
