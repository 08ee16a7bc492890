#!/usr/bin/env bash
# Stop what start.sh started (by PID). Usage: stop.sh RUNDIR
run=${1:?run dir}
for pid in "$run"/*.pid; do
  [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null
done
exit 0
