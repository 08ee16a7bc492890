#!/usr/bin/env bash
# Run a command as a client of the ACR double: in a private mount namespace where /etc/hosts
# names the double's registries, /etc/resolv.conf points at its NXDOMAIN resolver, and the
# system's CA bundle also holds the double's CA (as a machine that trusts it would).
# Usage: ns.sh RUNDIR COMMAND…
run=${1:?run dir}; shift
exec unshare -m --propagation private sh -c '
  run=$1; shift
  mount --bind "$run/hosts" /etc/hosts &&
  mount --bind "$run/resolv.conf" /etc/resolv.conf &&
  mount --bind "$run/bundle.crt" /etc/ssl/certs/ca-certificates.crt &&
  exec "$@"' sh "$run" "$@"
