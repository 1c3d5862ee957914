#!/usr/bin/env bash
# prepare-docker.sh - make this machine ready for labgrader's Docker checks.
#
# 1. Makes sure a Docker engine answers. An engine that already answers
#    (DOCKER_HOST, Docker Desktop, a system service, an existing socket) is
#    used as it is. Otherwise, as root: installs Debian's docker.io when
#    dockerd is missing, then starts dockerd in the background (or via
#    systemd when systemd runs) and waits for it. The pid of a dockerd
#    started here is recorded so that scripts/stop-docker.sh can stop it.
# 2. Makes sure the images hello-world:latest and nginx:latest exist. Each
#    one is used if present, else pulled, else built locally (for machines
#    without access to Docker Hub):
#      hello-world  static binary from scripts/images/hello.c in a scratch image
#      nginx        Debian rootfs with nginx-light (mmdebstrap) plus the
#                   metadata of the official image (scripts/images/nginx/)
#
# Safe to run again: when the engine runs and the images exist it only
# checks and exits within seconds.
#
# Usage: scripts/prepare-docker.sh
#
# Environment (all optional):
#   LABGRADER_DOCKERD_LOG      dockerd log file   (/var/log/labgrader-dockerd.log)
#   LABGRADER_DOCKERD_PIDFILE  pid of our dockerd (/var/run/labgrader-dockerd.pid)
#   LABGRADER_DOCKERD_ARGS     extra dockerd arguments, split on spaces
#   LABGRADER_DOCKERD_WAIT     seconds to wait for the engine (60)
#   LABGRADER_PULL_TIMEOUT     seconds allowed per `docker pull` (60)
#   LABGRADER_SKIP_PULL=1      never pull; build missing images locally
#   LABGRADER_REBUILD=1        build both images locally even if present
#   LABGRADER_DEBIAN_SUITE     suite for the nginx rootfs (bookworm)
#   LABGRADER_DEBIAN_MIRROR    mirror for mmdebstrap (default: apt sources
#                              of this machine)

set -euo pipefail

