#!/bin/sh
# acr-doctor probe kit, transcript version 1.
# Checks, read-only, what a pull from this machine needs: DNS, TCP and TLS to the registry, its
# /v2/ challenge, a token, the image's manifest, and the data endpoint its layers come from.
# It changes nothing and needs no root. It prints no secret: a token as its length, a redirect
# as its host.
#
# Where secrets go: only to this registry's own origin (below). A challenge that names another
# host or scheme as its realm gets nothing, and the transcript says so. az's Entra token goes
# only to an Azure login server, unless ACR_KIT_ENTRA_ORIGIN names this exact origin. Secrets,
# and every URL and value a server sent, reach curl on its standard input, never its command
# line. Only https (plain http for this machine alone), no redirect followed; a layer's redirect
# is read only on the registry itself, its data endpoint or Azure storage.
#
# Credentials, if any: ACR_USERNAME and ACR_PASSWORD (admin user, token, service principal),
# else `az account get-access-token` when az is signed in. To set the password without it
# showing or staying in your shell's history:
#   bash, zsh:  read -rs ACR_PASSWORD && export ACR_PASSWORD
#   other sh:   stty -echo; read -r ACR_PASSWORD; stty echo; export ACR_PASSWORD
# Each request stops after ACR_KIT_TIMEOUT seconds (10). Test override: ACR_KIT_CURL_OPTS adds
# curl options (--resolve, --cacert) without editing the system.
# Run it: sh acr-doctor-kit.sh, then paste everything it prints into acr-doctor.
set -u
# (acr-doctor writes the registry's values here.)
T="${ACR_KIT_TIMEOUT:-10}"
case "$T" in ''|*[!0-9]*) T=10 ;; esac
X="${ACR_KIT_CURL_OPTS:-}"
if [ "$LOOP" = yes ]; then PROTO='=http,https'; else PROTO='=https'; fi
say() { printf '%s\n' "$*"; }
# A value for the transcript: one word, no control characters.
enc() { printf '%s' "$1" | tr -d '\000-\037\177' | sed 's/ /%20/g'; }
ms() { if command -v awk >/dev/null 2>&1; then printf '%s\n' "$1" | awk '{ printf "%dms", $1 * 1000 }'; fi; }
# One option of curl's config, which curl reads on its standard input: the value double-quoted,
# its backslashes and quotes escaped, control characters dropped. Every URL, header, form field
# and secret reaches curl this way; kcurl takes no argument.
opt() { printf '%s = "%s"\n' "$1" "$(printf '%s' "$2" | tr -d '\000-\037\177' | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
kcurl() { curl -sS --max-time "$T" --proto "$PROTO" --proto-redir "$PROTO" $X -K -; }
# A command that may wait on the network, stopped after $T seconds like curl.
limit() {
  if command -v timeout >/dev/null 2>&1; then timeout "$T" "$@"; return; fi
  "$@" & L_P=$!
  ( sleep "$T"; kill "$L_P" 2>/dev/null ) >/dev/null 2>&1 </dev/null & L_K=$!
  wait "$L_P"; L_S=$?
  kill "$L_K" 2>/dev/null
  return "$L_S"
}
fail_of() { case "$1" in 6) echo dns ;; 7) echo refused ;; 28) echo timeout ;; 35|51|58|60|77|83|90|91) echo tls ;; *) printf 'curl-%s\n' "$1" ;; esac; }
# A URL's scheme (lower case) and authority, as the kit compares them.
scheme_of() { printf '%s' "$1" | head -n 1 | sed -n 's|^\([a-zA-Z][a-zA-Z0-9+.-]*\)://.*|\1|p' | tr 'A-Z' 'a-z'; }
origin_of() { printf '%s' "$1" | head -n 1 | sed -n 's|^\([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*\).*|\1|p'; }
# Where a layer may be read: the registry itself, its data endpoint, Azure storage.
host_ok() { [ "$1" = "$HOST" ] || printf '%s\n' "$1" | grep -Eqx "$DATA_HOSTS"; }

say "acr-doctor-kit 1 $ORIGIN"

