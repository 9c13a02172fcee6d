#!/usr/bin/env bash
# The performance benchmark (issues #6 and #13; not part of the test run, takes ~10 minutes):
# builds the release site (with a generated long read added), serves it with the plain page
# beside it (the seed article written by hand: same text and picture, one small stylesheet,
# no script), runs Lighthouse 12 mobile on the plain page and the app's article, home and long
# read, the in-browser timings on generated content, the repeat visits of a story with a warm
# offline worker against the plain page's (issue 29: the site served again on BENCH_PORT + 1,
# slowed down on the server's side like slow 4G, see tests/bench/repeat.mjs), and a size report
# of the wasm's largest functions (twiggy), and prints the table. Results go to
# tests/bench/results/ (ignored by git).
#
#   bash .ci/bench.sh [RUNS]      RUNS per page and scenario, default 5; port: BENCH_PORT
#   BENCH_ONLY=repeat bash .ci/bench.sh [RUNS]     the repeat visits alone (no archive, twiggy,
#                                                  Lighthouse or timings; a few minutes)
#
# With BENCH_LANGUAGE=ar the article, home and long read are the Arabic site's (samples/ar, the
# way .ci/build-language-site.sh builds it) beside the Arabic plain page (tests/bench/baseline/ar),
# for the paint and blocking-time targets; the in-browser timings need the English build's
# generated content and are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-tools.sh
source .ci/env.sh
if [ ! -d tests/bench/node_modules/lighthouse ] \
  || [ tests/bench/package-lock.json -nt tests/bench/node_modules/.package-lock.json ]; then
  (cd tests/bench && npm ci --no-audit --no-fund)
fi

TWIGGY_VERSION=0.8.0
runs="${1:-5}"
port="${BENCH_PORT:-8134}"
throttled_port=$((port + 1))
only="${BENCH_ONLY:-}"
language="${BENCH_LANGUAGE:-en}"
site=target/bench/site
rm -rf "$site"
if [ "$language" = en ]; then
  bash .ci/build-site.sh "http://127.0.0.1:$port/" "$site"
else
  content="samples/$language/content"
  [ -d "$content" ] || { echo "bench.sh: no sample site in $content" >&2; exit 2; }
  english=target/bench/english
  bash .ci/build-site.sh "http://127.0.0.1:$port/" "$english"
  site_name="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).title)' "$content/index.json")"
  FROM="$english" bash .ci/build-language-site.sh "$language" "http://127.0.0.1:$port/" "$site" "$content" "$site_name"
fi
# A long read (the seed picture, 40 sections of 5 paragraphs), prerendered like any article.
node tests/bench/long-read.mjs "$language" > "$site/content/articles/bench-long-read.json"
cargo run --quiet --release -p news_blog_cli -- build "$site" --site-url "http://127.0.0.1:$port/" >/dev/null
if [ "$language" = en ] && [ "$only" != repeat ]; then
  # A 10,000-article archive beside it, built from the same app, for the search benchmark.
  archive="$site/search10k"
  rm -rf "$archive" && mkdir -p "$archive"
  (cd "$site" && cp spa.html ./*.js ./*.wasm ./*.css ./*.svg "$OLDPWD/$archive/")
  cp "$archive/spa.html" "$archive/index.html"
  node tests/bench/archive.mjs "$archive/content" 10000
  cargo run --quiet --release -p news_blog_cli -- build "$archive" --site-url "http://127.0.0.1:$port/search10k/" >/dev/null
fi
mkdir -p "$site/baseline"
plain_page=tests/bench/baseline/index.html
[ "$language" = en ] || plain_page="tests/bench/baseline/$language/index.html"
cp "$plain_page" tests/bench/baseline/style.css "$site/baseline/"
cp public/content/images/raqqa.svg public/favicon.svg "$site/baseline/"
# Precompressed like the app's files, so both are served alike.
node -e '
const fs = require("fs"), zlib = require("zlib");
for (const file of process.argv.slice(1)) {
  const raw = fs.readFileSync(file);
  fs.writeFileSync(file + ".br", zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  fs.writeFileSync(file + ".gz", zlib.gzipSync(raw, { level: 9 }));
}' "$site"/baseline/index.html "$site"/baseline/*.css "$site"/baseline/*.svg

# Where the wasm's bytes go: the largest functions and data of the app's wasm before
# wasm-bindgen and wasm-opt (which drop the names), so the shares, not the sizes, carry over.
# (grep and sed read all their input: `grep -q` or `head` would end the pipe early, and the
# writer's SIGPIPE fails the script under pipefail.)
if [ "$only" = repeat ]; then
  :
elif ! twiggy --version 2>/dev/null | grep "twiggy $TWIGGY_VERSION" >/dev/null; then
  cargo install --locked twiggy --version "$TWIGGY_VERSION"
fi
# The name and wasm-bindgen sections are left out: neither ships.
[ "$only" = repeat ] || twiggy top -n 40 target/wasm32-unknown-unknown/wasm-release/news_blog.wasm \
  | grep -v -e "custom section '__wasm_bindgen_unstable'" -e '"function names" subsection' \
  | sed -n 1,33p > target/bench/twiggy-top.txt

SERVE_QUIET=1 python3 .ci/serve.py "$site" --port "$port" &
server=$!
# The same folder slowed down on the server's side, for the repeat visits (its own origin, so
# its offline worker and caches are its own).
SERVE_QUIET=1 python3 .ci/serve.py "$site" --port "$throttled_port" --throttle &
throttled_server=$!
trap 'kill "$server" "$throttled_server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/" && curl -fs -o /dev/null "http://127.0.0.1:$throttled_port/baseline/" && break
  sleep 0.2
done
only_args=()
[ "$only" = repeat ] && only_args=(--only repeat)
CHROME_PATH="$(command -v chromium)" TWIGGY_REPORT=target/bench/twiggy-top.txt \
  node tests/bench/run.mjs "http://127.0.0.1:$port/" --runs "$runs" --language "$language" \
  --throttled "http://127.0.0.1:$throttled_port/" "${only_args[@]}"
