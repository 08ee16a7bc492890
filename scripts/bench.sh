#!/usr/bin/env bash
# The project's figures, reported and never asserted in a test: the decoder's native speed beside
# grep on the same text, then the release page in Debian's Chromium (tests/e2e/bench.mjs: bytes
# beside the floors', page ready, pastes, typing, a probe run). Run after
# `trunk build --release`, with the test services up for the probe row (scripts/test.sh does both).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --quiet -p acr-doctor-core
if ls dist/*_bg.wasm >/dev/null 2>&1 && [ -d tests/e2e/node_modules ]; then
  # The floors, built as the page is: the explainer's knowledge alone in the smallest Yew page
  # (tests/size-floor), and the first verdict alone, the page's own box, verdict and cards
  # (tests/first-verdict).
  floor=$(mktemp -d)
  first=$(mktemp -d)
  trap 'rm -rf "$floor" "$first" "$floor.log" "$first.log"' EXIT
  build() {
    trunk build --release --dist "$1" "$2/index.html" >"$1.log" 2>&1 || {
      tail -20 "$1.log"
      exit 1
    }
  }
  build "$floor" tests/size-floor
  build "$first" tests/first-verdict
  (cd tests/e2e && SIZE_FLOOR_DIST="$floor" FIRST_VERDICT_DIST="$first" node bench.mjs)
fi