# 1. DNS, as this machine resolves the name.
if [ "$DNS" = yes ]; then
  # Small images lack some tools: with no way to ask, the step says so rather than "no such name".
  HAS_AWK=""; if command -v awk >/dev/null 2>&1; then HAS_AWK=yes; fi
  DNS_TOOL=""; A=""; A6=""; GE=0
  if command -v getent >/dev/null 2>&1; then
    DNS_TOOL=getent
    G=$(limit getent ahostsv4 "$HOST" 2>/dev/null); GE=$?
    A=$(printf '%s\n' "$G" | cut -d' ' -f1 | grep -v '^$' | sort -u | paste -s -d, -)
    # IPv6 too (glibc maps IPv4 answers into ::ffff:…, which are not IPv6 addresses of the name).
    G=$(limit getent ahostsv6 "$HOST" 2>/dev/null)
    A6=$(printf '%s\n' "$G" | cut -d' ' -f1 | grep -v '^$' | grep -v '^::ffff:' | sort -u | paste -s -d, -)
  elif command -v nslookup >/dev/null 2>&1 && [ -n "$HAS_AWK" ]; then
    DNS_TOOL=nslookup
    A=$(limit nslookup "$HOST" 2>/dev/null | awk '/^Address: / { print $2 }' | paste -s -d, -)
  fi
  C=""
  if command -v nslookup >/dev/null 2>&1 && [ -n "$HAS_AWK" ]; then
    C=$(limit nslookup "$HOST" 2>/dev/null | awk '/canonical name/ { sub(/\.$/, "", $NF); c = (c ? c ">" : $1 ">") $NF } END { print c }')
  fi
  if [ -z "$DNS_TOOL" ]; then say "dns skip"
  elif [ -n "$A" ]; then
    # IPv6 addresses only when they were asked for (getent): an older transcript has none.
    if [ "$DNS_TOOL" = getent ]; then A6=" aaaa=$(enc "$A6")"; fi
    say "dns ok addresses=$(enc "$A") cnames=$(enc "$C")$A6"
  elif [ "$GE" -gt 123 ]; then say "dns fail error=timeout"
  else say "dns fail error=nxdomain"; fi
fi

# 2. TCP, and TLS with the certificate's issuer and names. The proxy in use, if any, by its host
# only (a proxy's URL may hold a user name and password).
# The variables curl reads for this scheme (it reads http_proxy only in lower case).
if [ "$TLS" = yes ]; then P="${https_proxy:-${HTTPS_PROXY:-}}"; else P="${http_proxy:-}"; fi
P="${P:-${all_proxy:-${ALL_PROXY:-}}}"
# The proxy as host:port (no scheme, no credentials, no path), and by its host alone.
PHP=$(printf '%s' "$P" | sed 's#^[a-zA-Z]*://##; s#^.*@##; s#/.*##')
PX=${PHP%%:*}
R=$({ opt url "$ORIGIN/v2/"; opt output /dev/null; opt write-out '%{time_connect} %{time_appconnect}'; } | kcurl 2>/dev/null); E=$?
case "$(fail_of $E)" in
  curl-0) say "tcp ok $(ms "${R%% *}")${PX:+ proxy=$(enc "$PX")}" ;;
  tls) say "tcp ok${PX:+ proxy=$(enc "$PX")}" ;;
  *) say "tcp fail error=$(fail_of $E)"; say "acr-doctor-kit end"; exit 0 ;;
