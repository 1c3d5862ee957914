#!/usr/bin/env bash
# prepare-libvirt.sh - make this machine ready for labgrader's real libvirt + QEMU tests.
#
# 1. Installs Debian's libvirt and QEMU when virsh, libvirtd or qemu-system-x86_64 are missing
#    (apt-get update first; needs root):
#      libvirt-daemon-system libvirt-clients qemu-system-x86 qemu-utils dnsmasq-base
# 2. Lets QEMU (which runs as libvirt-qemu:kvm) use /dev/kvm when it exists.
# 3. Starts virtlogd and libvirtd by hand when they do not run (these machines have no systemd;
#    with systemd the services are started through systemctl). The pids of daemons started here are
#    recorded so that scripts/stop-libvirt.sh stops exactly those and nothing else.
# 4. Waits for the first virsh call, which probes QEMU and can take a minute on a cold machine.
# 5. Makes sure the NAT network "default" is defined and active.
#
# Safe to run again: when everything runs it only checks and exits within a second or two.
#
# Usage: scripts/prepare-libvirt.sh
#
# Environment (all optional):
#   LABGRADER_LIBVIRT_RUNDIR  where the pid files of daemons started here go (/var/run/labgrader-libvirt)
#   LABGRADER_LIBVIRT_WAIT    seconds to wait for libvirtd's first answer (180)

set -euo pipefail

RUN_DIR=${LABGRADER_LIBVIRT_RUNDIR:-/var/run/labgrader-libvirt}
WAIT=${LABGRADER_LIBVIRT_WAIT:-180}
URI=qemu:///system
APT_UPDATED=0

