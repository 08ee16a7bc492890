#!/usr/bin/env bash
# Where the page's bytes go: builds the release page once more with function names kept (same
# optimisation, wasm-opt -Oz -g), then prints the wasm's code by owner and its data, raw and
# gzipped. Not part of the test command; the README's performance section quotes it.
# Usage: scripts/size-profile.sh   (after scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

out=$(mktemp -d)
trap 'rm -rf "$out" index-profile.html' EXIT
sed 's/data-wasm-opt="z"/data-wasm-opt="z" data-keep-debug data-wasm-opt-params="-g"/' index.html >index-profile.html
trunk build --release --dist "$out" index-profile.html >"$out/build.log" 2>&1 || {
  tail -20 "$out/build.log"
  exit 1
}
python3 scripts/size-profile.py "$out"/*.wasm
