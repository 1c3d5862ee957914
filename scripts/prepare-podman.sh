#!/usr/bin/env bash
# prepare-podman.sh - make this machine ready for labgrader's Podman tests (PodmanScenarioTest).
#
# 1. Installs Debian's podman when it is missing (as root, apt-get, time-bounded).
# 2. Writes a containers.conf for the tests (LABGRADER_PODMAN_CONF): rootful Podman sets the
#    open-files limit of every container to 1048576 by default, which fails with "error setting
#    rlimit type 7" on a machine whose hard limit is lower (these test machines); with no default
#    ulimits a container keeps Podman's own limits. The tests pass it as CONTAINERS_CONF.
# 3. Gives Podman the lab's images from the Docker engine (prepared by prepare-docker.sh), since
#    no registry can be reached: "docker save | podman load" names them localhost/nginx:latest and
#    localhost/hello-world:latest, and "podman run nginx:latest" resolves to them.
#
# The tests start and stop the Docker-compatible service (podman system service) themselves.
# Safe to run again: it only checks when everything is there.
#
# Environment (optional):
#   LABGRADER_PODMAN_CONF          the containers.conf written (/etc/containers/labgrader.conf)
#   LABGRADER_PODMAN_APT_TIMEOUT   seconds allowed for apt-get (600)

set -euo pipefail

CONF=${LABGRADER_PODMAN_CONF:-/etc/containers/labgrader.conf}
APT_TIMEOUT=${LABGRADER_PODMAN_APT_TIMEOUT:-600}

log() { printf 'prepare-podman: %s\n' "$*"; }
die() { printf 'prepare-podman: ERROR: %s\n' "$*" >&2; exit 1; }

if ! command -v podman >/dev/null 2>&1; then
    [ "$(id -u)" -eq 0 ] || die "podman is missing and this is not root: install Debian's podman package"
    log "apt-get install podman (up to ${APT_TIMEOUT}s)"
    timeout "$APT_TIMEOUT" env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
    timeout "$APT_TIMEOUT" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends podman >/dev/null \
        || die "apt-get install podman failed"
fi
log "$(podman --version)"

mkdir -p "$(dirname "$CONF")"
printf '# written by labgrader scripts/prepare-podman.sh for its tests\n[containers]\ndefault_ulimits = []\n' >"$CONF"
export CONTAINERS_CONF=$CONF

for image in hello-world:latest nginx:latest; do
    if timeout 60 podman image exists "localhost/$image"; then
        log "localhost/$image: present"
    else
        log "localhost/$image: loading it from the Docker engine"
        timeout 300 docker save "$image" | timeout 300 podman load -q >/dev/null || die "cannot load $image into podman"
    fi
done
timeout 60 podman run --rm hello-world:latest | grep -q 'Hello from Docker!' || die "podman run hello-world does not greet"
log "ready"
