#!/usr/bin/env bash
# setup.sh - Gradescope runs this once, as root, when it builds the autograder image (Ubuntu, see Gradescope's
# docs/base_images.md). labgrader needs only a Java 17 runtime, from Ubuntu's own packages.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends openjdk-17-jre-headless
java -version
