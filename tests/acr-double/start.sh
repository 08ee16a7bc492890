#!/usr/bin/env bash
# Start the ACR double: a stand-in for Azure Container Registry that real clients reach by the
# names their users type. Everything listens on 127.0.0.0/8 only:
#   - Debian's docker-registry (the storage and the distribution API), token auth;
#   - the test token server in front of it once per fault, as ACR's login server answers
#     (challenge, /oauth2/exchange and /oauth2/token, ACR's error bodies, layers redirected to the
#     data endpoint);
#   - nginx terminating TLS on 127.0.0.1:443 for <name>.azurecr.io and
#     <name>.westeurope.data.azurecr.io, with a certificate from a CA this script makes;
#   - a hanging listener (timeouts) and dnsmasq answering NXDOMAIN for every name not in the
#     hosts file (a DNS failure without a query leaving the machine).
# Clients see those names only inside `run.sh`'s private mount namespace (hosts, resolv.conf and
# the CA bundle bind-mounted). Usage: start.sh RUNDIR TOKEN_SERVER_BINARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
run=${1:?run dir}; bin=${2:?token server binary}
mkdir -p "$run/data" "$run/nginx"
. "$here/faults.sh"

start() {  # name, command…
  local name=$1; shift
  "$@" >"$run/$name.log" 2>&1 </dev/null &
  echo $! >"$run/$name.pid"
}

# The CA users would be told to trust, a certificate for every Azure name, and two wrong ones:
# a certificate from an unknown CA, and one for another name.
ssl() { openssl "$@" 2>/dev/null; }
ssl req -x509 -newkey rsa:2048 -nodes -keyout "$run/ca.key" -out "$run/ca.crt" -days 2 -subj "/CN=ACR double test CA"
ssl req -x509 -newkey rsa:2048 -nodes -keyout "$run/rogue-ca.key" -out "$run/rogue-ca.crt" -days 2 -subj "/CN=Contoso Proxy Inspection CA"
leaf() {  # name, CA, subjectAltName
  ssl req -newkey rsa:2048 -nodes -keyout "$run/$1.key" -out "$run/$1.csr" -subj "/CN=${3%%,*}"
  printf 'subjectAltName=%s\n' "$(printf '%s' "$3" | sed 's/[^,]*/DNS:&/g')" >"$run/$1.ext"
  ssl x509 -req -in "$run/$1.csr" -CA "$run/$2.crt" -CAkey "$run/$2.key" -CAcreateserial -days 2 \
    -extfile "$run/$1.ext" -out "$run/$1.crt"
}
leaf azure ca '*.azurecr.io,*.westeurope.data.azurecr.io'
leaf inspected rogue-ca '*.azurecr.io,*.westeurope.data.azurecr.io'
leaf othername ca 'www.contoso.example'
# The bundle a client's system would hold: the machine's own, and the test CA.
cat /etc/ssl/certs/ca-certificates.crt "$run/ca.crt" >"$run/bundle.crt"

# Tokens: the registry trusts token.crt; refresh tokens are signed with a key it does not trust.
ssl req -x509 -newkey rsa:2048 -nodes -keyout "$run/token.key" -out "$run/token.crt" -days 2 -subj "/CN=acr-double-token-issuer"
ssl genrsa -out "$run/refresh.key" 2048
ssl rsa -in "$run/refresh.key" -pubout -out "$run/refresh.pub"

cat >"$run/registry.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $run/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$DOUBLE_REGISTRY_PORT
  secret: acr-double-test-only
auth:
  token:
    realm: https://contoso.azurecr.io/oauth2/token
    service: acr-double.internal
    issuer: acr-double
    rootcertbundle: $run/token.crt
YML
start registry /usr/bin/docker-registry serve "$run/registry.yml"

