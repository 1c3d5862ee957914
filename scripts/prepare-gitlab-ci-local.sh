#!/usr/bin/env bash
# prepare-gitlab-ci-local.sh - install gitlab-ci-local, the real runner the pipeline tests run .gitlab-ci.yml with.
#
# 1. rsync (gitlab-ci-local copies the repository with it): apt-get install when missing (needs root).
# 2. gitlab-ci-local 4.73.0 from the npm registry (npm install -g), unless that version is already installed.
#    4.73.0 is the newest release that runs on Node 20; newer ones need Node 22.
#
# Safe to run again: when both are present it only checks and exits within a second.
# Where Node.js/npm are missing it says so and exits 0, unless LABGRADER_REQUIRE_GITLAB_CI_LOCAL=1 is set
# (then it fails): the pipeline tests themselves fail or skip by the same variable.
#
# Usage: scripts/prepare-gitlab-ci-local.sh
#
# Environment (all optional):
#   LABGRADER_GITLAB_CI_LOCAL_VERSION   version to install (4.73.0)
#   LABGRADER_REQUIRE_GITLAB_CI_LOCAL=1 fail instead of skipping when it cannot be installed

set -euo pipefail

VERSION=${LABGRADER_GITLAB_CI_LOCAL_VERSION:-4.73.0}
REQUIRE=${LABGRADER_REQUIRE_GITLAB_CI_LOCAL:-0}
APT_UPDATED=0

log() { printf 'prepare-gitlab-ci-local: %s\n' "$*"; }
die() { printf 'prepare-gitlab-ci-local: ERROR: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# Cannot install: fail when the tests require the tool, else say why and leave the tests to skip.
cannot() {
    if [ "$REQUIRE" = 1 ]; then
        die "$*"
    fi
    log "$* (the pipeline tests will be skipped)"
    exit 0
}

apt_install() {
    is_root || cannot "need the Debian package(s) $* but not running as root"
    have apt-get || cannot "need $* but apt-get is not available"
    if [ "$APT_UPDATED" -eq 0 ]; then
        log "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq || cannot "apt-get update failed"
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
        || cannot "apt-get install $* failed"
}

installed_version() {
    timeout 30 gitlab-ci-local --version 2>/dev/null | tail -n 1 | tr -d '[:space:]' || true
}

main() {
    have rsync || apt_install rsync

    if have gitlab-ci-local && [ "$(installed_version)" = "$VERSION" ]; then
        log "gitlab-ci-local $VERSION present"
        return
    fi
    have node && have npm || cannot "Node.js and npm are needed for gitlab-ci-local"
    local major
    major=$(node -p 'process.versions.node.split(".")[0]')
    [ "$major" -ge 20 ] || cannot "gitlab-ci-local $VERSION needs Node.js 20 or newer, found $(node --version)"

    log "npm install -g gitlab-ci-local@$VERSION"
    npm install -g --no-fund --no-audit --loglevel=error "gitlab-ci-local@$VERSION" >/dev/null \
        || cannot "npm install -g gitlab-ci-local@$VERSION failed"
    [ "$(installed_version)" = "$VERSION" ] || cannot "gitlab-ci-local $VERSION still not answering after npm install"
    log "gitlab-ci-local $VERSION installed"
}

main "$@"
