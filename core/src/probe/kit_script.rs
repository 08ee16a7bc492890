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

/// The `kubectl` command that runs the `sh` kit in a pod of the cluster, saved as a file.
pub const KUBECTL: &str = "kubectl run acr-doctor-kit --rm -i --restart=Never --image=mcr.microsoft.com/azurelinux/base/core:3.0 --command -- sh -s < acr-doctor-kit.sh";

/// The `sh` kit for a registry (and an image to follow).
pub fn sh(target: &Target, image: Option<&Image>) -> String {
    let (port, tls) = match target.origin.split_once("://") {
        Some(("http", rest)) => (rest.rsplit_once(':').map_or("80", |(_, p)| p), false),
        Some((_, rest)) => (
            rest.rsplit_once(':')
                .filter(|(h, _)| !h.ends_with(']'))
                .map_or("443", |(_, p)| p),
            true,
        ),
        None => ("443", true),
    };
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
ms() { awk -v s="$1" 'BEGIN { printf "%dms", s * 1000 }'; }
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
  if command -v getent >/dev/null 2>&1; then
    A=$(getent ahostsv4 "$HOST" 2>/dev/null | awk '{ print $1 }' | sort -u | paste -s -d, -)
  else
    A=$(nslookup "$HOST" 2>/dev/null | awk '/^Address: / { print $2 }' | paste -s -d, -)
  fi
  C=$(nslookup "$HOST" 2>/dev/null | awk '/canonical name/ { sub(/\.$/, "", $NF); c = (c ? c ">" : $1 ">") $NF } END { print c }')
  if [ -n "$A" ]; then say "dns ok addresses=$A cnames=$C"; else say "dns fail error=nxdomain"; fi
fi

# 2. TCP, and TLS with the certificate's issuer.
R=$(printf '' | kcurl -o /dev/null -w '%{time_connect} %{time_appconnect}' "$ORIGIN/v2/" 2>/dev/null); E=$?
case "$(fail_of $E)" in
  curl-0) say "tcp ok $(ms "${R%% *}")" ;;
  tls) say "tcp ok" ;;
  *) say "tcp fail error=$(fail_of $E)"; say "acr-doctor-kit end"; exit 0 ;;
esac
if [ "$TLS" = yes ]; then
  I=""
  if command -v openssl >/dev/null 2>&1; then
    I=$(openssl s_client -connect "$HOST:$PORT" -servername "$HOST" </dev/null 2>/dev/null | openssl x509 -noout -issuer 2>/dev/null | sed 's/^issuer= *//')
  fi
  if [ "$E" = 0 ]; then say "tls ok $(ms "${R##* }") issuer=$(enc "$I")"; else say "tls fail issuer=$(enc "$I")"; say "acr-doctor-kit end"; exit 0; fi
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
field() { tr -d '\n ' | sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
# The status curl wrote last; 000 (no answer) is a failure.
code() { C=$(printf '%s' "$1" | tail -n 1); [ "$C" = 000 ] || [ -z "$C" ] && C=fail; printf '%s' "$C"; }
if [ -z "$REALM" ]; then
  say "token skip"
elif [ -n "${ACR_USERNAME:-}" ] && [ -n "${ACR_PASSWORD:-}" ]; then
  O=$(printf 'user = "%s:%s"\n' "$ACR_USERNAME" "$ACR_PASSWORD" | kcurl -w '\n%{http_code}' -G --data-urlencode "service=$SERVICE" --data-urlencode "scope=$SCOPE" "$REALM" 2>/dev/null)
  AT=$(printf '%s' "$O" | sed '$d' | field access_token)
  say "token $(code "$O") via=basic length=${#AT} scope=$SCOPE"
elif command -v az >/dev/null 2>&1 && ET=$(az account get-access-token --resource https://containerregistry.azure.net --query accessToken -o tsv 2>/dev/null) && [ -n "$ET" ]; then
  BASE=${REALM%/oauth2/token}
  O=$(printf 'data = "grant_type=access_token&service=%s&access_token=%s"\n' "$SERVICE" "$ET" | kcurl -w '\n%{http_code}' "$BASE/oauth2/exchange" 2>/dev/null)
  RT=$(printf '%s' "$O" | sed '$d' | field refresh_token)
  if [ -n "$RT" ]; then
    O=$(printf 'data = "grant_type=refresh_token&service=%s&scope=%s&refresh_token=%s"\n' "$SERVICE" "$SCOPE" "$RT" | kcurl -w '\n%{http_code}' "$BASE/oauth2/token" 2>/dev/null)
    AT=$(printf '%s' "$O" | sed '$d' | field access_token)
  fi
  say "token $(code "$O") via=entra length=${#AT} scope=$SCOPE"
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
