#!/usr/bin/env bash
# build-runtime-image.sh - the self-contained download: labgrader with its own Java runtime (jlink) and an AOT cache
# (JEP 483/514/515) recorded with that runtime, so a student needs no Java install and labgrader starts fast.
#
#   target/labgrader-<version>-<platform>.tar.gz   (linux-x64, macos-aarch64: keeps the launchers' exec bits)
#   target/labgrader-<version>-<platform>.zip      (windows-x64)
# holding labgrader-<version>-<platform>/ with: the launcher(s) (labgrader; labgrader.cmd and labgrader.ps1 on
# Windows), runtime/ (the jlink image), labgrader.jar, labgrader.aot, rubric.yml, LIESMICH.txt, README.txt.
#
# Needs target/labgrader.jar (mvn package) and a JDK 25 or newer (jlink; the AOT cache must be recorded by the same
# JVM that ships): LABGRADER_IMAGE_JDK, else /usr/lib/jvm/temurin-25-jdk-amd64 where it exists, else JAVA_HOME.
# The AOT cache is recorded by one `check` where a Docker Engine answers, else by one `grade` of a shipped sample
# submission (offline); bounded in time.
#
#   usage: scripts/build-runtime-image.sh [PLATFORM]    (default: this machine's, e.g. linux-x64)
set -euo pipefail
cd "$(CDPATH='' cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf 'build-runtime-image: %s\n' "$*" >&2; }
die() { printf 'build-runtime-image: ERROR: %s\n' "$*" >&2; exit 1; }

platform() {
    local os arch
    case "$(uname -s)" in
        Linux) os=linux ;; Darwin) os=macos ;; MINGW* | MSYS* | CYGWIN*) os=windows ;; *) os=$(uname -s) ;;
    esac
    case "$(uname -m)" in
        x86_64 | amd64) arch=x64 ;; arm64 | aarch64) arch=aarch64 ;; *) arch=$(uname -m) ;;
    esac
    echo "$os-$arch"
}
PLATFORM=${1:-$(platform)}
# Git for Windows' bash: paths as C:/x/y, which both bash and the JDK's tools read
to_native() { if command -v cygpath >/dev/null 2>&1; then cygpath -m "$1"; else printf '%s\n' "$1"; fi; }
JDK=${LABGRADER_IMAGE_JDK:-}
if [ -z "$JDK" ]; then
    # Maven sets JAVA_HOME to the JDK 17 it builds with: the machine's JDK 25 comes first
    JDK=/usr/lib/jvm/temurin-25-jdk-amd64
    [ -d "$JDK" ] || JDK=${JAVA_HOME:-}
fi
JDK=$(to_native "$JDK")
EXE=''
case "$PLATFORM" in windows-*) EXE=.exe ;; esac
[ -x "$JDK/bin/jlink$EXE" ] || die "no jlink in $JDK: set LABGRADER_IMAGE_JDK to a JDK 25 or newer"
JDK_MAJOR=$("$JDK/bin/java$EXE" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | tr -d '\r')
[ "${JDK_MAJOR:-0}" -ge 25 ] 2>/dev/null || die "$JDK is Java ${JDK_MAJOR:-?}; the AOT cache needs a JDK 25 or newer"
[ -f target/labgrader.jar ] || die "target/labgrader.jar is missing: run mvn package first"
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)

NAME=labgrader-$VERSION-$PLATFORM
STAGE=$PWD/target/image
DIR=$STAGE/$NAME
rm -rf "$STAGE"
mkdir -p "$DIR"
t0=$SECONDS

# The modules: what jdeps finds in the jar, plus those only reached through services or reflection, which jdeps
# cannot see: jdk.zipfs (JUnit scans the jar for the grading suites), jdk.charsets (console code pages such as
# cp850), jdk.localedata (German), java.xml (hypervisor settings files).
log "modules (jdeps)"
MODULES=$("$JDK/bin/jdeps$EXE" --ignore-missing-deps --print-module-deps --multi-release 17 target/labgrader.jar | tr -d '\r')
MODULES="$MODULES,jdk.zipfs,jdk.charsets,jdk.localedata,java.xml"
log "runtime (jlink): $MODULES"
STRIP=()
# Linux: drop the native debug symbols (a third of the runtime's size); jlink needs objcopy (binutils) for that
case "$PLATFORM" in linux-*) command -v objcopy >/dev/null 2>&1 && STRIP=(--strip-native-debug-symbols=exclude-debuginfo-files) ;; esac
# The runtime's own class-data archive of its JDK classes (--generate-cds-archive, as a JDK has one): the launcher's
# small JVM that hands a check to the check server starts with it, not with labgrader's AOT cache.
# The runtime's own default options (jlink --add-options), so that all three launchers get them: the AOT cache holds
# no method profiles (below), yet a JVM started with one runs a "training replay" thread that contends with the main
# thread for the class-initialisation lock at each class's first use (about 16 ms of wall and 36 ms of CPU time of a
# check, measured A/B with 13 runs each)
"$JDK/bin/jlink$EXE" --add-modules "$MODULES" --include-locales=de,en --strip-debug ${STRIP[@]+"${STRIP[@]}"} \
    --add-options="-XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining" --generate-cds-archive \
    --no-header-files --no-man-pages --compress=zip-6 --output "$DIR/runtime"

