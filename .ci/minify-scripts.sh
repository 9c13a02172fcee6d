#!/usr/bin/env bash
# Minifies the CLI's two scripts every prerendered page carries (the inline story-first loader
# and the boot script) into the files the CLI embeds: crates/cli/src/*.min.js. They are written
# for this project's readers; a page gets them minified (about 0.45 KB less of every page's
# HTML and 0.2 KB less boot script, after brotli). The minified files are committed, so
# building the CLI needs no Node; the test run checks they are in step with their sources.
#
#   bash .ci/minify-scripts.sh            rewrites the .min.js files
#   bash .ci/minify-scripts.sh --check    fails, saying what to run, if one is out of step
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh
case "${1:-}" in
  "") mode=write ;;
  --check) mode=check ;;
  *) echo "usage: bash .ci/minify-scripts.sh [--check]" >&2; exit 2 ;;
esac
src=crates/cli/src
stale=()
# The loader runs in any browser that runs scripts, so that one which cannot run the app still
# says so: ES5. The boot script is a module (top-level await).
for spec in "story_first_loader --target=es5" "boot --format=esm"; do
  read -r name flags <<<"$spec"
  # shellcheck disable=SC2086  # the flags are words
  minified="$(esbuild --minify $flags --log-level=warning "$src/$name.js")"
  if [ "$mode" = check ]; then
    # Byte for byte: the file is written without a final line break.
    printf '%s' "$minified" | cmp -s - "$src/$name.min.js" || stale+=("$src/$name.min.js")
  else
    printf '%s' "$minified" > "$src/$name.min.js"
  fi
done
if [ ${#stale[@]} -gt 0 ]; then
  echo "minify-scripts.sh: ${stale[*]} not in step with its source: run bash .ci/minify-scripts.sh" >&2
  exit 1
fi
