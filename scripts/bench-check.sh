#!/usr/bin/env bash
# bench-check.sh - times `labgrader check` on a finished lab against scripts/bench/shell-check.sh, which makes
# the same Docker checks with the docker CLI and curl. All run side by side in one hyperfine session (median of
# RUNS runs each, default 10): the repository's ./labgrader, the student zip on this machine's Java 17 (with the
# class-data archive its launcher records), and the self-contained runtime image (its own JVM and AOT cache; built
# when a JDK 25 is there), and with that JDK 25 also the student zip on Java 25 (with the AOT cache its launcher
# records and assembles in the warm-up runs). Each labgrader row's checks are served by the check server its first
# warm-up check leaves; the image and the Java 17 zip are also timed with it switched off (every check in its own
# JVM). Prints the medians, the ratios to the shell script and the CPU time (user+sys) of each, then the times of the
# first ten checks of a session one by one; the README quotes them.
# With BASELINE=REV (a commit, e.g. the one before a restructuring), that revision's ./labgrader is built in a
# temporary worktree and timed in the same session, on the same rubric and evidence, for an A/B comparison.
#   usage: [BASELINE=REV] scripts/bench-check.sh [RUNS]
set -euo pipefail
cd "$(CDPATH='' cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=${1:-10}
ROOT=$PWD