# only for heaps over 32 GiB, which a check never has
rm -f "$DIR/runtime/lib/server/classes_nocoops.jsa"
cp target/labgrader.jar rubric.yml src/dist/LIESMICH.txt src/dist/README.txt "$DIR/"
case "$PLATFORM" in
    windows-*) cp src/dist/labgrader.cmd src/dist/labgrader.ps1 "$DIR/" ;;
    *) cp src/dist/labgrader "$DIR/" && chmod 755 "$DIR/labgrader" ;;
esac

# The AOT cache: recorded with the image's own java and the jar at its final path inside the image (absolute, as
# the launchers give it). Training runs in a scratch folder, so nothing of it ships.
DIR=$(to_native "$(cd "$DIR" && pwd -P)")
JAVA=$DIR/runtime/bin/java$EXE
JAR=$DIR/labgrader.jar
TRAIN=$(to_native "$(mktemp -d)")
trap 'rm -rf "$TRAIN"' EXIT
SAMPLE=$(find submissions -maxdepth 2 -name manifest.json -path '*complete*' | head -n 1)
[ -n "$SAMPLE" ] || SAMPLE=$(find submissions -maxdepth 2 -name manifest.json | head -n 1)
[ -n "$SAMPLE" ] || die "no sample submission (submissions/*/manifest.json) to record the AOT cache with"
cp -r "$(dirname "$SAMPLE")" "$TRAIN/sample"
cp rubric.yml "$TRAIN/"
COMMAND=(grade "$TRAIN/sample" --out "$TRAIN/graded")
if command -v docker >/dev/null 2>&1 && docker version >/dev/null 2>&1; then
    # a check reads the engine: docker-java, the HTTP probe and the evidence writer are then in the cache as well
    # into a copy of the sample: the check then also reads a finished lab's journal and cross-checks its raw
    # captures (Jsoup reads the saved page again), as a student's check of a finished lab does
    cp -r "$TRAIN/sample" "$TRAIN/evidence"
    COMMAND=(check --evidence "$TRAIN/evidence" --out "$TRAIN/report")
fi
# classes only, no method profiles: the launcher runs C1 alone (TieredStopAtLevel=1), which uses no profiles, and
# replaying them at start queued compilations on the main thread's path (about 50 ms of CPU per check, measured)
TRAINING='-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining'
log "AOT cache: recording one '${COMMAND[0]}'"
run_bounded() { if command -v timeout >/dev/null 2>&1; then timeout 120 "$@"; else "$@"; fi; }
# The training check is a student's first check, which also starts the check server (CI unset, else it would
# not): what that start loads is then in the cache too. The server's socket is in the scratch folder, and it ends
# when the folder is deleted (the trap above).
(cd "$TRAIN" && unset CI LABGRADER_SERVER && export LABGRADER_CACHE="$TRAIN/cache" && run_bounded "$JAVA" -XX:AOTCacheOutput="$DIR/labgrader.aot" -Xlog:aot=error $TRAINING \
    -XX:TieredStopAtLevel=1 -Xmx512m -Djdk.reflect.useNativeAccessorOnly=true -XX:+UseSerialGC -jar "$JAR" "${COMMAND[@]}" >"$TRAIN/train.log" 2>&1) \
    || { tail -n 30 "$TRAIN/train.log" >&2; die "the training run failed"; }
[ -f "$DIR/labgrader.aot" ] || { tail -n 30 "$TRAIN/train.log" >&2; die "no AOT cache was written"; }
# proof that the image runs with it: -XX:AOTMode=on refuses to start with an unusable cache
"$JAVA" -XX:AOTCache="$DIR/labgrader.aot" -XX:AOTMode=on -Xmx512m -XX:+UseSerialGC -jar "$JAR" --version >/dev/null \
    || die "the runtime image does not start with its AOT cache"

case "$PLATFORM" in
    windows-*)
        ARCHIVE=target/$NAME.zip
        rm -f "$ARCHIVE"
        (cd "$STAGE" && "$JDK/bin/jar$EXE" --create --no-manifest --file "../$NAME.zip" "$NAME") ;;
    *)
        ARCHIVE=target/$NAME.tar.gz
        tar -C "$STAGE" -czf "$ARCHIVE" "$NAME" ;;
esac
log "$ARCHIVE ($(du -h "$ARCHIVE" | cut -f 1), $((SECONDS - t0)) s)"
