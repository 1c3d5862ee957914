#!/usr/bin/env bash
# test.sh - the project's test command: prepares what the tests need on this machine, then runs every test.
#   1. a Docker Engine with nginx:latest and hello-world (scripts/prepare-docker.sh), Podman with the same images
#      (scripts/prepare-podman.sh), and clean Debian test images built offline (scripts/prepare-test-images.sh)
#   2. gitlab-ci-local, the runner that tests .gitlab-ci.yml (scripts/prepare-gitlab-ci-local.sh), and Chromium
#   3. libvirt + QEMU for the VM tests (scripts/prepare-libvirt.sh), where it can be installed
#   4. mvn verify: the engine's tests (unit, format and real-engine scenario tests), the jar and the student zip, then
#      the downloads' tests as a new student would run them (*IT, in the clean Debian images); with a JDK 25 here,
#      also the self-contained runtime image (profile runtime-image, scripts/build-runtime-image.sh) and its test
set -euo pipefail
cd "$(CDPATH='' cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"

scripts/prepare-docker.sh
# Podman with the same images, for the Podman scenario tests (they start its Docker-compatible service themselves)
scripts/prepare-podman.sh
# clean Debian images (one with only a Java runtime, one without Java) for the student-download and autograder tests
scripts/prepare-test-images.sh
scripts/prepare-gitlab-ci-local.sh
# unzip: the student-zip test unpacks the download as a student does
if ! command -v unzip >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends unzip >/dev/null
fi
# headless Chromium renders the class overview in its test (Debian's package; run as root on CI)
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
# PHP's own fgetcsv and strtotime replay Moodle's worksheet import in its test (Debian's php-cli, about 5 MB)
if ! command -v php >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends php-cli >/dev/null
fi
if [ -x scripts/prepare-libvirt.sh ]; then
    scripts/prepare-libvirt.sh
fi

# Testcontainers on these machines: Ryuk cannot be pulled, and /.dockerenv would make it look for a gateway
export TESTCONTAINERS_RYUK_DISABLED=true
if [ -f /.dockerenv ] && [ -z "${TESTCONTAINERS_HOST_OVERRIDE:-}" ] && [ -z "${DOCKER_HOST:-}" ]; then
    export TESTCONTAINERS_HOST_OVERRIDE=localhost
fi

PROFILES=()
if [ -n "${LABGRADER_IMAGE_JDK:-}" ] || [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/jlink ]; then
    PROFILES=(-Pruntime-image)
fi
mvn -B -ntp verify ${PROFILES[@]+"${PROFILES[@]}"} "$@"