SCRIPT_DIR=$(CDPATH='' cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
IMAGES_DIR="$SCRIPT_DIR/images"

DOCKERD_LOG=${LABGRADER_DOCKERD_LOG:-/var/log/labgrader-dockerd.log}
DOCKERD_PIDFILE=${LABGRADER_DOCKERD_PIDFILE:-/var/run/labgrader-dockerd.pid}
DOCKERD_ARGS=${LABGRADER_DOCKERD_ARGS:-}
DOCKERD_WAIT=${LABGRADER_DOCKERD_WAIT:-60}
PULL_TIMEOUT=${LABGRADER_PULL_TIMEOUT:-60}
SKIP_PULL=${LABGRADER_SKIP_PULL:-0}
REBUILD=${LABGRADER_REBUILD:-0}
DEBIAN_SUITE=${LABGRADER_DEBIAN_SUITE:-bookworm}
DEBIAN_MIRROR=${LABGRADER_DEBIAN_MIRROR:-}

WORK_DIR=''
TMP_IMAGE=''
APT_UPDATED=0

log() { printf 'prepare-docker: %s\n' "$*"; }
die() { printf 'prepare-docker: ERROR: %s\n' "$*" >&2; exit 1; }

cleanup() {
    if [ -n "$TMP_IMAGE" ]; then
        docker rmi "$TMP_IMAGE" >/dev/null 2>&1 || true
    fi
    if [ -n "$WORK_DIR" ]; then
        rm -rf -- "$WORK_DIR"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

have() { command -v "$1" >/dev/null 2>&1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Run "$@" with a time limit when a timeout command exists (macOS may lack it).
with_timeout() {
    local secs=$1
    shift
    if have timeout; then
        timeout "$secs" "$@"
    elif have gtimeout; then
        gtimeout "$secs" "$@"
    else
        "$@"
    fi
}

# Create the temp work dir (removed on exit). Not in a subshell: WORK_DIR
# must be set in this shell for the cleanup trap.
ensure_work_dir() {
    if [ -z "$WORK_DIR" ]; then
        WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/labgrader-docker.XXXXXX")
    fi
}

apt_install() {
    is_root || die "need the Debian package(s) $* but not running as root; install them first"
    have apt-get || die "need $* but apt-get is not available; install them first"
    if [ "$APT_UPDATED" -eq 0 ]; then
        log "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq \
            || die "apt-get update failed"
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
        || die "apt-get install $* failed"
}

# ---------------------------------------------------------------- engine ---

engine_answers() {
    with_timeout 15 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

engine_description() {
    local version driver
    version=$(with_timeout 15 docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?')
    driver=$(with_timeout 15 docker info --format '{{.Driver}}, cgroup v{{.CgroupVersion}}' 2>/dev/null || echo '?')
    printf 'Engine %s (%s) at %s' "$version" "$driver" "${DOCKER_HOST:-default socket}"
}

pid_is_dockerd() {
    local pid=$1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
        && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ]
}

# Wait until the engine answers. $1: pid of a dockerd to watch (may be empty).
wait_for_engine() {
    local pid=${1:-} waited=0
    while ! engine_answers; do
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
            log "dockerd exited; last lines of $DOCKERD_LOG:" >&2
            tail -n 20 "$DOCKERD_LOG" >&2 2>/dev/null || true
            die "dockerd (pid $pid) exited before the engine answered"
        fi
        if [ "$waited" -ge "$DOCKERD_WAIT" ]; then
            if [ -n "$pid" ]; then
                log "last lines of $DOCKERD_LOG:" >&2
                tail -n 20 "$DOCKERD_LOG" >&2 2>/dev/null || true
            fi
            die "Docker engine did not answer within ${DOCKERD_WAIT}s"
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

start_dockerd() {
    local pid
    mkdir -p "$(dirname "$DOCKERD_LOG")" "$(dirname "$DOCKERD_PIDFILE")"
    log "starting dockerd (log: $DOCKERD_LOG)"
    printf '\n==== %s prepare-docker.sh starts dockerd %s\n' "$(date -u '+%Y-%m-%dT%H:%M:%SZ')" "$DOCKERD_ARGS" >>"$DOCKERD_LOG"
    # setsid: own session, so dockerd outlives this script and its terminal.
    # 9>&-: dockerd must not inherit the lock held by this script.
    # shellcheck disable=SC2086  # DOCKERD_ARGS is split on purpose
    setsid dockerd $DOCKERD_ARGS >>"$DOCKERD_LOG" 2>&1 </dev/null 9>&- &
    pid=$!
    disown "$pid" 2>/dev/null || true
    echo "$pid" >"$DOCKERD_PIDFILE"
    wait_for_engine "$pid"
    log "dockerd is up (pid $pid)"
}

ensure_engine() {
    if ! have docker; then
        is_root || die "the docker command is missing; install Docker (Docker Desktop or Docker Engine) and re-run"
        apt_install docker.io
    fi

    if engine_answers; then
        log "using running $(engine_description)"
        return
    fi

    if [ -n "${DOCKER_HOST:-}" ]; then
        die "DOCKER_HOST=$DOCKER_HOST is set but no engine answers there; start it or unset DOCKER_HOST"
    fi
    if ! is_root; then
        if [ -S /var/run/docker.sock ] && [ ! -w /var/run/docker.sock ]; then
            die "no permission to use /var/run/docker.sock; add your user to the 'docker' group (and log in again) or run this script with sudo"
        fi
        die "no Docker engine answers; start Docker (Docker Desktop, or 'sudo systemctl start docker', or run this script as root) and re-run"
    fi

    # A dockerd that is still starting (ours or someone else's): wait for it.
    local pid=''
    if [ -f "$DOCKERD_PIDFILE" ]; then
        pid=$(cat "$DOCKERD_PIDFILE" 2>/dev/null || true)
        pid_is_dockerd "$pid" || pid=''
    fi
    if [ -z "$pid" ] && have pgrep; then
        pid=$(pgrep -x dockerd 2>/dev/null | head -n 1 || true)
    fi
    if [ -n "$pid" ]; then
        log "dockerd (pid $pid) runs but does not answer yet; waiting up to ${DOCKERD_WAIT}s"
        wait_for_engine "$pid"
        log "using running $(engine_description)"
        return
    fi

    if ! have dockerd; then
        apt_install docker.io
        have dockerd || die "dockerd still missing after installing docker.io"
    fi

    # With systemd (an ordinary Debian/Ubuntu host) let it manage the engine.
    if [ -d /run/systemd/system ] && have systemctl; then
        log "starting docker.service"
        if systemctl start docker; then
            wait_for_engine ''
            log "using $(engine_description)"
            return
        fi
        log "systemctl start docker failed; starting dockerd directly"
    fi

    start_dockerd
    log "using $(engine_description)"
}

# ---------------------------------------------------------------- images ---

image_present() { docker image inspect "$1" >/dev/null 2>&1; }

try_pull() {
    local image=$1
    [ "$SKIP_PULL" = 1 ] && return 1
    log "$image: not present, trying docker pull (up to ${PULL_TIMEOUT}s)"
    if with_timeout "$PULL_TIMEOUT" docker pull -q "$image" >/dev/null 2>&1; then
        log "$image: pulled"
        return 0
    fi
    log "$image: pull failed (no registry access?), building locally"
    return 1
}

docker_arch() {
    case "$(uname -m)" in
        x86_64 | amd64) echo amd64 ;;
        aarch64 | arm64) echo arm64v8 ;;
        armv7l) echo arm32v7 ;;
        armv6l) echo arm32v6 ;;
        i386 | i686) echo i386 ;;
        ppc64le) echo ppc64le ;;
        s390x) echo s390x ;;
        riscv64) echo riscv64 ;;
        *) uname -m ;;
    esac
}

