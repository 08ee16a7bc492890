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
use crate::values::{is_repository, is_tag};

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

/// The PowerShell kit (Windows PowerShell 5.1 or later): the same steps and transcript as the
/// `sh` kit, with the built-in `curl.exe`, `Resolve-DnsName`, and .NET for the certificate.
pub fn ps(target: &Target, image: Option<&Image>) -> String {
    let (port, tls) = port_and_tls(target);
    let (repository, tag) = image
        .map(|i| (i.repository.as_str(), i.tag.as_str()))
        .unwrap_or(("", ""));
    let mut s = String::from(PS_HEADER);
    s.push_str(&format!(
        "$Origin = '{}'\n$HostName = '{}'\n$Port = '{}'\n$Tls = '{}'\n$Repo = '{}'\n$Tag = '{}'\n",
        target.origin,
        target.host,
        port,
        if tls { "yes" } else { "no" },
        repository,
        tag
    ));
    s.push_str(PS_BODY);
    s
}

fn port_and_tls(target: &Target) -> (&str, bool) {
    match target.origin.split_once("://") {
        Some(("http", rest)) => (rest.rsplit_once(':').map_or("80", |(_, p)| p), false),
        Some((_, rest)) => (
            rest.rsplit_once(':')
                .filter(|(h, _)| !h.ends_with(']'))
                .map_or("443", |(_, p)| p),
            true,
        ),
        None => ("443", true),
    }
}

/// The `sh` kit for a registry (and an image to follow).
pub fn sh(target: &Target, image: Option<&Image>) -> String {
    let (port, tls) = port_and_tls(target);
    let (repository, tag) = image
        .map(|i| (i.repository.as_str(), i.tag.as_str()))
        .unwrap_or(("", ""));
    let mut s = String::new();
    s.push_str(HEADER);
    s.push_str(&format!(
        "ORIGIN='{}'\nHOST='{}'\nPORT='{}'\nTLS='{}'\nREPO='{}'\nTAG='{}'\n",
        target.origin,
        target.host,
        port,
        if tls { "yes" } else { "no" },
        repository,
        tag
    ));
    s.push_str(BODY);
    s
}

const HEADER: &str = r#"#!/bin/sh
# acr-doctor probe kit, transcript version 1.
# Checks, read-only, what a pull from this machine needs: DNS, TCP and TLS to the registry, its
# /v2/ challenge, a token, the image's manifest, and the data endpoint its layers come from.
# It changes nothing and needs no root. It prints no secret: a token as its length, a redirect
# as its host; secrets reach curl on its standard input, never on a command line.
# Credentials, if any: ACR_USERNAME and ACR_PASSWORD (admin user, token, service principal),
# else `az account get-access-token` when az is signed in. Each request stops after
# ACR_KIT_TIMEOUT seconds (10). Test override: ACR_KIT_CURL_OPTS adds curl options (--resolve,
# --cacert) without editing the system.
# Paste everything it prints into acr-doctor.
set -u
"#;

const BODY: &str = r#"T="${ACR_KIT_TIMEOUT:-10}"
X="${ACR_KIT_CURL_OPTS:-}"
say() { printf '%s\n' "$*"; }
enc() { printf '%s' "$1" | tr -d '\r\n' | sed 's/ /%20/g'; }
ms() { if command -v awk >/dev/null 2>&1; then awk -v s="$1" 'BEGIN { printf "%dms", s * 1000 }'; fi; }
# curl with a config read from stdin (headers and credentials stay off the command line).
kcurl() { curl -sS --max-time "$T" $X -K - "$@"; }
fail_of() { case "$1" in 6) echo dns ;; 7) echo refused ;; 28) echo timeout ;; 35|51|58|60|77|83|90|91) echo tls ;; *) echo "curl-$1" ;; esac; }

say "acr-doctor-kit 1 $ORIGIN"

# 1. DNS, as this machine resolves the name.
case "$HOST" in
  localhost|*[!0-9.]*) ;;
  *) HOST_IS_IP=yes ;;
