#!/usr/bin/env bash
# The performance benchmark (issue #6; not part of the test run, takes ~10 minutes):
# builds the release site, serves it with the hand-written static baseline of the seed
# article beside it (same text, picture and CSS, no script), runs Lighthouse 12 mobile on
# both and the in-browser timings on generated content, and prints the table. Results go to
# tests/bench/results/ (ignored by git).
#
#   bash .ci/bench.sh [RUNS]      RUNS per page and scenario, default 5; port: BENCH_PORT
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-tools.sh
source .ci/env.sh
if [ ! -d tests/bench/node_modules/lighthouse ] \
  || [ tests/bench/package-lock.json -nt tests/bench/node_modules/.package-lock.json ]; then
  (cd tests/bench && npm ci --no-audit --no-fund)
fi

runs="${1:-5}"
port="${BENCH_PORT:-8099}"
site=target/bench/site
rm -rf "$site"
bash .ci/build-site.sh "http://127.0.0.1:$port/" "$site"
mkdir -p "$site/baseline/style"
cp tests/bench/baseline/index.html "$site/baseline/"
cp style/*.css "$site/baseline/style/"
cp public/content/images/raqqa.svg public/favicon.svg "$site/baseline/"
# Precompressed like the app's files, so both are served alike.
node -e '
const fs = require("fs"), zlib = require("zlib");
for (const file of process.argv.slice(1)) {
  const raw = fs.readFileSync(file);
  fs.writeFileSync(file + ".br", zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  fs.writeFileSync(file + ".gz", zlib.gzipSync(raw, { level: 9 }));
}' "$site"/baseline/index.html "$site"/baseline/style/*.css "$site"/baseline/*.svg

SERVE_QUIET=1 python3 .ci/serve.py "$site" --port "$port" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.2
done
CHROME_PATH="$(command -v chromium)" node tests/bench/run.mjs "http://127.0.0.1:$port/" --runs "$runs"
