#!/usr/bin/env bash
# Builds the release build in dist/ again in another language, as a host switches a site's
# language: a copy of dist/ whose page template (spa.html, Trunk's page, which `news-blog build`
# reads again) says <meta name="news-blog-language" content="LANG">, then `news-blog build`,
# which prerenders every page in that language (and direction) and indexes it for search.
# With CONTENT_DIR, that folder is the site's content instead of the English samples, and
# SITE_NAME its name (<meta name="application-name">). FROM names another release build to copy
# than dist/ (the benchmark's).
#
#   bash .ci/build-language-site.sh LANG SITE_URL OUT_DIR [CONTENT_DIR SITE_NAME]
#   e.g. bash .ci/build-language-site.sh ar http://127.0.0.1:8132/ target/e2e-ar samples/ar/content "أخبار الشمال"
#        bash .ci/build-language-site.sh es http://127.0.0.1:8133/es/ target/e2e-languages/es
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh
usage="usage: build-language-site.sh LANG SITE_URL OUT_DIR [CONTENT_DIR SITE_NAME]"
language="${1:?$usage}" site_url="${2:?$usage}" out="${3:?$usage}"
content="${4:-}" site_name="${5:-}"
from="${FROM:-dist}"
[ -f "$from/spa.html" ] || { echo "$from/ has no spa.html: build it first (.ci/build-site.sh)" >&2; exit 1; }

rm -rf "$out" && mkdir -p "$(dirname "$out")" && cp -r "$from" "$out"
# The English build's prerendered pages go: the build writes them again in the language.
rm -rf "$out"/{article,embed,oembed,section,tag,author,page,search,pagefind} "$out/.news-blog-manifest.json"
if [ -n "$content" ]; then
  rm -rf "$out/content" && cp -r "$content" "$out/content"
fi
edits=(-e "s|<meta name=\"news-blog-language\" content=\"[^\"]*\">|<meta name=\"news-blog-language\" content=\"$language\">|")
[ -z "$site_name" ] || edits+=(-e "s|<meta name=\"application-name\" content=\"[^\"]*\">|<meta name=\"application-name\" content=\"$site_name\">|")
sed -i "${edits[@]}" "$out/spa.html"
grep -q "<meta name=\"news-blog-language\" content=\"$language\">" "$out/spa.html" \
  || { echo "$out/spa.html: no language meta to set" >&2; exit 1; }
cargo run --quiet --release -p news_blog_cli -- build "$out" --site-url "$site_url"
