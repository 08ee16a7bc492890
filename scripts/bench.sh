#!/usr/bin/env bash
# The project's figures, reported and never asserted in a test: the decoder's native speed beside
# grep on the same text, then the release page in Debian's Chromium (tests/e2e/bench.mjs: bytes,
# page ready, pastes, typing, a probe run). Run after `trunk build --release`, with the test
# services up for the probe row (scripts/test.sh does both).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --quiet -p acr-doctor-core
if ls dist/*_bg.wasm >/dev/null 2>&1 && [ -d tests/e2e/node_modules ]; then
  (cd tests/e2e && node bench.mjs)
fi
