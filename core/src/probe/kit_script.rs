//! The probe kit the page hands over: a short POSIX `sh` script (and the `kubectl` line that runs
//! it inside a cluster) that checks, from where the problem is, what a browser cannot: DNS as
//! this machine sees it, TCP and TLS with the certificate's issuer, the challenge, a token, the
//! image's manifest, and the data endpoint its layers come from. It prints the transcript of
//! `transcript.rs`, which the page reads back.
//!
//! Every value put into the script passed its grammar (`values.rs`) and is single-quoted; a
//! value that did not pass is not put in. The script changes nothing, needs no root, prints no
//! secret (a token as its length, a redirect as its host) and passes none on a command line
//! (curl reads them from its standard input).

use super::target::Target;
use crate::values::{
    is_loopback, is_registry_name, is_repository, is_tag, split_port, url_authority,
};

/// The image to follow to its data endpoint, when the person gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub repository: String,
    pub tag: String,
}

impl Image {
    /// `repository[:tag]`, checked against the distribution grammar; `latest` when no tag.
    pub fn parse(text: &str) -> Option<Image> {
        let text = text.trim();
        let (repository, tag) = match text.rsplit_once(':') {
            Some((r, t)) if !t.contains('/') => (r, t),
            _ => (text, "latest"),
        };
        (is_repository(repository) && is_tag(tag)).then(|| Image {
            repository: repository.to_owned(),
            tag: tag.to_owned(),
        })
    }
}

/// The image the kit runs in, inside a cluster: Azure Linux's base image from Microsoft's own
/// registry (no Docker Hub limits; it carries sh, curl, openssl and getent).
pub const CLUSTER_IMAGE: &str = "mcr.microsoft.com/azurelinux/base/core:3.0";

/// The `kubectl` command that runs the `sh` kit (saved as a file) in a pod on a node's network and
/// DNS (`hostNetwork`), which are what the kubelet's pulls use.
pub const KUBECTL: &str = r#"kubectl run acr-doctor-kit --rm -i --restart=Never --image=mcr.microsoft.com/azurelinux/base/core:3.0 --overrides='{"apiVersion":"v1","spec":{"hostNetwork":true}}' --command -- sh -s < acr-doctor-kit.sh"#;

/// The same in an ordinary pod: the pod network and the cluster's DNS (CoreDNS).
pub const KUBECTL_POD: &str = "kubectl run acr-doctor-kit --rm -i --restart=Never --image=mcr.microsoft.com/azurelinux/base/core:3.0 --command -- sh -s < acr-doctor-kit.sh";

/// What the kit knows of the registry before it asks anything: the page's own checked values,
/// never text from an answer.
struct Known<'a> {
    origin: &'a str,
    host: &'a str,
    port: &'a str,
    tls: bool,
    /// Look the name up (not an address, not `localhost`).
    dns: bool,
    /// This machine: plain http is allowed for it, and for nothing else.
    loopback: bool,
    /// An https login server under Azure's registry domains: az's Entra token may go there.
    azure: bool,
    /// Where a layer may be fetched from besides the registry itself (an extended regex).
    data_hosts: String,
    repository: &'a str,
    tag: &'a str,
}

impl<'a> Known<'a> {
    fn of(target: &'a Target, image: Option<&'a Image>) -> Known<'a> {
        let (repository, tag) = image
            .map(|i| (i.repository.as_str(), i.tag.as_str()))
            .unwrap_or(("", ""));
        let tls = target.origin.starts_with("https://");
        let authority = url_authority(&target.origin).unwrap_or("");
        let port = split_port(authority)
            .1
            .unwrap_or(if tls { "443" } else { "80" });
        Known {
            origin: &target.origin,
            host: &target.host,
            port,
            tls,
            dns: target.skip_dns.is_none(),
            loopback: is_loopback(&target.host),
            azure: target.azure,
            data_hosts: data_hosts(target.name.as_deref()),
            repository,
            tag,
        }
    }
}

/// Azure storage in each cloud, where layers live when a registry has no data endpoint.
const STORAGE: &str =
    r"[a-z0-9-]+\.blob\.core\.(windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)";

