#!/usr/bin/env bash
# stop-libvirt.sh - stop the libvirtd and virtlogd that scripts/prepare-libvirt.sh started.
#
# Only touches daemons whose pid prepare-libvirt.sh recorded; daemons run by systemd or anyone else are left
# alone. Domains and networks are not touched (the tests undefine what they define); libvirtd leaves running
# domains running when it stops.
#
# Environment (optional, same as prepare-libvirt.sh):
#   LABGRADER_LIBVIRT_RUNDIR  (/var/run/labgrader-libvirt)

set -euo pipefail

RUN_DIR=${LABGRADER_LIBVIRT_RUNDIR:-/var/run/labgrader-libvirt}

log() { printf 'stop-libvirt: %s\n' "$*"; }

stop() {
    local name=$1 file pid waited=0
    file="$RUN_DIR/$name.pid"
    if [ ! -f "$file" ]; then
        log "no $file: $name was not started by prepare-libvirt.sh"
        return
    fi
    pid=$(cat "$file")
    case "$pid" in
        '' | *[!0-9]*) log "$file does not hold a pid"; rm -f "$file"; return ;;
    esac
    if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != "$name" ]; then
        log "pid $pid is not $name any more; nothing to stop"
        rm -f "$file"
        return
    fi
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do
        sleep 1
        waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "$name did not stop within 30 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}

stop libvirtd
stop virtlogd
