#!/usr/bin/env bash
# Stop what start.sh started (by PID). Usage: stop.sh RUNDIR
# dockerd writes its own pid file (docker/pid): the one start.sh kept may be its namespace's
# wrapper, and killing that alone left dockerd (and its containerd) running.
run=${1:?run dir}
for pid in "$run"/*.pid "$run"/docker/pid; do
  [ -f "$pid" ] && kill "$(cat "$pid" 2>/dev/null)" 2>/dev/null
done
# dockerd stops its containerd on the way out: give it a moment.
for _ in 1 2 3 4 5 6 7 8 9 10; do
  [ -f "$run/docker/pid" ] && kill -0 "$(cat "$run/docker/pid" 2>/dev/null)" 2>/dev/null || break
  sleep 0.5
done
exit 0