# One login server per fault: its name, its front, and nginx's server block.
{
  echo "worker_processes 1; daemon off; pid $run/nginx/nginx.pid; error_log $run/nginx/error.log;"
  echo "events { worker_connections 256; }"
  echo "http { access_log off; client_body_temp_path $run/nginx; proxy_temp_path $run/nginx;"
  echo "  client_max_body_size 0; proxy_request_buffering off; proxy_buffering off; proxy_read_timeout 30s;"
} >"$run/nginx.conf"
server_block() {  # names, certificate, upstream port
  cat >>"$run/nginx.conf" <<CONF
  server {
    listen 127.0.0.1:443 ssl; server_name $1;
    ssl_certificate $run/$2.crt; ssl_certificate_key $run/$2.key;
    location / { proxy_pass http://127.0.0.1:$3; proxy_set_header Host \$host; proxy_http_version 1.1; }
  }
CONF
}
for fault in "${!LOGIN[@]}"; do
  name=${LOGIN[$fault]}; port=${PORT[$fault]}
  data=${DATA[$fault]:-}
  start "front-$fault" "$bin" --listen "127.0.0.1:$port" --registry "127.0.0.1:$DOUBLE_REGISTRY_PORT" \
    --service acr-double.internal --issuer acr-double --key "$run/token.key" --cert "$run/token.crt" \
    --refresh-key "$run/refresh.key" --refresh-public "$run/refresh.pub" \
    --entra-secret acr-double-entra-secret --fault "${FRONT_FAULT[$fault]:-none}" \
    --public-host "$name.azurecr.io" ${data:+--data-host "$data"}
  server_block "$name.azurecr.io" "${CERT[$fault]:-azure}" "$port"
  # The data endpoint answers on the same front, under its own name, unless the fault moves it.
  if [ -n "$data" ] && [ -z "${ADDRESS[$data]:-}" ]; then
    server_block "$data" "${CERT[$data]:-azure}" "$port"
  fi
done
echo "}" >>"$run/nginx.conf"
start nginx /usr/sbin/nginx -c "$run/nginx.conf"

# Nothing answers there: the connection hangs until the client's own limit.
start hang "$bin" --listen "$HANG_ADDRESS:443" --fault hang --registry x --service x --issuer x \
  --key "$run/token.key" --cert "$run/token.crt" --refresh-key "$run/refresh.key" \
  --refresh-public "$run/refresh.pub" --entra-secret x
# Every name not in the hosts file: NXDOMAIN, from 127.0.0.1 itself.
start dnsmasq /usr/sbin/dnsmasq --keep-in-foreground --no-resolv --no-hosts --bind-interfaces \
  --listen-address="$RESOLVER_ADDRESS" --port=53 --address=/#/ --log-facility=- --pid-file=

# What a client in the namespace sees.
{
  echo "127.0.0.1 localhost"
  for fault in "${!LOGIN[@]}"; do
    echo "${ADDRESS[${LOGIN[$fault]}]:-127.0.0.1} ${LOGIN[$fault]}.azurecr.io"
    d=${DATA[$fault]:-}
    if [ -n "$d" ]; then echo "${ADDRESS[$d]:-127.0.0.1} $d"; fi
  done
} >"$run/hosts"
echo "nameserver $RESOLVER_ADDRESS" >"$run/resolv.conf"

# Push a tiny image, hello:v1, with one layer (so a pull reads the data endpoint).
seed() {
  local tok cdigest ldigest diff manifest
  tok=$(curl -sf -u testadmin:testpassword --resolve contoso.azurecr.io:443:127.0.0.1 --cacert "$run/ca.crt" \
    "https://contoso.azurecr.io/oauth2/token?service=contoso.azurecr.io&scope=repository:hello:pull,push" |
    sed -E 's/.*"access_token": ?"([^"]+)".*/\1/')
  upload() {  # file digest
    local location
    location=$(curl -sf -D - -o /dev/null -X POST -H "Authorization: Bearer $tok" \
      "http://127.0.0.1:$DOUBLE_REGISTRY_PORT/v2/hello/blobs/uploads/" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
    case $location in http*) ;; *) location="http://127.0.0.1:$DOUBLE_REGISTRY_PORT$location" ;; esac
    curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $tok" -H 'Content-Type: application/octet-stream' \
      --data-binary "@$1" "$location&digest=$2"
  }
  mkdir -p "$run/layer" && printf 'hello from the ACR double\n' >"$run/layer/hello.txt"
  tar -C "$run/layer" -cf - hello.txt | gzip -n >"$run/layer.tar.gz"
  ldigest="sha256:$(sha256sum "$run/layer.tar.gz" | cut -d' ' -f1)"
  diff="sha256:$(gzip -dc "$run/layer.tar.gz" | sha256sum | cut -d' ' -f1)"
  printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["%s"]},"config":{}}' "$diff" >"$run/config.json"
  cdigest="sha256:$(sha256sum "$run/config.json" | cut -d' ' -f1)"
  upload "$run/config.json" "$cdigest"
  upload "$run/layer.tar.gz" "$ldigest"
  # Docker's image manifest: what every client here reads (Docker 20.10 asks for no OCI type).
  manifest=$(printf '{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"%s","size":%s},"layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","digest":"%s","size":%s}]}' \
    "$cdigest" "$(stat -c %s "$run/config.json")" "$ldigest" "$(stat -c %s "$run/layer.tar.gz")")
  curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $tok" -H 'Content-Type: application/vnd.docker.distribution.manifest.v2+json' \
    --data-binary "$manifest" "http://127.0.0.1:$DOUBLE_REGISTRY_PORT/v2/hello/manifests/v1"
}

ready() {
  curl -s -o /dev/null "http://127.0.0.1:$DOUBLE_REGISTRY_PORT/v2/" &&
  curl -s -o /dev/null --resolve contoso.azurecr.io:443:127.0.0.1 --cacert "$run/ca.crt" https://contoso.azurecr.io/v2/
}
for _ in $(seq 1 100); do
  if ready; then seed; echo "ACR double ready"; exit 0; fi
  sleep 0.1
done
echo "the ACR double did not start; logs in $run" >&2
tail -n 5 "$run"/*.log "$run/nginx/error.log" >&2 || true
exit 1
