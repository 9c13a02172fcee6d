#!/usr/bin/env bash
# Runs every check and test: format, lints, native model tests, component tests in headless
# Chromium and Firefox ESR, the release build, its size report, and end-to-end tests against
# that build: the Playwright suite in Chromium, then the engines suite in Chromium, Firefox ESR
# and WebKitGTK.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-tools.sh
source .ci/env.sh

log="$(mktemp)"
# The test WordPress and Ghost are stopped when the run ends, however it ends; one that was
# already answering before the run (someone's own) is left as it was.
wordpress_url="http://127.0.0.1:${WP_PORT:-8096}/wp-json/"
ghost_url="http://127.0.0.1:${GHOST_PORT:-8099}/ghost/api/admin/site/"
is_answering() { curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null; }
stop_wordpress=true stop_ghost=true
is_answering "$wordpress_url" && stop_wordpress=false
is_answering "$ghost_url" && stop_ghost=false
finish() {
  rm -f "$log"
  if $stop_ghost; then bash tests/ghost/ghost.sh stop || true; fi
  if $stop_wordpress; then bash tests/wordpress/wordpress.sh stop || true; fi
}
trap finish EXIT
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "format, and the minified scripts in step with their sources"
cargo fmt --all --check
bash .ci/minify-scripts.sh --check

step "lints"
cargo clippy -p news_model -p news_views -p news_blog_cli --all-targets --quiet -- -D warnings
cargo clippy -p news_blog --all-targets --target wasm32-unknown-unknown --quiet -- -D warnings
# The build of the app that reads publishers' sources (see src/data/stories.rs).
cargo clippy -p news_blog --all-targets --target wasm32-unknown-unknown --features live-sources --quiet -- -D warnings

step "native tests (content model, routes, parser, schemas, comment rules, the check and build commands)"
cargo test -p news_model -p news_views -p news_blog_cli 2>&1 | tee -a "$log"

step "component tests (wasm-bindgen-test in headless Chromium)"
cargo test -p news_blog --target wasm32-unknown-unknown 2>&1 | tee -a "$log"

step "component tests (wasm-bindgen-test in headless Firefox ESR)"
# wasm-bindgen-test-runner picks the browser by its driver's variable (webdriver.json has both
# browsers' options).
env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" \
  cargo test -p news_blog --target wasm32-unknown-unknown 2>&1 | tee -a "$log"

step "release build, prerendered for the end-to-end servers (root and /news/)"
bash .ci/build-site.sh "http://127.0.0.1:8091/" dist
rm -rf target/e2e-subpath && mkdir -p target/e2e-subpath
bash .ci/build-site.sh "http://127.0.0.1:8092/news/" target/e2e-subpath/news

step "the root build with its search index in segments of two stories"
# Five segments for ten stories, so the search tests check that a segmented index finds what
# one index does (served on 8131).
rm -rf target/e2e-segmented && cp -r dist target/e2e-segmented
cargo run --quiet --release -p news_blog_cli -- build target/e2e-segmented \
  --site-url "http://127.0.0.1:8131/" --search-segment-size 2

step "the Arabic sample site, and the English build prerendered in each other language"
# The root build again with samples/ar/content and its language meta set to ar (on 8132);
# and with only its language meta switched, one under each /<code>/ (on 8133).
bash .ci/build-language-site.sh ar "http://127.0.0.1:8132/" target/e2e-ar samples/ar/content "أخبار الشمال"
rm -rf target/e2e-languages
for language in de es fr ru; do
  bash .ci/build-language-site.sh "$language" "http://127.0.0.1:8133/$language/" "target/e2e-languages/$language"
done

step "sites built from publishers' sources: a real WordPress, a real Ghost, the root build's JSON Feed"
bash .ci/build-wordpress-site.sh "http://127.0.0.1:8097/" target/e2e-wordpress
bash .ci/build-ghost-site.sh "http://127.0.0.1:8098/" target/e2e-ghost
# The root build's feed, served only while the JSON Feed site imports it (the end-to-end
# tests start their own server there).
SERVE_QUIET=1 python3 .ci/serve.py dist --port 8091 & feed_server=$!
for _ in $(seq 1 50); do curl -fsS -o /dev/null http://127.0.0.1:8091/feed.json && break; sleep 0.1; done
bash .ci/build-source-site.sh jsonfeed "http://127.0.0.1:8091/feed.json" "http://127.0.0.1:8100/" target/e2e-jsonfeed
kill "$feed_server" && wait "$feed_server" 2>/dev/null || true

step "rebuilds from the real WordPress and Ghost fetch only what changed"
# Ignored by a plain cargo test: they need both servers, which the step above started. They
# add posts of their own and remove them again before the end-to-end tests read the sources.
cargo test -p news_blog_cli --test source_changes -- --ignored 2>&1 | tee -a "$log"

step "valid HTML (the W3C Nu Html Checker on every built page)"
mapfile -t pages < <(find dist target/e2e-subpath target/e2e-ar target/e2e-languages target/e2e-wordpress target/e2e-ghost target/e2e-jsonfeed -name '*.html' | sort)
java -jar tests/e2e/node_modules/vnu-jar/build/dist/vnu.jar --errors-only "${pages[@]}"
echo "${#pages[@]} pages checked: no errors"

step "release sizes"
bash .ci/sizes.sh

step "end-to-end tests (Playwright, release build, headless Chromium)"
(cd tests/e2e && playwright test) 2>&1 | tee -a "$log"

step "end-to-end tests in three engines (the engines suite over WebDriver: Chromium, Firefox ESR, WebKitGTK)"
# Each engine on its own, all three even when one fails; their counts go into the sum below.
engines_status=0
ENGINES_LOG="$log" bash .ci/engines.sh chromium firefox webkit || engines_status=$?

# One closing line for the whole run, summed over every runner above.
passed=$(grep -Eo '([0-9]+) passed' "$log" | awk '{s += $1} END {print s + 0}')
failed=$(grep -Eo '([0-9]+) failed' "$log" | awk '{s += $1} END {print s + 0}')
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$engines_status" -eq 0 ]
