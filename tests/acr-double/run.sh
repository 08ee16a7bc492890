#!/usr/bin/env bash
# Run every case of matrix.tsv: the real client against the ACR double's fault, its output
# captured verbatim (stdout and stderr, as a terminal would show them) under a header naming
# the client's version, the fault and the command. Writes OUTDIR/<client>-<fault>.txt.
# The double must be running (start.sh RUNDIR). Docker's daemon and containerd are started here,
# inside the double's namespace, with state of their own.
# Usage: run.sh RUNDIR OUTDIR AZ SDK_PYTHON
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
run=${1:?run dir}; out=${2:?output dir}; az=${3:?az}; sdk_python=${4:?python with azure-containerregistry}
mkdir -p "$out"
. "$here/faults.sh"
ns() { "$here/ns.sh" "$run" "$@"; }
export AZURE_CONFIG_DIR="$run/home/az" AZURE_CORE_COLLECT_TELEMETRY=no AZURE_CORE_NO_COLOR=yes \
  REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
# No stored credentials but each case's own: a home, Docker's config and the containers' auth
# file of the run's.
export HOME="$run/home" DOCKER_CONFIG="$run/home/.docker" REGISTRY_AUTH_FILE="$run/home/auth.json" \
  XDG_RUNTIME_DIR="$run/home/xdg"
fresh_home() {
  rm -rf "$HOME" && mkdir -p "$AZURE_CONFIG_DIR" "$HOME" "$XDG_RUNTIME_DIR"
  echo '{"auths":{}}' >"$REGISTRY_AUTH_FILE"
}
fresh_home

# The registry a fault answers on, and the login server's full name.
name_of() {
  case $1 in
    dns) echo "$MISSING_NAME" ;;
    anonymous|wrong-password|login-wrong-password|missing-tag|missing-repository) echo "${LOGIN[healthy]}" ;;
    *) echo "${LOGIN[$1]}" ;;
  esac
}
creds() { case $1 in anonymous) ;; wrong-password|login-wrong-password) echo testadmin:wrong ;; *) echo testadmin:testpassword ;; esac; }
tag() { case $1 in missing-tag) echo v9 ;; *) echo v1 ;; esac; }

# Docker's daemon, in the namespace (it resolves the names itself).
docker_start() {
  rm -rf "$run/docker"; mkdir -p "$run/docker"
  ns dockerd --data-root "$run/docker/data" --exec-root "$run/docker/exec" -H "unix://$run/docker/sock" \
    --pidfile "$run/docker/pid" --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs \
    >"$run/docker/log" 2>&1 </dev/null &
  echo $! >"$run/dockerd.pid"
  for _ in $(seq 1 150); do grep -q 'API listen' "$run/docker/log" 2>/dev/null && return 0; sleep 0.2; done
  echo "dockerd did not start" >&2; tail -5 "$run/docker/log" >&2; return 1
}
# containerd, fresh for each case (a pulled blob would otherwise be read from its store).
containerd_start() {
  rm -rf "$run/ctrd"; mkdir -p "$run/ctrd"
  containerd --root "$run/ctrd/root" --state "$run/ctrd/state" --address "$run/ctrd/sock" >"$run/ctrd/log" 2>&1 </dev/null &
  echo $! >"$run/containerd.pid"
  for _ in $(seq 1 100); do [ -S "$run/ctrd/sock" ] && return 0; sleep 0.1; done
  return 1
}
containerd_stop() { kill "$(cat "$run/containerd.pid")" 2>/dev/null; wait "$(cat "$run/containerd.pid")" 2>/dev/null; }

version() {
  case $1 in
    curl) curl --version | head -n 1 | cut -d' ' -f1-2 ;;
    skopeo) skopeo --version ;;
    podman) podman --version ;;
    ctr) ctr --version ;;
    docker) echo "docker CLI $(docker -H "unix://$run/docker/sock" version --format '{{.Client.Version}}, daemon {{.Server.Version}}' 2>/dev/null)" ;;
    py-sdk) echo "azure-containerregistry $("$sdk_python" -c 'import azure.containerregistry as m; print(m.__version__)') (Python)" ;;
    az-*) echo "azure-cli $("$az" version --query '"azure-cli"' -o tsv 2>/dev/null)" ;;
  esac
}

