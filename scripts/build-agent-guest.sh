#!/usr/bin/env bash
# build-agent-guest.sh - build a tiny guest whose QEMU guest agent reports Ubuntu, for the libvirt tests.
#
# The guest is booted directly (kernel + initramfs, no disk) under TCG:
#   vmlinuz     Debian's linux-image-*-amd64 kernel
#   initrd.img  busybox-static, qemu-guest-agent with its libraries, the virtio modules it needs, an
#               /etc/os-release of Ubuntu 24.04.1 LTS, and an /init that loads the modules, creates
#               /dev/virtio-ports/<name> (there is no udev) and runs qemu-ga on org.qemu.guest_agent.0.
# The packages are fetched with `apt-get download` and unpacked into a temporary folder; nothing is
# installed on this machine. qemu-ga's libraries are taken from this machine (ldd), so QEMU (which pulls
# in glib, libnuma and liburing) must be installed first: run scripts/prepare-libvirt.sh.
#
# Safe to run again: an existing build of the same recipe is reused (a second or less).
#
# Usage: scripts/build-agent-guest.sh        prints the folder holding vmlinuz and initrd.img
#
# Environment (optional):
#   LABGRADER_CACHE   cache folder (/var/cache/labgrader); the guest goes to $LABGRADER_CACHE/agent-guest

set -euo pipefail

RECIPE=3
CACHE=${LABGRADER_CACHE:-/var/cache/labgrader}
OUT="$CACHE/agent-guest"
WORK=''

log() { printf 'build-agent-guest: %s\n' "$*" >&2; }
die() { printf 'build-agent-guest: ERROR: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
cleanup() { if [ -n "$WORK" ]; then rm -rf -- "$WORK"; fi; }
trap cleanup EXIT

if [ -f "$OUT/recipe" ] && [ "$(cat "$OUT/recipe")" = "$RECIPE" ] && [ -s "$OUT/vmlinuz" ] && [ -s "$OUT/initrd.img" ]; then
    log "using $OUT"
    printf '%s\n' "$OUT"
    exit 0
fi

have apt-get || die "apt-get is needed to fetch the kernel, busybox-static and qemu-guest-agent"
have dpkg-deb || die "dpkg-deb is needed"
have ldd || die "ldd is needed"
have gzip || die "gzip is needed"

lock="${TMPDIR:-/tmp}/labgrader-build-agent-guest.lock"
if have flock && touch "$lock" 2>/dev/null; then
    exec 9>>"$lock"
    flock -w 600 9 || die "timed out waiting for another build-agent-guest.sh"
    if [ -f "$OUT/recipe" ] && [ "$(cat "$OUT/recipe")" = "$RECIPE" ]; then
        printf '%s\n' "$OUT"
        exit 0
    fi
fi

start=$SECONDS
WORK=$(mktemp -d "${TMPDIR:-/tmp}/labgrader-agent-guest.XXXXXX")
chmod 0755 "$WORK"
mkdir -p "$WORK/debs" "$WORK/pkg" "$WORK/root"
chmod 0777 "$WORK/debs" # apt-get download runs as _apt where it can

kernel_pkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
if [ -z "$kernel_pkg" ]; then
    log "apt-get update (no linux-image-amd64 known)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
    kernel_pkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
fi
[ -n "$kernel_pkg" ] || die "cannot find the package of Debian's amd64 kernel"

log "fetching $kernel_pkg, qemu-guest-agent, busybox-static"
(cd "$WORK/debs" && apt-get download -q "$kernel_pkg" qemu-guest-agent busybox-static >/dev/null 2>"$WORK/download.log") \
    || { cat "$WORK/download.log" >&2; die "apt-get download failed"; }
for deb in "$WORK"/debs/*.deb; do
    dpkg-deb -x "$deb" "$WORK/pkg"
done

kver=$(basename "$(ls -d "$WORK"/pkg/lib/modules/*/ | head -n 1)")
[ -n "$kver" ] || die "the kernel package holds no modules"
busybox="$WORK/pkg/bin/busybox"
[ -x "$busybox" ] || die "busybox-static holds no /bin/busybox"
qga="$WORK/pkg/usr/sbin/qemu-ga"
[ -x "$qga" ] || die "qemu-guest-agent holds no /usr/sbin/qemu-ga"

