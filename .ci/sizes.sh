#!/usr/bin/env bash
# Prints the size of each built wasm, JS and CSS file, raw and brotli-compressed (Node's zlib,
# quality 11, as a static host would precompress).
set -euo pipefail
cd "$(dirname "$0")/../dist"
node - *.wasm *.js *.css <<'JS'
const fs = require('fs');
const zlib = require('zlib');
const rows = process.argv.slice(2).map((file) => {
  const raw = fs.readFileSync(file);
  const brotli = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
  return [file, raw.length, brotli.length];
});
const total = rows.reduce((sum, [, raw, br]) => [sum[0] + raw, sum[1] + br], [0, 0]);
for (const [file, raw, br] of [...rows, ['total', ...total]]) {
  console.log(`${file.padEnd(48)} ${String(raw).padStart(10)} ${String(br).padStart(10)}`);
}
JS
