#!/usr/bin/env bash
# make-samples.sh - regenerate the sample submissions in submissions/ from real runs of labgrader.
#
# Every sample but the broken one is evidence that `labgrader check` recorded while the lab's steps were done
# with the docker CLI on the real Docker engine (and, for the perfect one, a real libvirt VM):
#
#   Ada Lovelace_100001_assignsubmission_file_/evidence.zip   perfect: hello-world, nginx -d -p 8080:80 answering,
#                                                             docker stop, docker rm; an Ubuntu VM (libvirt, NAT)
#                                                             whose guest agent reports Ubuntu, seen running
#   Grace Hopper_100002_assignsubmission_file_/evidence/      partial: nginx published on 8081 instead of 8080
#   linus/                                                    partial: nginx stopped but not removed
#   margaret.zip                                              partial: nginx removed with docker rm -f, never stopped
#   ken-lab-repo/evidence/                                    partial: a cloned repository; only hello-world ran,
#                                                             nginx never started
#   Edsger Dijkstra_100006_assignsubmission_file_/evidence/   broken: a real bundle whose journal was cut off
#                                                             mid-line (as an interrupted upload leaves it)
#
# The Moodle names follow Moodle's "download all submissions" layout; the others are a plain folder, a zip and a
# cloned repository. Each student's machine is the same engine with a new identity (daemon id), as a class of fresh
# installs would have, so the samples carry no collusion flag (run as root; otherwise they share one). Each scenario waits until no other nginx:latest or hello-world container is on the engine (other
# tests share it), records its evidence, and is checked by grading it; a scenario that other activity disturbed is
# run again. Everything created here (containers, the VM, temporary folders) is removed again.
#
# With the shipped rubric, which counts VirtualBox and VMware, the VM part of every sample fails at vm.hypervisor
# (this machine has libvirt); a rubric that also counts libvirt grades the perfect sample 100 of 100.
#
# Usage: scripts/make-samples.sh [OUT]        OUT defaults to submissions/
# Needs: a Docker engine with nginx:latest and hello-world (scripts/prepare-docker.sh), Java 17, Maven;
#        for the VM: libvirt + QEMU (scripts/prepare-libvirt.sh) and scripts/build-agent-guest.sh; without them
#        the perfect sample has no VM.
# Environment (optional): LABGRADER_BUILD_DIR  Maven build folder (default: a temporary folder)

set -euo pipefail
cd "$(CDPATH='' cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT=$PWD
OUT=${1:-$ROOT/submissions}
TAG=$(date +%s)-$$
WORK=$(mktemp -d "${TMPDIR:-/tmp}/labgrader-samples.XXXXXX")
BUILD=${LABGRADER_BUILD_DIR:-$WORK/build}
URI=qemu:///system
CONTAINERS=()
DOMAIN=''

log() { printf 'make-samples: %s\n' "$*" >&2; }
die() { printf 'make-samples: ERROR: %s\n' "$*" >&2; exit 1; }

cleanup() {
    local c
    for c in "${CONTAINERS[@]}"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
    if [ -n "$DOMAIN" ]; then
        virsh -c "$URI" destroy "$DOMAIN" >/dev/null 2>&1 || true
        virsh -c "$URI" undefine "$DOMAIN" >/dev/null 2>&1 || true
        rm -f "/var/log/libvirt/qemu/$DOMAIN.log"
    fi
    rm -rf -- "$WORK"
}
trap cleanup EXIT

command -v docker >/dev/null || die "docker is needed"
docker version >/dev/null 2>&1 || die "no Docker engine answers; run scripts/prepare-docker.sh"
docker image inspect nginx:latest hello-world:latest >/dev/null 2>&1 || die "nginx:latest and hello-world are needed; run scripts/prepare-docker.sh"

log "building labgrader into $BUILD"
mvn -q -B -ntp -Dbuild.dir="$BUILD" -DskipTests package >&2 || die "the build failed"
JAR=$BUILD/labgrader.jar
lg() { java -jar "$JAR" "$@"; }

