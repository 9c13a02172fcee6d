#!/usr/bin/env bash
# Installs every tool the build and the tests need, at pinned versions, from the registries this
# project may reach (crates.io, npm, Debian). Idempotent: a tool already at its pinned version is
# left alone, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
GECKODRIVER_VERSION=0.37.1

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 5 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: the published lock file of this version does not build with this toolchain.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing chromium and chromedriver from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

# The other two engines the tests run in (component tests and the engines suite): Firefox ESR,
# and WebKitGTK's MiniBrowser with its WebDriver server, which needs an X display (Xvfb).
if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null \
  || [ ! -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] \
  || ! command -v Xvfb >/dev/null || ! command -v xvfb-run >/dev/null || ! command -v xauth >/dev/null; then
  log "installing Firefox ESR, WebKitGTK's WebDriver, Xvfb and xauth from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    firefox-esr webkit2gtk-driver xvfb xauth
fi

# Firefox's WebDriver server, which crates.io publishes (Debian has none).
if ! geckodriver --version 2>/dev/null | grep -q "geckodriver $GECKODRIVER_VERSION"; then
  log "installing geckodriver $GECKODRIVER_VERSION (about 3 minutes)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
fi

# Java runs the W3C Nu Html Checker (npm vnu-jar) on the built pages.
if ! command -v java >/dev/null; then
  log "installing a Java runtime from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless
fi

# The real web servers the hosting tests run (Debian's nginx with its brotli static module, and
# Caddy), installed without starting their system services: the tests start their own.
if ! command -v nginx >/dev/null || ! command -v caddy >/dev/null \
  || [ ! -e /usr/share/nginx/modules-available/mod-http-brotli-static.conf ]; then
  log "installing nginx (with brotli_static) and caddy from Debian"
  policy=/usr/sbin/policy-rc.d
  had_policy=false
  [ -e "$policy" ] && had_policy=true
  $had_policy || printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod +x "$policy"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    nginx libnginx-mod-http-brotli-static caddy
  $had_policy || rm -f "$policy"
fi

# binaryen (wasm-opt), Playwright and selenium-webdriver come from npm, pinned by tests/e2e/package-lock.json.
if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || [ ! -d tests/e2e/node_modules/@playwright/test ] \
  || [ ! -d tests/e2e/node_modules/selenium-webdriver ] \
  || [ ! -f tests/e2e/node_modules/vnu-jar/build/dist/vnu.jar ] \
  || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  log "installing npm tools (binaryen, Playwright, selenium-webdriver, axe, the Nu Html Checker)"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

# The test Ghost (npm `ghost`, pinned in tests/ghost/ghost.sh), installed once outside the clone
# (under ~/.cache/news-blog/) because its native modules take minutes to compile.
if ! bash tests/ghost/ghost.sh installed; then
  log "installing Ghost for the tests (3 to 10 minutes)"
  bash tests/ghost/ghost.sh install
fi

log "fetching crates so the offline release build can run"
cargo fetch --quiet