R="$WORK/root"
mkdir -p "$R"/{bin,sbin,etc,proc,sys,dev,run,tmp,modules,usr/sbin,var}
ln -s ../run "$R/var/run"
cp "$busybox" "$R/bin/busybox"
cp "$qga" "$R/usr/sbin/qemu-ga"

# qemu-ga's shared libraries, from this machine (same Debian release as the package)
if ldd "$qga" | grep -q 'not found'; then
    ldd "$qga" >&2
    die "libraries of qemu-ga are missing on this machine; install QEMU first (scripts/prepare-libvirt.sh)"
fi
for lib in $(ldd "$qga" | awk '/=>/ {print $3} !/=>/ && /^\t\// {print $1}'); do
    mkdir -p "$R$(dirname "$lib")"
    cp -L "$lib" "$R$lib"
done
# the dynamic loader's canonical path
if [ -e /lib64/ld-linux-x86-64.so.2 ] && [ ! -e "$R/lib64/ld-linux-x86-64.so.2" ]; then
    mkdir -p "$R/lib64"
    cp -L /lib64/ld-linux-x86-64.so.2 "$R/lib64/"
fi

# virtio_console and what it depends on, in load order (from each module's .modinfo "depends=")
moddir="$WORK/pkg/lib/modules/$kver"
declare -A seen=()
order=()
module_file() { find "$moddir" -name "$1.ko" -o -name "$1.ko.xz" | head -n 1; }
add_module() {
    local name=$1 file deps dep
    [ -n "${seen[$name]:-}" ] && return
    seen[$name]=1
    file=$(module_file "$name")
    [ -n "$file" ] || return 0 # built into the kernel
    deps=$(tr '\0' '\n' <"$file" | sed -n 's/^depends=//p' | head -n 1 | tr ',' ' ')
    for dep in $deps; do
        add_module "$dep"
    done
    order+=("$name")
}
add_module virtio_pci
add_module virtio_console
for m in "${order[@]}"; do
    file=$(module_file "$m")
    case "$file" in
        *.xz) xz -dc "$file" >"$R/modules/$m.ko" ;;
        *) cp "$file" "$R/modules/$m.ko" ;;
    esac
done
printf '%s\n' "${order[@]}" >"$R/modules/order"

cat >"$R/etc/os-release" <<'EOF'
PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
EOF
echo ubuntu-agent >"$R/etc/hostname"

cat >"$R/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in $(cat /modules/order); do
    insmod /modules/$m.ko
done
hostname ubuntu-agent
# no udev: create the /dev/virtio-ports/<name> links qemu-ga looks for
mkdir -p /dev/virtio-ports
i=0
while [ $i -lt 200 ]; do
    for port in /sys/class/virtio-ports/*; do
        [ -f "$port/name" ] || continue
        name=$(cat "$port/name")
        [ -n "$name" ] && ln -sf "../$(basename "$port")" "/dev/virtio-ports/$name"
    done
    [ -e /dev/virtio-ports/org.qemu.guest_agent.0 ] && break
    sleep 0.1
    i=$((i + 1))
done
echo "agent-guest: starting qemu-ga" >/dev/console
/usr/sbin/qemu-ga -m virtio-serial -p /dev/virtio-ports/org.qemu.guest_agent.0 -t /run &
while true; do
    sleep 3600
done
EOF
chmod 0755 "$R/init"

mkdir -p "$OUT"
(cd "$R" && find . -print0 | sort -z | "$busybox" cpio -o -H newc -0 2>/dev/null | gzip -6 >"$OUT/initrd.img.tmp")
cp "$WORK/pkg/boot/vmlinuz-$kver" "$OUT/vmlinuz.tmp"
mv "$OUT/initrd.img.tmp" "$OUT/initrd.img"
mv "$OUT/vmlinuz.tmp" "$OUT/vmlinuz"
chmod 0644 "$OUT/initrd.img" "$OUT/vmlinuz"
echo "$kver" >"$OUT/kernel-version"
echo "$RECIPE" >"$OUT/recipe"
log "built $OUT (kernel $kver, modules: ${order[*]}; $((SECONDS - start))s)"
printf '%s\n' "$OUT"