/// The hosts a blob's redirect may point at, besides the registry itself: the registry's own data
/// endpoints (`<name>.<region>.data.azurecr.io`, and the other clouds'), and Azure storage. The
/// name is a checked registry name (letters and digits), so it needs no escaping.
fn data_hosts(name: Option<&str>) -> String {
    match name.filter(|n| is_registry_name(n)) {
        Some(n) => format!(
            r"{}\.[a-z0-9-]+\.data\.azurecr\.(io|cn|us)|{STORAGE}",
            n.to_ascii_lowercase()
        ),
        None => STORAGE.to_owned(),
    }
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// The PowerShell kit (Windows PowerShell 5.1 or later): the same steps and transcript as the
/// `sh` kit, with the built-in `curl.exe`, `Resolve-DnsName`, and .NET for the certificate.
pub fn ps(target: &Target, image: Option<&Image>) -> String {
    let k = Known::of(target, image);
    let mut s = String::from(PS_HEADER);
    let vars = [
        ("Origin", k.origin),
        ("HostName", k.host),
        ("Port", k.port),
        ("Tls", yes(k.tls)),
        ("Dns", yes(k.dns)),
        ("Loopback", yes(k.loopback)),
        ("Azure", yes(k.azure)),
        ("DataHosts", &k.data_hosts),
        ("Repo", k.repository),
        ("Tag", k.tag),
    ];
    for (name, value) in vars {
        s.push_str(&format!("${name} = {}\n", ps_quote(value)));
    }
    s.push_str(PS_BODY);
    s
}

/// The `sh` kit for a registry (and an image to follow).
pub fn sh(target: &Target, image: Option<&Image>) -> String {
    let k = Known::of(target, image);
    let mut s = String::from(HEADER);
    let vars = [
        ("ORIGIN", k.origin),
        ("HOST", k.host),
        ("PORT", k.port),
        ("TLS", yes(k.tls)),
        ("DNS", yes(k.dns)),
        ("LOOP", yes(k.loopback)),
        ("AZURE", yes(k.azure)),
        ("DATA_HOSTS", &k.data_hosts),
        ("REPO", k.repository),
        ("TAG", k.tag),
    ];
    for (name, value) in vars {
        s.push_str(&format!("{name}={}\n", sh_quote(value)));
    }
    s.push_str(BODY);
    s
}

/// A value as one POSIX `sh` word: single-quoted, a `'` closed, escaped and reopened. Nothing
/// inside single quotes is read by the shell.
pub fn sh_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// A value as one PowerShell string: single-quoted, where only a quote is special. PowerShell
/// also reads the typographic quotes (U+2018, U+2019, U+201A, U+201B) as quotes, so each is
/// doubled like `'`.
pub fn ps_quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// A value inside a double-quoted string of curl's config file, as both kits write it (`opt` in
/// `sh`, `Opt` in PowerShell): `\` and `"` escaped, control characters dropped (a line break
/// would end the option and start another).
pub fn curl_config_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    for c in value.chars() {
        match c {
            '\\' | '"' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

const HEADER: &str = r#"#!/bin/sh
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
"#;

const BODY: &str = r#"T="${ACR_KIT_TIMEOUT:-10}"
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
"#;

const PS_HEADER: &str = r#"# acr-doctor probe kit, transcript version 1 (Windows PowerShell 5.1 or later).
# Checks, read-only, what a pull from this machine needs: DNS, TCP and TLS to the registry, its
# /v2/ challenge, a token, the image's manifest, and the data endpoint its layers come from.
# It changes nothing and needs no administrator. It prints no secret: a token as its length, a
# redirect as its host.
#
# Where secrets go: only to this registry's own origin (below). A challenge that names another
# host or scheme as its realm gets nothing, and the transcript says so. az's Entra token goes
# only to an Azure login server, unless $env:ACR_KIT_ENTRA_ORIGIN names this exact origin.
# Secrets, and every URL and value a server sent, reach curl.exe on its standard input, never
# its command line. Only https (plain http for this machine alone), no redirect followed; a
# layer's redirect is read only on the registry itself, its data endpoint or Azure storage.
#
# Credentials, if any: $env:ACR_USERNAME and $env:ACR_PASSWORD, else a signed-in az. To set the
# password without it showing or staying in your history:
#   $env:ACR_PASSWORD = [Net.NetworkCredential]::new('', (Read-Host -AsSecureString 'Password')).Password
# Each request stops after $env:ACR_KIT_TIMEOUT seconds (10).
# Run it: powershell -ExecutionPolicy Bypass -File .\acr-doctor-kit.ps1, then paste everything it
# prints into acr-doctor.
"#;

const PS_BODY: &str = r#"$T = if ($env:ACR_KIT_TIMEOUT -match '^[0-9]+$') { [int]$env:ACR_KIT_TIMEOUT } else { 10 }
$Proto = if ($Loopback -eq 'yes') { '=http,https' } else { '=https' }
# What is piped to curl.exe is sent as UTF-8 (Windows PowerShell 5.1 sends ASCII by default).
$OutputEncoding = New-Object Text.UTF8Encoding($false)
function Say([string]$Line) { Write-Output $Line }
# A value for the transcript: one word, no control characters.
function Enc([string]$Text) { (($Text -replace '[\x00-\x1f\x7f]', '') -replace ' ', '%20') }
function Ms([string]$Seconds) { $s = 0.0; if ([double]::TryParse($Seconds, [Globalization.NumberStyles]::Float, [Globalization.CultureInfo]::InvariantCulture, [ref]$s)) { '{0}ms' -f [int]($s * 1000) } else { '' } }
# One option of curl's config, which curl.exe reads on its standard input: the value
# double-quoted, its backslashes and quotes escaped, control characters dropped. Every URL,
# header, form field and secret reaches curl.exe this way; KCurl takes nothing else, and
# curl.exe's command line holds only constants.
function Opt([string]$Name, [string]$Value) { '{0} = "{1}"' -f $Name, (($Value -replace '[\x00-\x1f\x7f]', '').Replace('\', '\\').Replace('"', '\"')) }
function KCurl([string[]]$Config) { ($Config -join "`n") | & curl.exe -sS --max-time $T --proto $Proto --proto-redir $Proto -K - 2>$null }
function FailOf([int]$Code) { switch ($Code) { 6 { 'dns' } 7 { 'refused' } 28 { 'timeout' } { $_ -in 35, 51, 58, 60, 77, 83, 90, 91 } { 'tls' } default { "curl-$Code" } } }
function Code([string[]]$Out) { $c = (($Out | Select-Object -Last 1) -replace '[^0-9]', ''); if (-not $c -or $c -eq '000') { 'fail' } else { $c } }
function Field([string]$Json, [string]$Name) { if ($Json -match ('"' + $Name + '"\s*:\s*"([^"]+)"')) { $Matches[1] } else { '' } }
# A URL's scheme (lower case) and origin, as the kit compares them.
function SchemeOf([string]$Url) { if ($Url -match '^([a-zA-Z][a-zA-Z0-9+.-]*)://') { $Matches[1].ToLowerInvariant() } else { '' } }
function OriginOf([string]$Url) { if ($Url -match '^([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#\s]*)') { $Matches[1] } else { '' } }
# Where a layer may be read: the registry itself, its data endpoint, Azure storage.
function HostOk([string]$H) { ($H -ceq $HostName) -or ($H -cmatch ('\A(?:' + $DataHosts + ')\z')) }
# A step that may wait on the network, in a runspace of its own, stopped after $T seconds.
function Limited([scriptblock]$Block, [object[]]$Arguments) {
  $p = [PowerShell]::Create().AddScript($Block.ToString())
  foreach ($a in $Arguments) { $null = $p.AddArgument($a) }
  $h = $p.BeginInvoke()
  # Stopped without waiting for it: a lookup that hangs may not return to be stopped.
  if (-not $h.AsyncWaitHandle.WaitOne($T * 1000)) { $null = $p.BeginStop($null, $null); throw 'timeout' }
  try { $p.EndInvoke($h) } finally { $p.Dispose() }
}
# What a token grants, from its "access" claim decoded here (" granted=type:name:actions;..."),
# or nothing when it cannot be decoded. The token itself is never printed.
function Granted([string]$Token) {
  $p = @($Token -split '\.')
  if ($p.Count -lt 2) { return '' }
  $b = $p[1].Replace('-', '+').Replace('_', '/')
  switch ($b.Length % 4) { 2 { $b += '==' } 3 { $b += '=' } }
  try { $c = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($b)) | ConvertFrom-Json } catch { return '' }
  if (-not $c.grant_type) { return '' }
  ' granted=' + ((@($c.access | ForEach-Object { '{0}:{1}:{2};' -f $_.type, $_.name, (@($_.actions) -join ',') }) -join '') -replace '[\x00-\x20\x7f]', '')
}

Say "acr-doctor-kit 1 $Origin"

# 1. DNS, as this machine resolves the name.
if ($Dns -eq 'yes') {
  try {
    $r = Limited { param($n) Resolve-DnsName -Name $n -ErrorAction Stop } @($HostName)
    $a = ($r | Where-Object { $_.Type -eq 'A' } | ForEach-Object { $_.IPAddress }) -join ','
    $a6 = ($r | Where-Object { $_.Type -eq 'AAAA' } | ForEach-Object { $_.IPAddress }) -join ','
    $c = (@($HostName) + @($r | Where-Object { $_.Type -eq 'CNAME' } | ForEach-Object { $_.NameHost })) -join '>'
    if ($a) { Say "dns ok addresses=$(Enc $a) cnames=$(Enc $c) aaaa=$(Enc $a6)" } else { Say "dns fail error=nxdomain" }
  } catch {
    if ("$_" -eq 'timeout') { Say "dns fail error=timeout" } else { Say "dns fail error=nxdomain" }
  }
}

# 2. TCP, and TLS with the certificate's issuer and names. The proxy in use, if any, by its host.
# The variables curl reads for this scheme (names are not case-sensitive on Windows).
$P = if ($Tls -eq 'yes') { $env:HTTPS_PROXY } else { $env:http_proxy }
if (-not $P) { $P = if ($env:ALL_PROXY) { $env:ALL_PROXY } else { '' } }
$PX = if ($P -match '^(?:[a-zA-Z]+://)?(?:[^@/]*@)?([^:/]+)') { " proxy=$(Enc $Matches[1])" } else { '' }
$R = KCurl @((Opt 'url' "$Origin/v2/"), (Opt 'output' 'NUL'), (Opt 'write-out' '%{time_connect} %{time_appconnect}')); $E = $LASTEXITCODE
switch (FailOf $E) {
  'curl-0' { Say "tcp ok $(Ms ($R -split ' ')[0])$PX" }
  'tls' { Say "tcp ok$PX" }
  default { Say "tcp fail error=$(FailOf $E)"; Say "acr-doctor-kit end"; return }
}
if ($Tls -eq 'yes') {
  $I = ''; $N = ''
  $tcp = New-Object Net.Sockets.TcpClient
  try {
    # Connecting, then each read and write of the handshake, stop after $T seconds.
    if (-not $tcp.ConnectAsync($HostName.Trim('[]'), [int]$Port).Wait($T * 1000)) { throw 'timeout' }
    $tcp.ReceiveTimeout = $T * 1000; $tcp.SendTimeout = $T * 1000
    $ssl = New-Object Net.Security.SslStream($tcp.GetStream(), $false, { $true })
    $ssl.AuthenticateAsClient($HostName); $I = $ssl.RemoteCertificate.Issuer
    $N = ((New-Object Security.Cryptography.X509Certificates.X509Certificate2($ssl.RemoteCertificate)).DnsNameList | ForEach-Object { $_.Unicode }) -join ','
    $ssl.Dispose()
  } catch { } finally { $tcp.Dispose() }
  if ($E -eq 0) {
    Say "tls ok $(Ms ($R -split ' ')[1]) issuer=$(Enc $I) names=$(Enc $N)"
  } else {
    Say "tls fail issuer=$(Enc $I) names=$(Enc $N)"
    Say "acr-doctor-kit end"
    return
  }
}

# 3. GET /v2/: the status and the challenge (and the address a firewall saw).
$B = KCurl @((Opt 'url' "$Origin/v2/"), (Opt 'dump-header' '-'))
$S = ((($B | Select-Object -First 1) -split ' ')[1]) -replace '[^0-9]', ''
$W = ($B | Where-Object { $_ -match '^www-authenticate:' } | Select-Object -First 1) -replace '^[^:]*:\s*', ''
$IP = if (($B -join "`n") -match "client with IP '([0-9a-fA-F.:]+)'") { $Matches[1] } else { '' }
Say ("v2 $(if ($S) { $S } else { '000' }) www-authenticate=$(Enc $W)" + $(if ($IP) { " client-ip=$IP" } else { '' }))

# 4. A token, with the credentials at hand, and only from the registry itself.
$Realm = if ($W -match 'realm="([^"]*)"') { $Matches[1] } else { '' }
$Service = if ($W -match 'service="([^"]*)"') { $Matches[1] } else { '' }
$Scope = if ($Repo) { "repository:${Repo}:pull" } else { 'registry:catalog:*' }
$AT = ''
# The realm must be this registry's own origin (scheme, host and port), as the page requires.
$RO = OriginOf $Realm
if (-not $Realm) {
  Say "token skip"
} elseif ($RO -cne $Origin) {
  Say "token skip reason=foreign-realm realm=$(Enc $RO)"
} elseif ($env:ACR_USERNAME -and $env:ACR_PASSWORD) {
  $O = KCurl @((Opt 'user' ('{0}:{1}' -f $env:ACR_USERNAME, $env:ACR_PASSWORD)), (Opt 'url' $Realm), 'get', (Opt 'data-urlencode' "service=$Service"), (Opt 'data-urlencode' "scope=$Scope"), (Opt 'write-out' '\n%{http_code}'))
  $AT = Field ($O -join '') 'access_token'
  $GR = Granted $AT
  Say "token $(Code $O) via=basic length=$($AT.Length) scope=$Scope$GR"
} elseif (-not (Get-Command az -ErrorAction SilentlyContinue)) {
  Say "token skip"
} elseif ($Azure -ne 'yes' -and $env:ACR_KIT_ENTRA_ORIGIN -cne $Origin) {
  Say "token skip reason=entra-not-azure"
} elseif ($ET = az account get-access-token --resource https://containerregistry.azure.net --query accessToken -o tsv 2>$null) {
  $O = KCurl @((Opt 'url' "$Origin/oauth2/exchange"), (Opt 'data-urlencode' 'grant_type=access_token'), (Opt 'data-urlencode' "service=$Service"), (Opt 'data-urlencode' "access_token=$ET"), (Opt 'write-out' '\n%{http_code}'))
  $RT = Field ($O -join '') 'refresh_token'
  if ($RT) {
    $O = KCurl @((Opt 'url' "$Origin/oauth2/token"), (Opt 'data-urlencode' 'grant_type=refresh_token'), (Opt 'data-urlencode' "service=$Service"), (Opt 'data-urlencode' "scope=$Scope"), (Opt 'data-urlencode' "refresh_token=$RT"), (Opt 'write-out' '\n%{http_code}'))
    $AT = Field ($O -join '') 'access_token'
  }
  $GR = Granted $AT
  Say "token $(Code $O) via=entra length=$($AT.Length) scope=$Scope$GR"
} else {
  Say "token skip"
}

# 5. The image: its manifest, then its config blob without following the redirect.
if ($Repo -and $AT) {
  $Accept = 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json'
  $O = KCurl @((Opt 'url' "$Origin/v2/$Repo/manifests/$Tag"), (Opt 'header' "Authorization: Bearer $AT"), (Opt 'header' "Accept: $Accept"), (Opt 'write-out' '\n%{http_code}'))
  Say "manifest $(Code $O)"
  $D = if (($O -join '') -match '"config"\s*:\s*\{[^}]*"digest"\s*:\s*"(sha256:[0-9a-f]+)"') { $Matches[1] } else { '' }
  if ($D) {
    $O = KCurl @((Opt 'url' "$Origin/v2/$Repo/blobs/$D"), (Opt 'header' "Authorization: Bearer $AT"), (Opt 'output' 'NUL'), (Opt 'write-out' '%{http_code} %{redirect_url}'))
    $BS, $LOC = (@($O)[0]) -split ' ', 2
    $BS = $BS -replace '[^0-9]', ''; if (-not $BS) { $BS = '000' }
    $LS = SchemeOf $LOC
    # The redirect's host: its authority without a port (user info stays, and fails the check).
    $DH = ((OriginOf $LOC) -replace '^[^:]*://', '' -replace ':[0-9]*$', '').ToLowerInvariant()
    if (-not $LOC) {
      Say "blob $BS"
    } elseif ($LS -ne 'https' -and ($LS -ne 'http' -or $Loopback -ne 'yes')) {
      Say "blob $BS location-host=$(Enc $DH) location-scheme=$(Enc $LS) refused=scheme"
    } elseif (-not (HostOk $DH)) {
      Say "blob $BS location-host=$(Enc $DH) refused=host"
    } else {
      Say "blob $BS location-host=$(Enc $DH)"
      # The redirect's own signed URL, read from stdin: a few bytes, with no Authorization.
      # curl.exe resolves the name: its exit code tells the stage that failed.
      $R = KCurl @((Opt 'url' $LOC), (Opt 'output' 'NUL'), (Opt 'range' '0-15'), (Opt 'write-out' '%{http_code} %{time_total}')); $E = $LASTEXITCODE
      switch (FailOf $E) {
        'curl-0' {
          Say "data-dns ok"
          Say "data-tcp ok"
          if ($LS -eq 'https') { Say "data-tls ok" }
          Say "data-get $((($R -split ' ')[0]) -replace '[^0-9]', '') $(Ms ($R -split ' ')[1])"
        }
        'dns' { Say "data-dns fail" }
        'tls' { Say "data-dns ok"; Say "data-tcp ok"; Say "data-tls fail" }
        default { Say "data-dns ok"; Say "data-tcp fail error=$(FailOf $E)" }
      }
    }
  }
}
Say "acr-doctor-kit end"
"#;

#[cfg(test)]
mod tests;