esac
if [ "${HOST_IS_IP:-}" != yes ] && [ "$HOST" != localhost ]; then
  # Small images lack some tools: with no way to ask, the step says so rather than "no such name".
  HAS_AWK=""; if command -v awk >/dev/null 2>&1; then HAS_AWK=yes; fi
  DNS_TOOL=""
  if command -v getent >/dev/null 2>&1; then
    DNS_TOOL=getent
    A=$(getent ahostsv4 "$HOST" 2>/dev/null | cut -d' ' -f1 | sort -u | paste -s -d, -)
    # IPv6 too (glibc maps IPv4 answers into ::ffff:…, which are not IPv6 addresses of the name).
    A6=$(getent ahostsv6 "$HOST" 2>/dev/null | cut -d' ' -f1 | grep -v '^::ffff:' | sort -u | paste -s -d, -)
  elif command -v nslookup >/dev/null 2>&1 && [ -n "$HAS_AWK" ]; then
    DNS_TOOL=nslookup
    A=$(nslookup "$HOST" 2>/dev/null | awk '/^Address: / { print $2 }' | paste -s -d, -)
  fi
  C=""
  if command -v nslookup >/dev/null 2>&1 && [ -n "$HAS_AWK" ]; then
    C=$(nslookup "$HOST" 2>/dev/null | awk '/canonical name/ { sub(/\.$/, "", $NF); c = (c ? c ">" : $1 ">") $NF } END { print c }')
  fi
  if [ -z "$DNS_TOOL" ]; then say "dns skip"
  elif [ -n "$A" ]; then say "dns ok addresses=$A cnames=$C${A6+ aaaa=$A6}"
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
R=$(printf '' | kcurl -o /dev/null -w '%{time_connect} %{time_appconnect}' "$ORIGIN/v2/" 2>/dev/null); E=$?
case "$(fail_of $E)" in
  curl-0) say "tcp ok $(ms "${R%% *}")${PX:+ proxy=$PX}" ;;
  tls) say "tcp ok${PX:+ proxy=$PX}" ;;
  *) say "tcp fail error=$(fail_of $E)"; say "acr-doctor-kit end"; exit 0 ;;