command -v hyperfine >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq --no-install-recommends hyperfine >/dev/null; }
command -v hyperfine >/dev/null || { echo "bench-check: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
scripts/prepare-docker.sh >/dev/null
mvn -q -B -ntp -DskipTests package
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
IMAGE=''
if [ -n "${LABGRADER_IMAGE_JDK:-}" ] || [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/jlink ]; then
    scripts/build-runtime-image.sh >/dev/null
    IMAGE=yes
fi

WORK=$(mktemp -d)
# the check servers the runs leave end when their sockets go: those in $WORK with it, the repository launcher's in
# target/servers (a developer's own among them, which the next check starts again)
trap 'docker rm -f lgbench-web >/dev/null 2>&1 || true; [ -z "${BASELINE:-}" ] || git worktree remove --force "$WORK/baseline" >/dev/null 2>&1 || true; rm -rf "$WORK"; rm -f "$ROOT"/target/servers/*.sock' EXIT
if [ -n "${BASELINE:-}" ]; then
    echo "bench-check: building the baseline $BASELINE"
    git worktree add -q --detach "$WORK/baseline" "$BASELINE"
    (cd "$WORK/baseline" && mvn -q -B -ntp -DskipTests package)
fi
# the Docker section of the rubric: the shell script checks exactly that (the baseline gets its own rubric's, in b/)
docker_section() {
    python3 - "$1" "$2" <<'PY'
import sys
text = open(sys.argv[1]).read()
cut = text.find("\n  - id: vm")
open(sys.argv[2], "w").write(text if cut < 0 else text[:cut + 1])
PY
}
docker_section "$ROOT/rubric.yml" "$WORK/rubric.yml"
mkdir -p "$WORK/b"
[ -z "${BASELINE:-}" ] || docker_section "$WORK/baseline/rubric.yml" "$WORK/b/rubric.yml"
# check --evidence ev0 in $WORK and, with a baseline, the baseline's own in $WORK/b
check_both() {
    (cd "$WORK" && "$ROOT/labgrader" check --evidence ev0 --out report --events-since "$SINCE")
    if [ -n "${BASELINE:-}" ]; then
        (cd "$WORK/b" && "$WORK/baseline/labgrader" check --evidence ev0 --out report --events-since "$SINCE" >/dev/null)
    fi
}

echo "bench-check: doing the lab once (hello-world, nginx on 8080, check, stop, rm)"
SINCE=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
docker run --rm hello-world >/dev/null
docker run -d -p 8080:80 --name lgbench-web nginx:latest >/dev/null
for _ in $(seq 50); do curl -s -o /dev/null localhost:8080 && break; sleep 0.1; done
check_both >/dev/null
docker stop lgbench-web >/dev/null && docker rm lgbench-web >/dev/null
check_both | tail -1

# the downloads, unpacked as a student does; the warm-up runs record the student zip's class-data archive
mkdir -p "$WORK/zip" "$WORK/image" "$WORK/cache"
(cd "$WORK/zip" && unzip -q "$ROOT/target/labgrader-$VERSION-student.zip")
ZIP="env XDG_CACHE_HOME=$WORK/cache $WORK/zip/labgrader-$VERSION/labgrader"
ARGS="check --evidence ev --out report --events-since $SINCE"
# Each labgrader row's first warm-up check leaves a check server (README, "Check server"), and its measured checks
# are served by it; the rows "no check server" switch it off (LABGRADER_SERVER=off): every check in its own JVM
COMMANDS=(-n "repository ./labgrader" "$ROOT/labgrader $ARGS"
          -n "shell script (docker CLI + curl)" "$ROOT/scripts/bench/shell-check.sh $SINCE"
          -n "student zip, Java 17" "$ZIP $ARGS"
          -n "student zip, Java 17, no check server" "env LABGRADER_SERVER=off $ZIP $ARGS")
if [ -n "${BASELINE:-}" ]; then
    COMMANDS+=(-n "repository ./labgrader at $BASELINE" "sh -c 'cd b && exec $WORK/baseline/labgrader $ARGS'")
fi
JDK25=${LABGRADER_IMAGE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ -n "$IMAGE" ] && [ -x "$JDK25/bin/java" ]; then
    COMMANDS+=(-n "student zip, Java 25" "env XDG_CACHE_HOME=$WORK/cache25 JAVA_HOME=$JDK25 $WORK/zip/labgrader-$VERSION/labgrader $ARGS")
fi
if [ -n "$IMAGE" ]; then
    tar -C "$WORK/image" -xzf "$ROOT/target/labgrader-$VERSION-linux-x64.tar.gz"
    IMAGE_LAUNCHER="env XDG_CACHE_HOME=$WORK/cache-image $WORK/image/labgrader-$VERSION-linux-x64/labgrader"
    COMMANDS+=(-n "runtime image" "$IMAGE_LAUNCHER $ARGS"
               -n "runtime image, no check server" "env LABGRADER_SERVER=off $IMAGE_LAUNCHER $ARGS")
fi

cd "$WORK"
# 5 warm-up runs: the first records the zip's archive or cache and leaves the server, which starts within a second,
# while the next ones may still run in their own JVM (see the first checks of a session, below, for those)
hyperfine --warmup 5 --runs "$RUNS" --export-json "$WORK/bench.json" \
    --prepare "rm -rf ev b/ev && cp -r ev0 ev && if [ -d b/ev0 ]; then cp -r b/ev0 b/ev; fi" "${COMMANDS[@]}"

python3 - "$WORK/bench.json" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
results = {r["command"]: r["median"] for r in runs}
cpu = {r["command"]: r["user"] + r["system"] for r in runs}  # means: hyperfine keeps no median of CPU time
shell = results["shell script (docker CLI + curl)"]
for name, median in results.items():
    print(f"median {name:34s} {median * 1000:6.0f} ms   ratio to the shell script {median / shell:5.2f}"
          f"   CPU (user+sys, mean) {cpu[name] * 1000:5.0f} ms")
PY

# The first checks of a student's session, one by one, 2 s apart, with a cache folder of their own: the first runs in
# its own JVM and leaves the check server, whose first checks are slower than the medians above (its JIT warms up)
if [ -n "$IMAGE" ]; then
    FIRST=("$WORK/image/labgrader-$VERSION-linux-x64/labgrader"); FIRST_NAME="runtime image"
else
    FIRST=("$WORK/zip/labgrader-$VERSION/labgrader"); FIRST_NAME="student zip, Java 17 (its archive already recorded)"
fi
printf 'first checks of a session, %s, ms:' "$FIRST_NAME"
for _ in 1 2 3 4 5 6 7 8 9 10; do
    rm -rf ev && cp -r ev0 ev
    t0=$(date +%s%N)
    # shellcheck disable=SC2086 # $ARGS is a list
    XDG_CACHE_HOME=$WORK/cache-first "${FIRST[@]}" $ARGS >/dev/null 2>&1
    t1=$(date +%s%N)
    printf ' %d' $(((t1 - t0) / 1000000))
    sleep 2
done
echo
