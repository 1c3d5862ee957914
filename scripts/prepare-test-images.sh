#!/usr/bin/env bash
# prepare-test-images.sh - base images for the tests that run labgrader as a new student or a grading service
# would: in a clean Debian container, never on the development machine's own JDK and Maven.
#
#   labgrader-test/java17:latest   Debian bookworm (minbase) with only a Java 17 runtime (openjdk-17-jre-headless)
#   labgrader-test/bare:latest     Debian bookworm (minbase) with no Java at all
#
# Built offline from Debian's packages with mmdebstrap (no registry is reachable from these machines), once:
# an image that exists is kept. Needs a running Docker Engine (scripts/prepare-docker.sh) and root for mmdebstrap.
#
# Usage: scripts/prepare-test-images.sh
# Environment (optional): LABGRADER_DEBIAN_SUITE (bookworm), LABGRADER_DEBIAN_MIRROR (the machine's apt sources)
set -euo pipefail

SUITE=${LABGRADER_DEBIAN_SUITE:-bookworm}
MIRROR=${LABGRADER_DEBIAN_MIRROR:-}

log() { printf 'prepare-test-images: %s\n' "$*"; }
die() { printf 'prepare-test-images: ERROR: %s\n' "$*" >&2; exit 1; }

docker info >/dev/null 2>&1 || die "no Docker Engine answers; run scripts/prepare-docker.sh first"
if ! command -v mmdebstrap >/dev/null 2>&1; then
    [ "$(id -u)" -eq 0 ] || die "mmdebstrap is missing and not running as root; install the Debian package mmdebstrap"
    apt-get update -qq && apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# build IMAGE EXTRA_PACKAGES...: a minbase rootfs (apt and dpkg), imported as IMAGE. No path-exclude of man pages:
# openjdk's postinst registers them as alternatives and fails without them.
build() {
    local image=$1; shift
    if docker image inspect "$image" >/dev/null 2>&1; then
        log "$image: present"
        return
    fi
    local include=()
    [ $# -gt 0 ] && include=(--include="$(IFS=,; echo "$*")")
    local mirror=()
    [ -n "$MIRROR" ] && mirror=("$MIRROR")
    local tar="$WORK/${image//[\/:]/_}.tar"
    log "$image: creating Debian $SUITE rootfs${*:+ with $*} (mmdebstrap)"
    local t0=$SECONDS
    if ! mmdebstrap --quiet --variant=minbase ${include[@]+"${include[@]}"} \
            --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
            "$SUITE" "$tar" ${mirror[@]+"${mirror[@]}"} >"$WORK/mmdebstrap.log" 2>&1; then
        tail -n 30 "$WORK/mmdebstrap.log" >&2 || true
        die "$image: mmdebstrap failed"
    fi
    docker import -m "Debian $SUITE minbase${*:+ + $*} (scripts/prepare-test-images.sh)" \
        -c 'CMD ["/bin/bash"]' "$tar" "$image" >/dev/null || die "$image: docker import failed"
    log "$image: ready ($((SECONDS - t0)) s)"
}

build labgrader-test/bare:latest
build labgrader-test/java17:latest openjdk-17-jre-headless