# Other containers of the lab's images (other tests on this engine) would show up in a student's evidence.
wait_for_quiet_engine() {
    local end=$((SECONDS + 600)) foreign
    while :; do
        foreign=$( { docker ps -aq --filter ancestor=nginx:latest; docker ps -aq --filter ancestor=hello-world; } | sort -u | wc -l)
        if [ "$foreign" -eq 0 ] && ! (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then
            return 0
        fi
        [ $SECONDS -lt $end ] || die "the engine stays busy with other containers of nginx:latest or hello-world"
        sleep 2
    done
}

await_http() {
    local port=$1 i
    for i in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then sleep 0.3; return 0; fi
        sleep 0.2
    done
    die "nothing answers on port $port"
}

# check NAME: what a student runs; appends to $WORK/NAME/evidence
check() {
    lg check --rubric "$ROOT/rubric.yml" --lang en --evidence "$WORK/$1/evidence" --out "$WORK/$1/report" \
        --events-since "$SINCE" >"$WORK/$1/check.log" 2>&1 || true
}

run_nginx() {   # NAME PORTS...
    local name=$1; shift
    CONTAINERS+=("$name")
    docker run -d "$@" --name "$name" nginx:latest >/dev/null
}

hello() {
    CONTAINERS+=("$1")
    docker run --name "$1" hello-world >/dev/null
}

# outcomes NAME: the docker criteria's outcomes of the last check, in rubric order
outcomes() {
    grep -o '"outcome" : "[A-Z_]*"' "$WORK/$1/report/report.json" | head -7 | sed 's/.*: "\(.*\)"/\1/' | paste -sd' '
}

start_vm() {
    DOMAIN=''
    command -v virsh >/dev/null && timeout 120 virsh -c "$URI" version >/dev/null 2>&1 || { log "no libvirt: the perfect sample has no VM"; return 0; }
    [ -x scripts/build-agent-guest.sh ] || { log "no scripts/build-agent-guest.sh: the perfect sample has no VM"; return 0; }
    local guest; guest=$(scripts/build-agent-guest.sh | tail -n 1)
    DOMAIN="ubuntu-lab-$TAG"
    cat >"$WORK/domain.xml" <<EOF
<domain type='qemu'><name>$DOMAIN</name>
<metadata><libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0"><libosinfo:os id="http://ubuntu.com/ubuntu/24.04"/></libosinfo:libosinfo></metadata>
<memory unit='MiB'>256</memory><vcpu>1</vcpu>
<os><type arch='x86_64' machine='pc'>hvm</type><kernel>$guest/vmlinuz</kernel><initrd>$guest/initrd.img</initrd><cmdline>console=ttyS0 panic=-1 quiet</cmdline></os>
<devices><interface type='network'><source network='default'/><model type='virtio'/></interface>
<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel><serial type='pty'/><console type='pty'/></devices>
</domain>
EOF
    virsh -c "$URI" net-start default >/dev/null 2>&1 || true
    virsh -c "$URI" define "$WORK/domain.xml" >/dev/null
    virsh -c "$URI" start "$DOMAIN" >/dev/null
    local i
    for i in $(seq 1 120); do
        if virsh -c "$URI" guestinfo --os "$DOMAIN" 2>/dev/null | grep -q 'os.id.*ubuntu'; then return 0; fi
        sleep 1
    done
    log "the guest agent did not answer; the perfect sample's VM has no guest report"
}

stop_vm() {
    if [ -n "$DOMAIN" ]; then
        virsh -c "$URI" destroy "$DOMAIN" >/dev/null 2>&1 || true
        virsh -c "$URI" undefine "$DOMAIN" >/dev/null 2>&1 || true
        rm -f "/var/log/libvirt/qemu/$DOMAIN.log"
        DOMAIN=''
    fi
}

# Each sample is another student's machine: the engine gets a new identity before each, as a fresh install has, so
# that collusion detection sees the samples as a class's submissions (one engine id in all of them would flag them
# all). Docker up to 22 derives its daemon id from /etc/docker/key.json, later versions keep it in engine-id.
fresh_engine_identity() {
    [ "$(id -u)" = 0 ] || { log "not root: the samples share this engine's identity (and a collusion flag)"; return 0; }
    local root
    root=$(docker info --format '{{.DockerRootDir}}' 2>/dev/null || echo /var/lib/docker)
    scripts/stop-docker.sh >/dev/null 2>&1 || true
    rm -f /etc/docker/key.json "$root/engine-id"
    scripts/prepare-docker.sh >/dev/null || die "the engine did not come back; see /var/log/labgrader-dockerd.log"
    log "engine identity: $(docker info --format '{{.ID}}')"
}

# scenario NAME EXPECTED FUNCTION: runs FUNCTION on a quiet engine until the docker outcomes are EXPECTED
scenario() {
    local name=$1 expected=$2 steps=$3 attempt got
    fresh_engine_identity
    for attempt in 1 2 3; do
        wait_for_quiet_engine
        rm -rf -- "${WORK:?}/$name"; mkdir -p "$WORK/$name"
        SINCE=$(date -u -d '-1 second' +%Y-%m-%dT%H:%M:%SZ)
        "$steps" "$name"
        got=$(outcomes "$name")
        if [ "$got" = "$expected" ]; then
            log "$name: $got"
            return 0
        fi
        log "$name: expected '$expected' but got '$got' (attempt $attempt; other activity on the engine?)"
    done
    die "$name could not be recorded; see $WORK/$name/check.log"
}

P='PASSED'; F='FAILED'; B='BLOCKED'

perfect() {
    hello "lab-hello-$1-$TAG"
    start_vm
    run_nginx "lab-web-$1-$TAG" -p 8080:80
    await_http 8080
    check "$1"
    stop_vm
    docker stop "lab-web-$1-$TAG" >/dev/null
    docker rm "lab-web-$1-$TAG" >/dev/null
    docker rm "lab-hello-$1-$TAG" >/dev/null
    check "$1"
}

wrong_port() {
    hello "lab-hello-$1-$TAG"
    run_nginx "lab-web-$1-$TAG" -p 8081:80
    await_http 8081
    check "$1"
    docker stop "lab-web-$1-$TAG" >/dev/null
    docker rm "lab-web-$1-$TAG" "lab-hello-$1-$TAG" >/dev/null
    check "$1"
}

not_removed() {
    hello "lab-hello-$1-$TAG"
    run_nginx "lab-web-$1-$TAG" -p 8080:80
    await_http 8080
    check "$1"
    docker stop "lab-web-$1-$TAG" >/dev/null
    check "$1"
    docker rm "lab-web-$1-$TAG" "lab-hello-$1-$TAG" >/dev/null
}

killed() {
    hello "lab-hello-$1-$TAG"
    run_nginx "lab-web-$1-$TAG" -p 8080:80
    await_http 8080
    check "$1"
    docker rm -f "lab-web-$1-$TAG" >/dev/null
    docker rm "lab-hello-$1-$TAG" >/dev/null
    check "$1"
}

hello_only() {
    hello "lab-hello-$1-$TAG"
    check "$1"
    docker rm "lab-hello-$1-$TAG" >/dev/null
}

scenario ada "$P $P $P $P $P $P $P" perfect
scenario grace "$P $P $P $F $B $P $P" wrong_port
scenario linus "$P $P $P $P $P $P $F" not_removed
scenario margaret "$P $P $P $P $P $F $P" killed
scenario ken "$P $P $F $B $B $B $B" hello_only

log "writing $OUT"
STAGE=$WORK/out
mkdir -p "$STAGE"
zipdir() { (cd "$1" && jar cfM "$2" evidence); }   # JDK's jar writes plain zips; no zip tool needed
mkdir -p "$STAGE/Ada Lovelace_100001_assignsubmission_file_"
zipdir "$WORK/ada" "$STAGE/Ada Lovelace_100001_assignsubmission_file_/evidence.zip"
mkdir -p "$STAGE/Grace Hopper_100002_assignsubmission_file_"
cp -r "$WORK/grace/evidence" "$STAGE/Grace Hopper_100002_assignsubmission_file_/evidence"
cp -r "$WORK/linus/evidence" "$STAGE/linus"
zipdir "$WORK/margaret" "$STAGE/margaret.zip"
mkdir -p "$STAGE/ken-lab-repo"
cp -r "$WORK/ken/evidence" "$STAGE/ken-lab-repo/evidence"
printf '# Lab: Docker vs. virtual machine\n\nMy evidence is in evidence/ (labgrader check).\n' >"$STAGE/ken-lab-repo/README.md"
# broken: Ada's real bundle, its journal cut off in the middle of a line
BROKEN="$STAGE/Edsger Dijkstra_100006_assignsubmission_file_/evidence"
mkdir -p "$(dirname "$BROKEN")"
cp -r "$WORK/ada/evidence" "$BROKEN"
head -c "$(( $(wc -c <"$WORK/ada/evidence/journal.jsonl") / 2 ))" "$WORK/ada/evidence/journal.jsonl" >"$BROKEN/journal.jsonl"

rm -rf -- "$OUT.new"
mv "$STAGE" "$OUT.new"
rm -rf -- "$OUT"
mv "$OUT.new" "$OUT"

log "grading the samples"
lg grade "$OUT" --rubric "$ROOT/rubric.yml" --lang en --out "$WORK/grading" || true