esac
if [ "$TLS" = yes ]; then
  I=""; N=""
  if command -v openssl >/dev/null 2>&1; then
    # Through the same proxy as curl, and never longer than curl's limit.
    TO=""; if command -v timeout >/dev/null 2>&1; then TO="timeout $T"; fi
    CERT=$($TO openssl s_client -connect "$HOST:$PORT" -servername "$HOST" ${PHP:+-proxy "$PHP"} </dev/null 2>/dev/null | openssl x509 2>/dev/null)
    I=$(printf '%s\n' "$CERT" | openssl x509 -noout -issuer 2>/dev/null | sed 's/^issuer= *//')
    N=$(printf '%s\n' "$CERT" | openssl x509 -noout -ext subjectAltName 2>/dev/null | tr ',' '\n' | sed -n 's/^ *DNS://p' | paste -s -d, -)
  fi
  if [ "$E" = 0 ]; then say "tls ok $(ms "${R##* }") issuer=$(enc "$I") names=$N"; else say "tls fail issuer=$(enc "$I") names=$N"; say "acr-doctor-kit end"; exit 0; fi
fi

# 3. GET /v2/: the status and the challenge (and the address a firewall saw).
B=$(printf '' | kcurl -D - "$ORIGIN/v2/" 2>/dev/null | tr -d '\r')
S=$(printf '%s\n' "$B" | awk 'NR == 1 { print $2 }')
W=$(printf '%s\n' "$B" | sed -n 's/^[Ww][Ww][Ww]-[Aa]uthenticate: *//p' | head -n 1)
IP=$(printf '%s\n' "$B" | sed -n "s/.*client with IP '\([0-9a-fA-F.:]*\)'.*/\1/p" | head -n 1)
say "v2 ${S:-000} www-authenticate=$(enc "$W")${IP:+ client-ip=$IP}"

# 4. A token, with the credentials at hand.
REALM=$(printf '%s' "$W" | sed -n 's/.*realm="\([^"]*\)".*/\1/p')
SERVICE=$(printf '%s' "$W" | sed -n 's/.*service="\([^"]*\)".*/\1/p')
if [ -n "$REPO" ]; then SCOPE="repository:$REPO:pull"; else SCOPE="registry:catalog:*"; fi
AT=""
# A value inside a quoted curl config string: its backslashes and quotes escaped.
cq() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
field() { tr -d '\n ' | sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
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
      "$(printf '%s' "$E" | sed -n 's/.*"actions":\[\([^]]*\)\].*/\1/p' | tr -d '"')"
  done
}
# The status curl wrote last; 000 (no answer) is a failure.
code() { C=$(printf '%s' "$1" | tail -n 1); [ "$C" = 000 ] || [ -z "$C" ] && C=fail; printf '%s' "$C"; }
if [ -z "$REALM" ]; then
  say "token skip"
elif [ -n "${ACR_USERNAME:-}" ] && [ -n "${ACR_PASSWORD:-}" ]; then
  O=$(printf 'user = "%s:%s"\n' "$(cq "$ACR_USERNAME")" "$(cq "$ACR_PASSWORD")" | kcurl -w '\n%{http_code}' -G --data-urlencode "service=$SERVICE" --data-urlencode "scope=$SCOPE" "$REALM" 2>/dev/null)
  AT=$(printf '%s' "$O" | sed '$d' | field access_token)
  GR=$(granted "$AT")
  say "token $(code "$O") via=basic length=${#AT} scope=$SCOPE$GR"
elif command -v az >/dev/null 2>&1 && ET=$(az account get-access-token --resource https://containerregistry.azure.net --query accessToken -o tsv 2>/dev/null) && [ -n "$ET" ]; then
  BASE=${REALM%/oauth2/token}
  O=$(printf 'data = "grant_type=access_token&service=%s&access_token=%s"\n' "$SERVICE" "$ET" | kcurl -w '\n%{http_code}' "$BASE/oauth2/exchange" 2>/dev/null)
  RT=$(printf '%s' "$O" | sed '$d' | field refresh_token)
  if [ -n "$RT" ]; then
    O=$(printf 'data = "grant_type=refresh_token&service=%s&scope=%s&refresh_token=%s"\n' "$SERVICE" "$SCOPE" "$RT" | kcurl -w '\n%{http_code}' "$BASE/oauth2/token" 2>/dev/null)
    AT=$(printf '%s' "$O" | sed '$d' | field access_token)
  fi
  GR=$(granted "$AT")
  say "token $(code "$O") via=entra length=${#AT} scope=$SCOPE$GR"
else
  say "token skip"
fi

# 5. The image: its manifest, then its config blob without following the redirect.
if [ -n "$REPO" ] && [ -n "$AT" ]; then
  ACCEPT="application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json"
  O=$(printf 'header = "Authorization: Bearer %s"\nheader = "Accept: %s"\n' "$AT" "$ACCEPT" | kcurl -w '\n%{http_code}' "$ORIGIN/v2/$REPO/manifests/$TAG" 2>/dev/null)
  say "manifest $(code "$O")"
  D=$(printf '%s' "$O" | sed '$d' | tr -d '\n ' | sed -n 's/.*"config":{[^}]*"digest":"\(sha256:[0-9a-f]*\)".*/\1/p')
  if [ -n "$D" ]; then
    O=$(printf 'header = "Authorization: Bearer %s"\n' "$AT" | kcurl -o /dev/null -w '%{http_code} %{redirect_url}' "$ORIGIN/v2/$REPO/blobs/$D" 2>/dev/null)
    LOC=${O#* }
    DH=$(printf '%s' "$LOC" | sed -n 's#^[a-zA-Z]*://\([^/:?]*\).*#\1#p')
    say "blob ${O%% *}${DH:+ location-host=$DH}"
    if [ -n "$DH" ]; then
      if command -v getent >/dev/null 2>&1 && ! getent hosts "$DH" >/dev/null 2>&1; then
        say "data-dns fail"
      else
        say "data-dns ok"
        # The redirect's own signed URL, read from stdin: a few bytes, with no Authorization.
        R=$(printf 'url = "%s"\n' "$LOC" | kcurl -o /dev/null -r 0-15 -w '%{http_code} %{time_total}' 2>/dev/null); E=$?
        case "$(fail_of $E)" in
          curl-0)
            say "data-tcp ok"
            case "$LOC" in https:*) say "data-tls ok" ;; esac
            say "data-get ${R%% *} $(ms "${R##* }")" ;;
          tls) say "data-tcp ok"; say "data-tls fail" ;;
          dns) say "data-dns fail" ;;
          *) say "data-tcp fail error=$(fail_of $E)" ;;
        esac
      fi
    fi
  fi
