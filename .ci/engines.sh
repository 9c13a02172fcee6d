#!/usr/bin/env bash
# Runs the engines suite (tests/e2e/engines/: one WebDriver suite) in the engines named, each
# on its own, or in all three in turn, and ends with one line of each engine's count:
#
#   bash .ci/engines.sh [chromium] [firefox] [webkit]
#
# It tests the sites as they are built: run .ci/test.sh once (or build dist/,
# target/e2e-subpath/news, target/e2e-wordpress and the Arabic site target/e2e-ar as it does)
# and `bash .ci/install-tools.sh`.
# It starts the test WordPress (tests/wordpress/) when it is not running. With ENGINES_LOG set,
# each run's output is also appended to that file (.ci/test.sh sums its counts from there).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh

engines=("$@")
[ ${#engines[@]} -gt 0 ] || engines=(chromium firefox webkit)
for engine in "${engines[@]}"; do
  case "$engine" in
    chromium | firefox | webkit) ;;
    *) echo "unknown engine '$engine': chromium, firefox or webkit" >&2; exit 2 ;;
  esac
done

curl -fsS -o /dev/null "http://127.0.0.1:${WP_PORT:-8096}/" 2>/dev/null || bash tests/wordpress/wordpress.sh start

summary=()
status=0
for engine in "${engines[@]}"; do
  printf '\n\033[1m==> engines suite in %s\033[0m\n' "$engine"
  output="$(mktemp)"
  started=$SECONDS
  (cd tests/e2e && playwright test -c engines.config.ts --project "$engine") 2>&1 | tee "$output" || status=1
  [ -z "${ENGINES_LOG:-}" ] || cat "$output" >> "$ENGINES_LOG"
  counts=$(grep -Eo '[0-9]+ (passed|failed|flaky|did not run)' "$output" | paste -sd, - | sed 's/,/, /g')
  summary+=("$engine: ${counts:-no result} in $((SECONDS - started)) s")
  rm -f "$output"
done

echo
(IFS=';'; echo "${summary[*]}" | sed 's/;/; /g')
exit "$status"
