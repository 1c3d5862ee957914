#!/usr/bin/env bash
# stop-docker.sh - stop the dockerd that scripts/prepare-docker.sh started.
#
# Only touches the dockerd whose pid prepare-docker.sh recorded; an engine
# run by systemd, Docker Desktop or anyone else is left alone. Running
# containers are stopped by dockerd itself as part of its shutdown.
#
# Environment (optional, same as prepare-docker.sh):
#   LABGRADER_DOCKERD_PIDFILE  (/var/run/labgrader-dockerd.pid)
#   LABGRADER_DOCKERD_STOP_WAIT  seconds to wait for dockerd to exit (60)

set -euo pipefail

PIDFILE=${LABGRADER_DOCKERD_PIDFILE:-/var/run/labgrader-dockerd.pid}
STOP_WAIT=${LABGRADER_DOCKERD_STOP_WAIT:-60}

log() { printf 'stop-docker: %s\n' "$*"; }
die() { printf 'stop-docker: ERROR: %s\n' "$*" >&2; exit 1; }

if [ ! -f "$PIDFILE" ]; then
    log "no $PIDFILE: no dockerd started by prepare-docker.sh; nothing to stop"
    exit 0
fi

pid=$(cat "$PIDFILE")
case "$pid" in
    '' | *[!0-9]*) die "$PIDFILE does not hold a pid: '$pid'" ;;
esac

if ! kill -0 "$pid" 2>/dev/null && [ ! -d "/proc/$pid" ]; then
    log "dockerd (pid $pid) is not running any more"
    rm -f "$PIDFILE"
    exit 0
fi
if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != dockerd ]; then
    log "pid $pid is not dockerd (stale $PIDFILE); nothing to stop"
    rm -f "$PIDFILE"
    exit 0
fi

log "stopping dockerd (pid $pid)"
kill -TERM "$pid" || die "cannot signal pid $pid (not root?)"
waited=0
while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge "$STOP_WAIT" ]; then
        die "dockerd (pid $pid) still runs after ${STOP_WAIT}s"
    fi
    sleep 1
    waited=$((waited + 1))
done
rm -f "$PIDFILE"
log "dockerd stopped"
