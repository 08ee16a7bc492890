#!/usr/bin/env bash
# The project's figures: the release page's size and the decoder's speed. Reported, never
# asserted in a test. Run after `trunk build --release` (scripts/test.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."
if ls dist/*_bg.wasm >/dev/null 2>&1; then
  for f in dist/*_bg.wasm dist/*.js dist/*.css; do
    printf '%-48s %9d bytes  %8d gzip -9\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
  done
fi
cargo bench --quiet -p acr-doctor-core
# The same figures as a person meets them: the release page in Debian's Chromium.
if ls dist/*_bg.wasm >/dev/null 2>&1 && [ -d tests/e2e/node_modules ]; then
  (cd tests/e2e && node bench.mjs)
fi
