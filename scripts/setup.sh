#!/usr/bin/env bash
# Install what acr-doctor needs on a fresh Debian 12 machine, skipping what is already there at
# the right version. `scripts/setup.sh build` installs the build tools (Rust target, Trunk,
# wasm-bindgen-cli, npm's wasm-opt); `scripts/setup.sh test` adds Chromium and its driver, the real services
# and the pinned az CLI the command checks run.
# Nothing here downloads a binary outside the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-build}
TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen library that Cargo.lock resolved.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

log() { printf '\n== %s\n' "$*"; }

apt_packages=()
if [ "$want" = test ]; then
  # The browser, and the real services the probe tests run against.
  command -v chromium >/dev/null || apt_packages+=(chromium)
  command -v chromedriver >/dev/null || apt_packages+=(chromium-driver)
  [ -x /usr/bin/docker-registry ] || apt_packages+=(docker-registry)
  [ -x /usr/bin/dnsdist ] || apt_packages+=(dnsdist)
  [ -x /usr/sbin/dnsmasq ] || apt_packages+=(dnsmasq-base)
  command -v openssl >/dev/null || apt_packages+=(openssl)
  command -v curl >/dev/null || apt_packages+=(curl)
  [ -x /usr/sbin/nginx ] || apt_packages+=(nginx-light)
  [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || apt_packages+=(libnginx-mod-http-brotli-static)
  # The real clients run against the ACR double (tests/acr-double).
  [ -x /usr/sbin/dockerd ] || apt_packages+=(docker.io)
  command -v containerd >/dev/null || apt_packages+=(containerd)
  command -v podman >/dev/null || apt_packages+=(podman)
  command -v skopeo >/dev/null || apt_packages+=(skopeo)
  # kubectl checks the kit's `kubectl run` lines (tests/commands); Debian's is kubernetes-client.
  command -v kubectl >/dev/null || apt_packages+=(kubernetes-client)
  # Python's venv, for the pinned az CLI.
  python3 -m venv -h >/dev/null 2>&1 || apt_packages+=(python3-venv)
fi
# npm brings wasm-opt (binaryen) for every build; Node also runs the end-to-end suite.
command -v npm >/dev/null || apt_packages+=(nodejs npm)
# A release build's gzip forms are made by zopfli (scripts/precompress.mjs).
command -v zopfli >/dev/null || apt_packages+=(zopfli)
if [ ${#apt_packages[@]} -gt 0 ]; then
  log "apt: ${apt_packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup: wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$want" = test ]; then
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      log "rustup: $component"
      rustup component add "$component"
    fi
  done
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "cargo install trunk $TRUNK_VERSION (a few minutes)"
  cargo install trunk --locked --version "$TRUNK_VERSION" --force
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  # Not --locked: the lock file it ships names a crate version the registry here does not hold.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# node_modules/.installed-lock is a copy of the lock file it was installed from.
if ! cmp -s tests/e2e/package-lock.json tests/e2e/node_modules/.installed-lock 2>/dev/null; then
  log "npm: binaryen (wasm-opt), terser (the release glue), playwright-core, axe-core and marked"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock)
fi

# A Python package from PyPI, pinned, in a venv of its own under target/tools (kept while its
# version is the one asked).
pip_venv() {  # directory, package, version
  local venv=target/tools/$1 dist
  dist=$(printf '%s' "$2" | tr '-' '_')-$3.dist-info
  if ! compgen -G "$venv/lib/python3*/site-packages/$dist" >/dev/null; then
    log "pip: $2 $3 in $venv"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$2==$3"
  fi
}
if [ "$want" = test ]; then
  # The real az CLI that checks every az command the page offers (tests/commands; about a minute).
  pip_venv azure-cli azure-cli 2.91.0
  # The Azure SDK for Python, a client of the ACR double (tests/acr-double/sdk.py).
  pip_venv acr-sdk azure-containerregistry 1.2.0
fi

# Trunk.toml sets offline = true, which passes --offline to cargo.
cargo fetch --quiet
