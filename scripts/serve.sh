#!/usr/bin/env bash
# Set up what is missing, then serve the page at http://127.0.0.1:8080/ with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
. scripts/env.sh
exec trunk serve "$@"