esac
if [ "$TLS" = yes ]; then
  I=""; N=""
  if command -v openssl >/dev/null 2>&1; then
    # Through the same proxy as curl, and never longer than curl's limit.
    CERT=$(limit openssl s_client -connect "$HOST:$PORT" -servername "$HOST" ${PHP:+-proxy "$PHP"} </dev/null 2>/dev/null | openssl x509 2>/dev/null)
    I=$(printf '%s\n' "$CERT" | openssl x509 -noout -issuer 2>/dev/null | sed 's/^issuer= *//')
    N=$(printf '%s\n' "$CERT" | openssl x509 -noout -ext subjectAltName 2>/dev/null | tr ',' '\n' | sed -n 's/^ *DNS://p' | paste -s -d, -)
  fi
  if [ "$E" = 0 ]; then say "tls ok $(ms "${R##* }") issuer=$(enc "$I") names=$(enc "$N")"; else say "tls fail issuer=$(enc "$I") names=$(enc "$N")"; say "acr-doctor-kit end"; exit 0; fi
fi

# 3. GET /v2/: the status and the challenge (and the address a firewall saw).
B=$({ opt url "$ORIGIN/v2/"; opt dump-header -; } | kcurl 2>/dev/null | tr -d '\r')
S=$(printf '%s\n' "$B" | awk 'NR == 1 { print $2 }' | tr -cd '0-9')
W=$(printf '%s\n' "$B" | sed -n 's/^[Ww][Ww][Ww]-[Aa]uthenticate: *//p' | head -n 1)
IP=$(printf '%s\n' "$B" | sed -n "s/.*client with IP '\([0-9a-fA-F.:]*\)'.*/\1/p" | head -n 1)
say "v2 ${S:-000} www-authenticate=$(enc "$W")${IP:+ client-ip=$IP}"

# 4. A token, with the credentials at hand, and only from the registry itself.
REALM=$(printf '%s' "$W" | sed -n 's/.*realm="\([^"]*\)".*/\1/p')
SERVICE=$(printf '%s' "$W" | sed -n 's/.*service="\([^"]*\)".*/\1/p')
if [ -n "$REPO" ]; then SCOPE="repository:$REPO:pull"; else SCOPE="registry:catalog:*"; fi
AT=""
# A token from a JSON answer on stdin.
access_token() { tr -d '\n ' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'; }
refresh_token() { tr -d '\n ' | sed -n 's/.*"refresh_token":"\([^"]*\)".*/\1/p'; }
# What a token grants, from its "access" claim decoded here (" granted=type:name:actions;…"), or
# nothing when it cannot be decoded. The token itself is never printed.
granted() {
  [ -n "$1" ] || return 0
  G=$(printf '%s' "$1" | cut -d. -f2 | tr '_-' '/+')
  case $((${#G} % 4)) in 2) G="$G==" ;; 3) G="$G=" ;; esac
  G=$(printf '%s' "$G" | { base64 -d 2>/dev/null || openssl base64 -d -A 2>/dev/null; } | tr -d '\n ')
  case "$G" in *'"grant_type"'*) ;; *) return 0 ;; esac
  printf ' granted='
  # The array after "access": its objects, one a line (each is flat but for its actions).
  printf '%s\n' "$G" | sed -n 's/.*"access":\[\({.*}\)\].*/\1/p' | sed 's/}\].*/}/; s/},{/}|{/g' | tr '|' '\n' | while read -r E; do
    printf '%s:%s:%s;' "$(printf '%s' "$E" | sed -n 's/.*"type":"\([^"]*\)".*/\1/p')" \
      "$(printf '%s' "$E" | sed -n 's/.*"name":"\([^"]*\)".*/\1/p')" \
      "$(printf '%s' "$E" | sed -n 's/.*"actions":\[\([^]]*\)\].*/\1/p' | tr -d '"')" | tr -d '\000-\040\177'
  done
}
# The status curl wrote last; 000 (no answer) is a failure.
code() { C=$(printf '%s' "$1" | tail -n 1 | tr -cd '0-9'); [ "$C" = 000 ] || [ -z "$C" ] && C=fail; printf '%s' "$C"; }
# The realm must be this registry's own origin (scheme, host and port), as the page requires.
RO=$(origin_of "$REALM")
if [ -z "$REALM" ]; then
  say "token skip"
elif [ "$RO" != "$ORIGIN" ]; then
  say "token skip reason=foreign-realm realm=$(enc "$RO")"
elif [ -n "${ACR_USERNAME:-}" ] && [ -n "${ACR_PASSWORD:-}" ]; then
  O=$({ opt user "$ACR_USERNAME:$ACR_PASSWORD"; opt url "$REALM"; echo get; opt data-urlencode "service=$SERVICE"; opt data-urlencode "scope=$SCOPE"; opt write-out '\n%{http_code}'; } | kcurl 2>/dev/null)
  AT=$(printf '%s' "$O" | sed '$d' | access_token)
  GR=$(granted "$AT")
  say "token $(code "$O") via=basic length=${#AT} scope=$SCOPE$GR"
elif ! command -v az >/dev/null 2>&1; then
  say "token skip"
elif [ "$AZURE" != yes ] && [ "${ACR_KIT_ENTRA_ORIGIN:-}" != "$ORIGIN" ]; then
  say "token skip reason=entra-not-azure"
elif ET=$(az account get-access-token --resource https://containerregistry.azure.net --query accessToken -o tsv 2>/dev/null) && [ -n "$ET" ]; then
  O=$({ opt url "$ORIGIN/oauth2/exchange"; opt data-urlencode grant_type=access_token; opt data-urlencode "service=$SERVICE"; opt data-urlencode "access_token=$ET"; opt write-out '\n%{http_code}'; } | kcurl 2>/dev/null)
  RT=$(printf '%s' "$O" | sed '$d' | refresh_token)
  if [ -n "$RT" ]; then
    O=$({ opt url "$ORIGIN/oauth2/token"; opt data-urlencode grant_type=refresh_token; opt data-urlencode "service=$SERVICE"; opt data-urlencode "scope=$SCOPE"; opt data-urlencode "refresh_token=$RT"; opt write-out '\n%{http_code}'; } | kcurl 2>/dev/null)
    AT=$(printf '%s' "$O" | sed '$d' | access_token)
  fi
  GR=$(granted "$AT")
  say "token $(code "$O") via=entra length=${#AT} scope=$SCOPE$GR"
else
  say "token skip"
fi

# 5. The image: its manifest, then its config blob without following the redirect.
if [ -n "$REPO" ] && [ -n "$AT" ]; then
  ACCEPT="application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json"
  O=$({ opt url "$ORIGIN/v2/$REPO/manifests/$TAG"; opt header "Authorization: Bearer $AT"; opt header "Accept: $ACCEPT"; opt write-out '\n%{http_code}'; } | kcurl 2>/dev/null)
  say "manifest $(code "$O")"
  D=$(printf '%s' "$O" | sed '$d' | tr -d '\n ' | sed -n 's/.*"config":{[^}]*"digest":"\(sha256:[0-9a-f]*\)".*/\1/p')
  if [ -n "$D" ]; then
    O=$({ opt url "$ORIGIN/v2/$REPO/blobs/$D"; opt header "Authorization: Bearer $AT"; opt output /dev/null; opt write-out '%{http_code} %{redirect_url}'; } | kcurl 2>/dev/null)
    BS=$(printf '%s' "${O%% *}" | tr -cd '0-9')
    LOC=$(printf '%s' "${O#* }" | head -n 1)
    LS=$(scheme_of "$LOC")
    # The redirect's host: its authority without a port (user info stays, and fails the check).
    DH=$(origin_of "$LOC" | sed 's|^[^:]*://||; s|:[0-9]*$||' | tr 'A-Z' 'a-z')
    if [ -z "$LOC" ]; then
      say "blob ${BS:-000}"
    elif [ "$LS" != https ] && { [ "$LS" != http ] || [ "$LOOP" != yes ]; }; then
      say "blob ${BS:-000} location-host=$(enc "$DH") location-scheme=$(enc "$LS") refused=scheme"
    elif ! host_ok "$DH"; then
      say "blob ${BS:-000} location-host=$(enc "$DH") refused=host"
    else
      say "blob ${BS:-000} location-host=$(enc "$DH")"
      # The redirect's own signed URL, read from stdin: a few bytes, with no Authorization. curl
      # resolves the name: its exit code tells the stage that failed.
      R=$({ opt url "$LOC"; opt output /dev/null; opt range 0-15; opt write-out '%{http_code} %{time_total}'; } | kcurl 2>/dev/null); E=$?
      case "$(fail_of $E)" in
        curl-0)
          say "data-dns ok"
          say "data-tcp ok"
          if [ "$LS" = https ]; then say "data-tls ok"; fi
          say "data-get $(printf '%s' "${R%% *}" | tr -cd '0-9') $(ms "${R##* }")" ;;
        dns) say "data-dns fail" ;;
        tls) say "data-dns ok"; say "data-tcp ok"; say "data-tls fail" ;;
        *) say "data-dns ok"; say "data-tcp fail error=$(fail_of $E)" ;;
      esac
    fi
  fi
fi
say "acr-doctor-kit end"
