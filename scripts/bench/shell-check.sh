#!/usr/bin/env bash
# shell-check.sh - the baseline for the start-up benchmark: the Docker checks of the lab made with the docker
# CLI and curl, as a careful shell script would make them. It reads what labgrader check reads (engine version,
# images, all containers with their inspection, the event history, an HTTP GET on published ports) and prints
# a verdict per criterion. It keeps no evidence and writes no reports, so it is a lower bound for labgrader.
#   usage: shell-check.sh SINCE      (SINCE: start of the event history to read, e.g. 2026-11-28T09:00:00Z)
set -uo pipefail
SINCE=${1:?usage: shell-check.sh SINCE}
score=0
verdict() { printf '%-22s %s\n' "$1" "$2"; }

if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then score=$((score + 5)); verdict docker.engine PASSED
else verdict docker.engine NOT_GRADABLE; echo "score: 0 / 65"; exit 3; fi

docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}' >/dev/null
ids=$(docker ps -aq --no-trunc)
inspect=''
if [ -n "$ids" ]; then inspect=$(docker inspect $ids); fi
events=$(docker events --since "$SINCE" --until "$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)" --filter type=container --format '{{json .}}')

# hello-world: a die event with exitCode 0, or an exited(0) container of the image
if grep -q '"Action":"die".*"exitCode":"0".*"image":"hello-world' <<<"$events" \
   || docker ps -a --filter ancestor=hello-world --format '{{.Status}}' | grep -q '^Exited (0)'; then
    score=$((score + 10)); verdict docker.hello-world PASSED
else verdict docker.hello-world FAILED; fi

nginx_events=$(grep '"image":"nginx' <<<"$events")
if grep -q '"Action":"start"' <<<"$nginx_events" && ! grep -q '"Action":"attach"' <<<"$nginx_events"; then
    score=$((score + 5)); verdict docker.nginx-detached PASSED
else verdict docker.nginx-detached FAILED; fi

# the port, from the inspection of any nginx container that still exists
if grep -q '"HostPort": "8080"' <<<"$inspect" || grep -q '8080->80/tcp' <<<"$(docker ps -a --format '{{.Ports}}')"; then
    score=$((score + 10)); verdict docker.nginx-port PASSED
else verdict docker.nginx-port "FAILED (or not observable once removed)"; fi

for port in $(docker ps --format '{{.Ports}}' | grep -o '0.0.0.0:[0-9]*' | cut -d: -f2 | sort -u); do
    if curl -s -m 3 "http://localhost:$port/" | grep -q '<title>Welcome to nginx!</title>'; then
        score=$((score + 15)); verdict docker.nginx-answers PASSED
    fi
done

if grep -q '"Action":"stop"' <<<"$nginx_events"; then score=$((score + 10)); verdict docker.nginx-stopped PASSED
else verdict docker.nginx-stopped FAILED; fi
if grep -q '"Action":"destroy"' <<<"$nginx_events" && [ -z "$(docker ps -aq --filter ancestor=nginx:latest)" ]; then
    score=$((score + 10)); verdict docker.nginx-removed PASSED
else verdict docker.nginx-removed FAILED; fi
echo "score: $score / 65"
