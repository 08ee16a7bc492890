#!/usr/bin/env bash
# The project's figures, reported and never asserted in a test: the decoder's native speed beside
# grep on the same text, then the release page in Debian's Chromium (tests/e2e/bench.mjs: bytes
# beside the size floor's, page ready, pastes, typing, a probe run). Run after
# `trunk build --release`, with the test services up for the probe row (scripts/test.sh does both).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --quiet -p acr-doctor-core
if ls dist/*_bg.wasm >/dev/null 2>&1 && [ -d tests/e2e/node_modules ]; then
  # The size floor: the explainer's knowledge alone, in the smallest Yew page (tests/size-floor).
  floor=$(mktemp -d)
  trap 'rm -rf "$floor" "$floor.log"' EXIT
  trunk build --release --dist "$floor" tests/size-floor/index.html >"$floor.log" 2>&1 || {
    tail -20 "$floor.log"
    exit 1
  }
  (cd tests/e2e && SIZE_FLOOR_DIST="$floor" node bench.mjs)
fi
