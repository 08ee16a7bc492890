#!/usr/bin/env bash
# Start the real parts the probe tests run against, on 127.0.0.1 only, and record their PIDs:
# Debian's docker-registry with token auth, the test token server in front of it once per fault,
# and dnsdist (DoH over plain HTTP, CORS) backed by dnsmasq with fixed records.
# Usage: start.sh RUNDIR TOKEN_SERVER_BINARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
run=${1:?run dir}; bin=${2:?token server binary}
mkdir -p "$run/data"
. "$here/ports.sh"

start() {  # name, command…
  local name=$1; shift
  "$@" >"$run/$name.log" 2>&1 </dev/null &
  echo $! >"$run/$name.pid"
}

# Keys: the registry trusts token.crt (access tokens carry it in x5c); refresh tokens are signed
# with another key, so a refresh token used as a bearer token is refused as on a real registry.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$run/token.key" -out "$run/token.crt" \
  -days 2 -subj "/CN=acr-doctor-test-token-issuer" 2>/dev/null
openssl genrsa -out "$run/refresh.key" 2048 2>/dev/null
openssl rsa -in "$run/refresh.key" -pubout -out "$run/refresh.pub" 2>/dev/null

cat >"$run/registry.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $run/data
http:
  addr: 127.0.0.1:$REGISTRY_PORT
  secret: acr-doctor-test-only
auth:
  token:
    realm: http://127.0.0.1:${FRONTS[none]}/oauth2/token
    service: acr-doctor.test
    issuer: acr-doctor-test
    rootcertbundle: $run/token.crt
YML
start registry /usr/bin/docker-registry serve "$run/registry.yml"

for fault in "${!FRONTS[@]}"; do
  start "front-$fault" "$bin" --listen "127.0.0.1:${FRONTS[$fault]}" --registry "127.0.0.1:$REGISTRY_PORT" \
    --service acr-doctor.test --issuer acr-doctor-test --key "$run/token.key" --cert "$run/token.crt" \
    --refresh-key "$run/refresh.key" --refresh-public "$run/refresh.pub" \
    --entra-secret acr-doctor-test-entra-secret --fault "$fault" \
    --redirect-to "${REDIRECT_TO[$fault]:-http://127.0.0.1:$RECORDER_PORT}"
done

start dnsmasq /usr/sbin/dnsmasq --conf-file="$here/dnsmasq.conf" --keep-in-foreground --log-facility=-
start dnsdist /usr/bin/dnsdist --supervised --disable-syslog -C "$here/dnsdist.conf"

# Push a tiny image, hello:v1 (an empty config and no layer), so tags can be listed.
seed() {
  local tok config digest size location manifest
  tok=$(curl -sf -u testadmin:testpassword \
    "http://127.0.0.1:${FRONTS[none]}/oauth2/token?service=acr-doctor.test&scope=repository:hello:pull,push" |
    sed -E 's/.*"access_token": ?"([^"]+)".*/\1/')
  config='{}'
  digest="sha256:$(printf '%s' "$config" | sha256sum | cut -d' ' -f1)"
  location=$(curl -sf -D - -o /dev/null -X POST -H "Authorization: Bearer $tok" \
    "http://127.0.0.1:$REGISTRY_PORT/v2/hello/blobs/uploads/" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  case $location in http*) ;; *) location="http://127.0.0.1:$REGISTRY_PORT$location" ;; esac
  curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $tok" -H 'Content-Type: application/octet-stream' \
    --data-binary "$config" "$location&digest=$digest"
  manifest=$(printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":2},"layers":[]}' "$digest")
  curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $tok" -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' \
    --data-binary "$manifest" "http://127.0.0.1:$REGISTRY_PORT/v2/hello/manifests/v1"
}

ready() {
  curl -s -o /dev/null "http://127.0.0.1:$REGISTRY_PORT/v2/" &&
  curl -s -o /dev/null "http://127.0.0.1:${FRONTS[none]}/v2/" &&
  curl -sf -o /dev/null -H 'accept: application/dns-message' \
    "http://127.0.0.1:$DOH_PORT/dns-query?dns=AAABAAABAAAAAAAABnB1YmxpYwdhenVyZWNyAmlvAAABAAE"
}
for _ in $(seq 1 100); do
  if ready; then seed; echo "test services ready"; exit 0; fi
  sleep 0.1
done
echo "test services did not come up" >&2
tail -n 20 "$run"/*.log >&2
exit 1