fi
say "acr-doctor-kit end"
"#;

const PS_HEADER: &str = r#"# acr-doctor probe kit, transcript version 1 (Windows PowerShell 5.1 or later).
# Checks, read-only, what a pull from this machine needs: DNS, TCP and TLS to the registry, its
# /v2/ challenge, a token, the image's manifest, and the data endpoint its layers come from.
# It changes nothing and needs no administrator. It prints no secret: a token as its length, a
# redirect as its host; secrets reach curl.exe on its standard input, never on a command line.
# Credentials, if any: $env:ACR_USERNAME and $env:ACR_PASSWORD, else a signed-in az.
# Each request stops after $env:ACR_KIT_TIMEOUT seconds (10).
# Paste everything it prints into acr-doctor.
"#;

const PS_BODY: &str = r#"$T = if ($env:ACR_KIT_TIMEOUT) { $env:ACR_KIT_TIMEOUT } else { '10' }
function Say([string]$Line) { Write-Output $Line }
function Enc([string]$Text) { (($Text -replace "`r|`n", '') -replace ' ', '%20') }
function Ms([string]$Seconds) { '{0}ms' -f [int]([double]::Parse($Seconds, [Globalization.CultureInfo]::InvariantCulture) * 1000) }
# curl.exe with a config read from stdin (headers and credentials stay off the command line).
function KCurl([string]$Config, [string[]]$CurlArgs) { $Config | & curl.exe -sS --max-time $T -K - @CurlArgs 2>$null }
function FailOf([int]$Code) { switch ($Code) { 6 { 'dns' } 7 { 'refused' } 28 { 'timeout' } { $_ -in 35, 51, 58, 60, 77, 83, 90, 91 } { 'tls' } default { "curl-$Code" } } }
function Code([string[]]$Out) { $c = ($Out | Select-Object -Last 1); if (-not $c -or $c -eq '000') { 'fail' } else { $c } }
# A value inside a quoted curl config string: its backslashes and quotes escaped.
function Cq([string]$Value) { $Value.Replace('\', '\\').Replace('"', '\"') }
function Field([string]$Json, [string]$Name) { if ($Json -match ('"' + $Name + '"\s*:\s*"([^"]+)"')) { $Matches[1] } else { '' } }
# What a token grants, from its "access" claim decoded here (" granted=type:name:actions;..."),
# or nothing when it cannot be decoded. The token itself is never printed.
function Granted([string]$Token) {
  $p = @($Token -split '\.')
  if ($p.Count -lt 2) { return '' }
  $b = $p[1].Replace('-', '+').Replace('_', '/')
  switch ($b.Length % 4) { 2 { $b += '==' } 3 { $b += '=' } }
  try { $c = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($b)) | ConvertFrom-Json } catch { return '' }
  if (-not $c.grant_type) { return '' }
  ' granted=' + (@($c.access | ForEach-Object { '{0}:{1}:{2};' -f $_.type, $_.name, (@($_.actions) -join ',') }) -join '')
}

Say "acr-doctor-kit 1 $Origin"

# 1. DNS, as this machine resolves the name.
if ($HostName -notmatch '^[0-9.]+$' -and $HostName -ne 'localhost') {
  try {
    $r = Resolve-DnsName -Name $HostName -ErrorAction Stop
    $a = ($r | Where-Object { $_.Type -eq 'A' } | ForEach-Object { $_.IPAddress }) -join ','
    $a6 = ($r | Where-Object { $_.Type -eq 'AAAA' } | ForEach-Object { $_.IPAddress }) -join ','
    $c = (@($HostName) + @($r | Where-Object { $_.Type -eq 'CNAME' } | ForEach-Object { $_.NameHost })) -join '>'
    if ($a) { Say "dns ok addresses=$a cnames=$c aaaa=$a6" } else { Say "dns fail error=nxdomain" }
  } catch { Say "dns fail error=nxdomain" }
}

# 2. TCP, and TLS with the certificate's issuer and names. The proxy in use, if any, by its host.
# The variables curl reads for this scheme (names are not case-sensitive on Windows).
$P = if ($Origin -like 'https:*') { $env:HTTPS_PROXY } else { $env:http_proxy }
if (-not $P) { $P = if ($env:ALL_PROXY) { $env:ALL_PROXY } else { '' } }
$PX = if ($P -match '^(?:[a-zA-Z]+://)?(?:[^@/]*@)?([^:/]+)') { " proxy=$($Matches[1])" } else { '' }
$R = KCurl '' @('-o', 'NUL', '-w', '%{time_connect} %{time_appconnect}', "$Origin/v2/"); $E = $LASTEXITCODE
switch (FailOf $E) {
  'curl-0' { Say "tcp ok $(Ms ($R -split ' ')[0])$PX" }
  'tls' { Say "tcp ok$PX" }
  default { Say "tcp fail error=$(FailOf $E)"; Say "acr-doctor-kit end"; return }
}
if ($Tls -eq 'yes') {
  $I = ''; $N = ''
  try {
    $tcp = New-Object Net.Sockets.TcpClient($HostName, [int]$Port)
    $ssl = New-Object Net.Security.SslStream($tcp.GetStream(), $false, { $true })
    $ssl.AuthenticateAsClient($HostName); $I = $ssl.RemoteCertificate.Issuer
    $N = ((New-Object Security.Cryptography.X509Certificates.X509Certificate2($ssl.RemoteCertificate)).DnsNameList | ForEach-Object { $_.Unicode }) -join ','
    $ssl.Dispose(); $tcp.Dispose()
  } catch { }
  if ($E -eq 0) {
    Say "tls ok $(Ms ($R -split ' ')[1]) issuer=$(Enc $I) names=$N"
  } else {
    Say "tls fail issuer=$(Enc $I) names=$N"
    Say "acr-doctor-kit end"
    return
  }
}

# 3. GET /v2/: the status and the challenge (and the address a firewall saw).
$B = KCurl '' @('-D', '-', "$Origin/v2/")
$S = (($B | Select-Object -First 1) -split ' ')[1]
$W = ($B | Where-Object { $_ -match '^www-authenticate:' } | Select-Object -First 1) -replace '^[^:]*:\s*', ''
$IP = if (($B -join "`n") -match "client with IP '([0-9a-fA-F.:]+)'") { $Matches[1] } else { '' }
Say ("v2 $(if ($S) { $S } else { '000' }) www-authenticate=$(Enc $W)" + $(if ($IP) { " client-ip=$IP" } else { '' }))

# 4. A token, with the credentials at hand.
$Realm = if ($W -match 'realm="([^"]*)"') { $Matches[1] } else { '' }
$Service = if ($W -match 'service="([^"]*)"') { $Matches[1] } else { '' }
$Scope = if ($Repo) { "repository:${Repo}:pull" } else { 'registry:catalog:*' }
$AT = ''
if (-not $Realm) {
  Say "token skip"
} elseif ($env:ACR_USERNAME -and $env:ACR_PASSWORD) {
  $O = KCurl ('user = "{0}:{1}"' -f (Cq $env:ACR_USERNAME), (Cq $env:ACR_PASSWORD)) @('-w', "`n%{http_code}", '-G', '--data-urlencode', "service=$Service", '--data-urlencode', "scope=$Scope", $Realm)
  $AT = Field ($O -join '') 'access_token'
  $GR = Granted $AT
  Say "token $(Code $O) via=basic length=$($AT.Length) scope=$Scope$GR"
} elseif ((Get-Command az -ErrorAction SilentlyContinue) -and ($ET = az account get-access-token --resource https://containerregistry.azure.net --query accessToken -o tsv 2>$null)) {
  $Base = $Realm -replace '/oauth2/token$', ''
  $O = KCurl ('data = "grant_type=access_token&service={0}&access_token={1}"' -f $Service, $ET) @('-w', "`n%{http_code}", "$Base/oauth2/exchange")
  $RT = Field ($O -join '') 'refresh_token'
  if ($RT) {
    $O = KCurl ('data = "grant_type=refresh_token&service={0}&scope={1}&refresh_token={2}"' -f $Service, $Scope, $RT) @('-w', "`n%{http_code}", "$Base/oauth2/token")
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
  $O = KCurl ("header = `"Authorization: Bearer {0}`"`nheader = `"Accept: {1}`"" -f $AT, $Accept) @('-w', "`n%{http_code}", "$Origin/v2/$Repo/manifests/$Tag")
  Say "manifest $(Code $O)"
  $D = if (($O -join '') -match '"config"\s*:\s*\{[^}]*"digest"\s*:\s*"(sha256:[0-9a-f]+)"') { $Matches[1] } else { '' }
  if ($D) {
    $O = KCurl ('header = "Authorization: Bearer {0}"' -f $AT) @('-o', 'NUL', '-w', '%{http_code} %{redirect_url}', "$Origin/v2/$Repo/blobs/$D")
    $Code, $LOC = ($O -join '') -split ' ', 2
    $DH = if ($LOC -match '^[a-zA-Z]+://([^/:?]+)') { $Matches[1] } else { '' }
    Say ("blob $Code" + $(if ($DH) { " location-host=$DH" } else { '' }))
    if ($DH) {
      try { $null = Resolve-DnsName -Name $DH -ErrorAction Stop; Say "data-dns ok" } catch { Say "data-dns fail" }
      # The redirect's own signed URL, read from stdin: a few bytes, with no Authorization.
      $R = KCurl ('url = "{0}"' -f $LOC) @('-o', 'NUL', '-r', '0-15', '-w', '%{http_code} %{time_total}'); $E = $LASTEXITCODE
      switch (FailOf $E) {
        'curl-0' {
          Say "data-tcp ok"
          if ($LOC -like 'https:*') {
            Say "data-tls ok"
          }
          Say "data-get $(($R -split ' ')[0]) $(Ms ($R -split ' ')[1])"
        }
        'tls' { Say "data-tcp ok"; Say "data-tls fail" }
        'dns' { Say "data-dns fail" }
        default { Say "data-tcp fail error=$(FailOf $E)" }
      }
    }
  }
}
Say "acr-doctor-kit end"
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::target::parse_target;

    #[test]
    fn the_script_holds_only_checked_values() {
        let t = parse_target("contoso").expect("target");
        let image = Image::parse("team/web:v2").expect("image");
        let s = sh(&t, Some(&image));
        assert!(s.contains("ORIGIN='https://contoso.azurecr.io'\nHOST='contoso.azurecr.io'\nPORT='443'\nTLS='yes'\nREPO='team/web'\nTAG='v2'\n"));
        assert!(s.starts_with("#!/bin/sh\n"));
        assert_eq!(Image::parse("web").map(|i| i.tag), Some("latest".into()));
        for hostile in ["web';id;'", "Web:v1", "web:v1;id", "a b", "web:$(id)"] {
            assert_eq!(Image::parse(hostile), None, "{hostile}");
        }
        let local = parse_target("http://127.0.0.1:15001").expect("local");
        assert!(sh(&local, None).contains("PORT='15001'\nTLS='no'\nREPO=''\nTAG=''\n"));
    }

    /// The transcript lines a kit prints, in order: `say "dns ok` → `dns ok`.
    fn printed(script: &str, say: &str) -> Vec<String> {
        script
            .lines()
            .flat_map(|l| l.split(say).skip(1))
            .filter_map(|rest| {
                let rest = rest.trim_start_matches(['"', '(']);
                let words: Vec<&str> = rest.split_whitespace().take(2).collect();
                (words.len() == 2).then(|| format!("{} {}", words[0], words[1]))
            })
            .map(|w| w.trim_end_matches(['"', ';', ')']).to_owned())
            .collect()
    }

    #[test]
    fn the_powershell_kit_prints_the_same_transcript() {
        let t = parse_target("contoso").expect("t");
        let image = Image::parse("team/web:v2");
        let sh = sh(&t, image.as_ref());
        let ps = ps(&t, image.as_ref());
        assert!(ps.contains("$Origin = 'https://contoso.azurecr.io'\n$HostName = 'contoso.azurecr.io'\n$Port = '443'\n$Tls = 'yes'\n$Repo = 'team/web'\n$Tag = 'v2'\n"));
        // The same step lines (names and results), in the same order.
        let steps = |lines: Vec<String>| -> Vec<String> {
            lines
                .into_iter()
                .map(|l| l.split(' ').next().unwrap_or("").to_owned())
                .collect()
        };
        let mut sh_steps = steps(printed(&sh, "say "));
        let mut ps_steps = steps(printed(&ps, "Say "));
        sh_steps.dedup();
        ps_steps.dedup();
        assert_eq!(ps_steps, sh_steps);
        for name in [
            "dns", "tcp", "tls", "v2", "token", "manifest", "blob", "data-dns", "data-tcp",
            "data-tls", "data-get",
        ] {
            assert!(ps_steps.iter().any(|s| s == name), "{name}");
        }
        // Nothing secret printed, nothing secret on curl.exe's command line.
        let secrets = ["$AT", "$RT", "$ET", "$env:ACR_PASSWORD", "$LOC", "$O "];
        for line in ps.lines() {
            if let Some((_, said)) = line.split_once("Say ") {
                let said = said.replace("$($AT.Length)", "").replace("$(Code $O)", "");
                assert!(!secrets.iter().any(|x| said.contains(x)), "printed: {line}");
            }
            if let Some((_, args)) = line.split_once(") @(") {
                assert!(
                    !secrets.iter().any(|x| args.contains(x)),
                    "on curl.exe's command line: {line}"
                );
            }
        }
    }

    #[test]
    fn no_secret_on_a_command_line_or_in_the_output() {
        let s = sh(&parse_target("r").expect("t"), None);
        let secrets = ["$AT", "$RT", "$ET", "$ACR_PASSWORD", "$LOC", "\"$O\""];
        for line in s.lines() {
            // Nothing printed carries a secret (a token's length, `${#AT}`, is not one).
            if let Some((_, said)) = line.split_once("say ") {
                // (`code "$O"` prints only the status curl wrote on the last line.)
                let l = said.replace("${#AT}", "").replace("$(code \"$O\")", "");
                assert!(!secrets.iter().any(|x| l.contains(x)), "printed: {line}");
            }
            // A secret reaches curl on its standard input: never after `| kcurl`.
            if let Some((_, args)) = line.split_once("| kcurl") {
                assert!(
                    !secrets.iter().any(|x| args.contains(x)),
                    "on curl's command line: {line}"
                );
            }
            let code = !line.trim_start().starts_with('#');
            assert!(
                !code || !line.replace("kcurl", "").contains("curl ") || line.contains("kcurl() {"),
                "curl outside kcurl: {line}"
            );
        }
        assert!(!s.contains("set -x"));
        assert!(!s.contains(" -L"), "never follow a redirect");
    }
}