# The command of a case, as a person would type it (secrets shown as ***), then run.
case_command() {  # client fault → sets CMD (shown) and RUNS (run)
  local c=$1 f=$2 n; n=$(name_of "$f")
  local host="$n.azurecr.io" cr; cr=$(creds "$f")
  local image="$host/hello:$(tag "$f")"
  # A fresh layer for a push: its own bytes each time.
  local layer="$run/push-$c-$f.tar"
  mkdir -p "$run/push" && date +%s%N >"$run/push/stamp" && tar -C "$run/push" -cf "$layer" stamp
  case $c in
    curl) RUN=(curl -sS -i -m 10 "https://$host/v2/") ;;
    skopeo) RUN=(skopeo --command-timeout 20s inspect ${cr:+--creds "$cr"} "docker://$image") ;;
    podman)
      case $f in
        locked|upload-expired)
          RUN=(sh -c "podman --root '$run/podman/root' --runroot '$run/podman/run' --storage-driver vfs import -q '$layer' $host/hello:v2 >/dev/null &&
            podman --root '$run/podman/root' --runroot '$run/podman/run' --storage-driver vfs push --creds testadmin:testpassword $host/hello:v2")
          SHOWN="podman import layer.tar $host/hello:v2; podman push --creds testadmin:*** $host/hello:v2" ;;
        *) RUN=(podman --root "$run/podman/root" --runroot "$run/podman/run" --storage-driver vfs pull ${cr:+--creds "$cr"} "$image") ;;
      esac ;;
    ctr)
      case $f in
        locked|upload-expired)
          RUN=(sh -c "ctr --address '$run/ctrd/sock' images pull --user testadmin:testpassword contoso.azurecr.io/hello:v1 >/dev/null &&
            ctr --address '$run/ctrd/sock' images tag contoso.azurecr.io/hello:v1 $host/hello:v2 >/dev/null &&
            ctr --address '$run/ctrd/sock' images push --user testadmin:testpassword $host/hello:v2")
          SHOWN="ctr images pull (contoso.azurecr.io/hello:v1), tag as $host/hello:v2; ctr images push --user testadmin:*** $host/hello:v2" ;;
        *) RUN=(ctr --address "$run/ctrd/sock" images pull ${cr:+--user "$cr"} "$image") ;;
      esac ;;
    docker)
      local d="docker -H unix://$run/docker/sock"
      # No image from an earlier case: each pull reads the registry and its data endpoint.
      docker -H "unix://$run/docker/sock" image prune -af >/dev/null 2>&1
      case $f in
        healthy) RUN=(sh -c "echo testpassword | $d login $host -u testadmin --password-stdin 2>&1; $d pull $image")
                 SHOWN="docker login $host -u testadmin --password-stdin; docker pull $image" ;;
        login-wrong-password) RUN=(sh -c "echo wrong | $d login $host -u testadmin --password-stdin")
                 SHOWN="docker login $host -u testadmin --password-stdin" ;;
        anonymous) RUN=(sh -c "$d pull $image"); SHOWN="docker pull $image" ;;
        locked|upload-expired)
          # A layer the registry has never seen, so the push opens an upload session.
          RUN=(sh -c "echo testpassword | $d login $host -u testadmin --password-stdin >/dev/null 2>&1;
            $d import '$layer' $host/hello:v2 >/dev/null && $d push $host/hello:v2")
          SHOWN="docker import layer.tar $host/hello:v2; docker push $host/hello:v2" ;;
        *) RUN=(sh -c "echo testpassword | $d login $host -u testadmin --password-stdin >/dev/null 2>&1; $d pull $image")
           SHOWN="docker login $host -u testadmin --password-stdin; docker pull $image (login's output not shown)" ;;
      esac ;;
    az-tags)
      local repo=hello pw=testpassword
      [ "$f" = missing-repository ] && repo=nope
      [ "$f" = wrong-password ] && pw=wrong
      RUN=("$az" acr repository show-tags -n "$n" --username testadmin --password "$pw" --repository "$repo")
      SHOWN="az acr repository show-tags -n $n --username testadmin --password *** --repository $repo" ;;
    py-sdk)
      local repo=hello mode=entra
      [ "$f" = missing-repository ] && repo=nope
      [ "$f" = anonymous ] && mode=anonymous
      RUN=("$sdk_python" "$here/sdk.py" "https://$host" "$mode" "$repo")
      SHOWN="python list_tags.py https://$host $repo (azure-containerregistry, $mode credential)" ;;
    az-health)
      RUN=(env "DOCKER_HOST=unix://$run/docker/sock" "$az" acr check-health -n "$n" --yes --ignore-errors)
      SHOWN="az acr check-health -n $n --yes --ignore-errors (not signed in; Docker running; no Helm)" ;;
  esac
  if [ -z "${SHOWN:-}" ]; then
    SHOWN=$(printf '%s ' "${RUN[@]}" | sed "s#--root $run/[^ ]* --runroot $run/[^ ]* --storage-driver vfs ##; s#--address $run/[^ ]* ##; s#testadmin:testpassword#testadmin:***#; s#testadmin:wrong#testadmin:***#; s# *\$##")
  fi
}

docker_start || exit 1
# Each client's version, asked once (az takes a second to say it).
declare -A versions=()
fails=0
while IFS=$'\t' read -r client fault codes verdict; do
  case $client in ''|'#'*) continue ;; esac
  # ONLY=<client> runs one client's cases (while working on it).
  if [ -n "${ONLY:-}" ] && [ "$client" != "$ONLY" ]; then continue; fi
  SHOWN=""; RUN=()
  fresh_home
  case_command "$client" "$fault"
  [ "$client" = ctr ] && containerd_start
  [ "$client" = podman ] && rm -rf "$run/podman"
  file="$out/$client-$fault.txt"
  {
    echo "# client: ${versions[$client]:=$(version "$client")}"
    echo "# fault: $fault (the ACR double, tests/acr-double; expected: $codes, $verdict)"
    echo "# command: $SHOWN"
    echo
    timeout 90 "$here/ns.sh" "$run" "${RUN[@]}" 2>&1 </dev/null
  } >"$file"
  [ "$client" = ctr ] && containerd_stop
  printf '  %-10s %-22s %s lines\n' "$client" "$fault" "$(($(wc -l <"$file") - 4))"
done <"$here/matrix.tsv"
pid=$(cat "$run/dockerd.pid"); kill "$pid" 2>/dev/null
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
exit $fails
