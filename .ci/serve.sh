#!/usr/bin/env bash
# Installs whatever is missing, builds the release site and serves it with the sample content
# on http://127.0.0.1:${PORT:-8080}/, as a plain static host would (no rewrites needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-tools.sh
source .ci/env.sh
port="${PORT:-8080}"
host="${HOST:-127.0.0.1}"
bash .ci/build-site.sh "http://$host:$port/" dist
exec python3 .ci/serve.py dist --port "$port" --host "$host"
