#!/usr/bin/env bash
# Installs whatever is missing, builds the release site and serves it with the sample content
# on http://127.0.0.1:${PORT:-8080}/ (with SPA fallback, so deep links work).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-tools.sh
source .ci/env.sh
trunk build --release
exec python3 .ci/serve.py dist --port "${PORT:-8080}" --host "${HOST:-127.0.0.1}"