log() { printf 'prepare-libvirt: %s\n' "$*"; }
die() { printf 'prepare-libvirt: ERROR: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

apt_install() {
    is_root || die "need the Debian package(s) $* but not running as root; install them first"
    have apt-get || die "need $* but apt-get is not available; install them first"
    if [ "$APT_UPDATED" -eq 0 ]; then
        log "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
        || die "apt-get install $* failed"
}

virsh_answers() {
    local secs=$1
    timeout "$secs" virsh -c "$URI" version >/dev/null 2>&1
}

# pid of a running daemon named $1 (comm), or empty
running_pid() {
    local name=$1 pid
    if have pgrep; then
        pid=$(pgrep -x "$name" 2>/dev/null | head -n 1 || true)
        printf '%s' "$pid"
    fi
}

# Start daemon $1 (full path) in the background unless one runs; record its pid.
start_daemon() {
    local exe=$1 name pid
    name=$(basename "$exe")
    pid=$(running_pid "$name")
    if [ -n "$pid" ]; then
        log "$name runs (pid $pid)"
        return
    fi
    [ -x "$exe" ] || die "$exe is missing"
    mkdir -p "$RUN_DIR"
    log "starting $name"
    # The daemon must not keep any of this script's file descriptors (the lock, a CI runner's output pipe): a
    # runner waiting for its pipe to close would wait forever. Close everything above stderr, then start it.
    (
        for fd in $(ls /proc/$BASHPID/fd 2>/dev/null); do
            if [ "$fd" -gt 2 ] 2>/dev/null; then
                eval "exec $fd>&-" 2>/dev/null || true
            fi
        done
        exec "$exe" --daemon
    ) </dev/null >/dev/null 2>&1 || die "$name --daemon failed"
    local waited=0
    while [ -z "$(running_pid "$name")" ] && [ "$waited" -lt 20 ]; do
        sleep 0.5
        waited=$((waited + 1))
    done
    pid=$(running_pid "$name")
    [ -n "$pid" ] || die "$name did not stay up"
    echo "$pid" >"$RUN_DIR/$name.pid"
    log "$name is up (pid $pid)"
}

ensure_packages() {
    local missing=0
    have virsh || missing=1
    [ -x /usr/sbin/libvirtd ] || missing=1
    [ -x /usr/sbin/virtlogd ] || missing=1
    have qemu-system-x86_64 || missing=1
    have qemu-img || missing=1
    have dnsmasq || [ -x /usr/sbin/dnsmasq ] || missing=1
    if [ "$missing" -eq 1 ]; then
        apt_install libvirt-daemon-system libvirt-clients qemu-system-x86 qemu-utils dnsmasq-base
    else
        log "libvirt, QEMU and dnsmasq are installed"
    fi
}

fix_kvm() {
    if [ -e /dev/kvm ] && is_root; then
        if getent group kvm >/dev/null 2>&1; then
            chgrp kvm /dev/kvm
            chmod 0660 /dev/kvm
        fi
    fi
}

# QEMU's output goes through virtlogd: without it a domain does not start, though libvirtd answers.
virtlogd_ready() {
    if [ -n "$(running_pid virtlogd)" ]; then
        return 0
    fi
    # with systemd, virtlogd is started on demand through its socket
    [ -d /run/systemd/system ] && [ -S /run/libvirt/virtlogd-sock ]
}

ensure_daemons() {
    if ! virtlogd_ready; then
        is_root || die "virtlogd does not run; start it (sudo systemctl start virtlogd) or run this script as root"
        start_daemon /usr/sbin/virtlogd
    fi
    if virsh_answers 10; then
        log "libvirtd answers on $URI"
        return
    fi
    is_root || die "libvirtd does not answer on $URI; start it (sudo systemctl start libvirtd) or run this script as root"
    if [ -d /run/systemd/system ] && have systemctl; then
        log "starting virtlogd and libvirtd through systemd"
        systemctl start virtlogd libvirtd || log "systemctl start failed; starting the daemons directly"
    fi
    start_daemon /usr/sbin/virtlogd
    start_daemon /usr/sbin/libvirtd
    log "waiting for libvirtd's first answer (it probes QEMU; up to ${WAIT}s)"
    local start=$SECONDS
    until virsh_answers 60; do
        if [ $((SECONDS - start)) -ge "$WAIT" ]; then
            die "libvirtd did not answer within ${WAIT}s"
        fi
        sleep 1
    done
    log "libvirtd answers ($((SECONDS - start))s)"
}

ensure_default_network() {
    if ! virsh -c "$URI" net-info default >/dev/null 2>&1; then
        log "defining the NAT network 'default'"
        local xml
        xml=$(mktemp "${TMPDIR:-/tmp}/labgrader-default-net.XXXXXX.xml")
        cat >"$xml" <<'EOF'
<network>
  <name>default</name>
  <forward mode='nat'/>
  <bridge name='virbr0' stp='on' delay='0'/>
  <ip address='192.168.122.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.122.2' end='192.168.122.254'/>
    </dhcp>
  </ip>
</network>
EOF
        virsh -c "$URI" net-define "$xml" >/dev/null || { rm -f "$xml"; die "net-define default failed"; }
        rm -f "$xml"
    fi
    if network_active; then
        log "network 'default' is active"
    else
        log "starting network 'default'"
        if ! virsh -c "$URI" net-start default >/dev/null 2>&1; then
            # a freshly started libvirtd may still be picking up a network that is already up
            sleep 1
            network_active || die "net-start default failed: $(virsh -c "$URI" net-start default 2>&1 | head -n 1)"
        fi
    fi
}

network_active() {
    local info
    # not "virsh … | grep -q": grep quitting early makes virsh die of SIGPIPE, and pipefail reports that as failure
    info=$(virsh -c "$URI" net-info default 2>/dev/null) || return 1
    grep -Eq '^Active:[[:space:]]+yes' <<<"$info"
}

main() {
    local start=$SECONDS
    # Already prepared (the usual case on a second run): nothing to change, no lock needed.
    if have virsh && [ -x /usr/sbin/libvirtd ] && have qemu-system-x86_64 && have qemu-img \
            && virtlogd_ready && virsh_answers 10 && network_active; then
        fix_kvm
        log "ready: $(virsh -c "$URI" version 2>/dev/null | tr -s ' ' | paste -sd ';' -) ($((SECONDS - start))s)"
        return
    fi
    # Several jobs may run this at once: install and start once. The lock is never handed to the daemons.
    local lock="${TMPDIR:-/tmp}/labgrader-prepare-libvirt.lock"
    if have flock && touch "$lock" 2>/dev/null; then
        exec 9>>"$lock"
        if ! flock -n 9; then
            log "another prepare-libvirt.sh is running; waiting for it (up to 300s)"
            flock -w 300 9 || log "still locked after 300s; going on (every step here can be repeated)"
        fi
    fi
    ensure_packages
    fix_kvm
    ensure_daemons
    ensure_default_network
    log "ready: $(virsh -c "$URI" version 2>/dev/null | tr -s ' ' | paste -sd ';' -) ($((SECONDS - start))s)"
}

main "$@"
