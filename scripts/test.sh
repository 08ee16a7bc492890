#!/usr/bin/env bash
# Every test, from a fresh machine: setup, lints, native tests of the core, browser tests of the
# components, the release build, and the end-to-end suite against it in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
. scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "clippy (host, then wasm32)"
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy --workspace --exclude acr-test-token-server --target wasm32-unknown-unknown --quiet -- -D warnings
cargo clippy -p acr-doctor --target wasm32-unknown-unknown --tests --quiet -- -D warnings

step "native tests of the core"
cargo test --workspace --quiet

step "every command the page offers, run by the real az and kubectl"
cargo run --quiet -p acr-doctor-core --example commands \
  | python3 tests/commands/check.py "$PWD/target/tools/azure-cli/bin/az" "$(command -v kubectl)"

step "browser tests (wasm-bindgen-test, headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
  cargo test --target wasm32-unknown-unknown --test web

step "release build"
trunk build --release

step "test services (docker-registry, token server, dnsdist)"
cargo build --quiet -p acr-test-token-server
services=$(mktemp -d)
trap 'tests/services/stop.sh "$services"; rm -rf "$services"' EXIT
tests/services/start.sh "$services" "$PWD/target/debug/acr-test-token-server"

step "real clients against the ACR double (docker, containerd, podman, skopeo, curl, az)"
double=$(mktemp -d)
trap 'tests/services/stop.sh "$services"; rm -rf "$services"; tests/acr-double/stop.sh "$double"; rm -rf "$double"' EXIT
tests/acr-double/start.sh "$double" "$PWD/target/debug/acr-test-token-server"
tests/acr-double/run.sh "$double" "$double/live" "$PWD/target/tools/azure-cli/bin/az" "$PWD/target/tools/acr-sdk/bin/python"
ACR_LIVE_DIR="$double/live" cargo test --quiet -p acr-doctor-core --test live
# A client whose words changed shows here (the stored corpus is what the native tests read;
# tests/acr-double/run.sh … core/tests/fixtures/live stores a new one).
for f in "$double"/live/*.txt; do
  stored=core/tests/fixtures/live/$(basename "$f")
  if ! cmp -s <(sed -E -f tests/acr-double/normalize.sed "$stored" 2>/dev/null | sort -u) \
              <(sed -E -f tests/acr-double/normalize.sed "$f" | sort -u); then
    echo "  words changed since the stored corpus: $(basename "$f")"
  fi
done

step "benchmarks (reported, not asserted)"
scripts/bench.sh

step "end-to-end (built page in Chromium, real registry, token server, DoH)"
(cd tests/e2e && npm test)