build_hello_world() {
    local dir t0=$SECONDS
    ensure_work_dir
    dir=$WORK_DIR/hello-world
    mkdir -p "$dir/rootfs"
    if ! have gcc || ! printf 'int main(void){return 0;}\n' \
            | gcc -static -x c -o "$dir/probe" - >/dev/null 2>&1; then
        apt_install gcc libc6-dev
    fi
    log "hello-world: compiling scripts/images/hello.c (gcc -static)"
    gcc -static -Os -s -DDOCKER_ARCH="\"$(docker_arch)\"" \
        -o "$dir/rootfs/hello" "$IMAGES_DIR/hello.c" \
        || die "hello-world: compiling hello.c failed"
    tar -C "$dir/rootfs" --numeric-owner --owner=0 --group=0 -cf "$dir/hello.tar" hello
    docker import -c 'CMD ["/hello"]' -m 'local build of hello-world (scripts/prepare-docker.sh)' \
        "$dir/hello.tar" hello-world:latest >/dev/null \
        || die "hello-world: docker import failed"
    if ! docker run --rm hello-world:latest | grep -q 'Hello from Docker!'; then
        die "hello-world: the built image does not print the greeting"
    fi
    log "hello-world: built and checked ($((SECONDS - t0))s)"
}

build_nginx() {
    local dir tar mirror_args=() t0=$SECONDS
    ensure_work_dir
    dir=$WORK_DIR/nginx
    tar="$dir/rootfs.tar"
    mkdir -p "$dir"
    have mmdebstrap || apt_install mmdebstrap
    [ -n "$DEBIAN_MIRROR" ] && mirror_args=("$DEBIAN_MIRROR")

    log "nginx: creating Debian $DEBIAN_SUITE rootfs with nginx-light (mmdebstrap)"
    if ! LABGRADER_NGINX_HOOK="$IMAGES_DIR/nginx/customize.sh" mmdebstrap \
            --quiet \
            --variant=essential \
            --include=nginx-light \
            --dpkgopt='path-exclude=/usr/share/man/*' \
            --dpkgopt='path-exclude=/usr/share/info/*' \
            --dpkgopt='path-exclude=/usr/share/locale/*' \
            --dpkgopt='path-exclude=/usr/share/doc/*' \
            --dpkgopt='path-include=/usr/share/doc/*/copyright' \
            --customize-hook='sh "$LABGRADER_NGINX_HOOK" "$1"' \
            "$DEBIAN_SUITE" "$tar" ${mirror_args[@]+"${mirror_args[@]}"} \
            >"$dir/mmdebstrap.log" 2>&1; then
        tail -n 30 "$dir/mmdebstrap.log" >&2 || true
        die "nginx: mmdebstrap failed"
    fi

    TMP_IMAGE="labgrader-nginx-rootfs:$(date +%s)-$$"
    log "nginx: rootfs ready ($((SECONDS - t0))s); importing it and setting image metadata"
    docker import -m 'Debian rootfs with nginx-light (scripts/prepare-docker.sh)' \
        "$tar" "$TMP_IMAGE" >/dev/null \
        || die "nginx: docker import failed"

    # Use the classic builder when buildx is absent (it builds from a local
    # base image without any registry).
    local buildkit=()
    if ! docker buildx version >/dev/null 2>&1; then
        buildkit=(env DOCKER_BUILDKIT=0)
    fi
    if ! ${buildkit[@]+"${buildkit[@]}"} docker build -q \
            --build-arg "BASE=$TMP_IMAGE" \
            -t nginx:latest - <"$IMAGES_DIR/nginx/Dockerfile" >"$dir/build.log" 2>&1; then
        cat "$dir/build.log" >&2
        die "nginx: docker build failed"
    fi
    docker rmi "$TMP_IMAGE" >/dev/null 2>&1 || true
    TMP_IMAGE=''

    if ! docker run --rm nginx:latest nginx -t >"$dir/nginx-t.log" 2>&1; then
        cat "$dir/nginx-t.log" >&2
        die "nginx: 'nginx -t' fails in the built image"
    fi
    log "nginx: built ($(docker run --rm nginx:latest nginx -v 2>&1 | sed 's/^nginx version: //')) and checked ($((SECONDS - t0))s)"
}

ensure_image() {
    local image=$1 builder=$2
    if [ "$REBUILD" = 1 ]; then
        log "$image: LABGRADER_REBUILD=1, building locally"
    elif image_present "$image"; then
        log "$image: present"
        return
    elif try_pull "$image"; then
        return
    fi
    "$builder"
    image_present "$image" || die "$image: still missing after the local build"
}

# ------------------------------------------------------------------ main ---

main() {
    local start=$SECONDS

    # Several people/jobs may run this at once: start one engine and build
    # each image only once.
    local lock="${TMPDIR:-/tmp}/labgrader-prepare-docker.lock"
    if have flock && touch "$lock" 2>/dev/null; then
        exec 9>>"$lock"
        if ! flock -n 9; then
            log "another prepare-docker.sh is running; waiting for it"
            flock -w 900 9 || die "timed out waiting for the other prepare-docker.sh"
        fi
    fi

    ensure_engine
    ensure_image hello-world:latest build_hello_world
    ensure_image nginx:latest build_nginx
    log "ready ($((SECONDS - start))s)"
}

main "$@"
