#!/usr/bin/env bash
# bench-check.sh - times `labgrader check` on a finished lab against scripts/bench/shell-check.sh, which makes
# the same Docker checks with the docker CLI and curl. Both run side by side in one hyperfine session
# (median of RUNS runs each, default 10), plus labgrader without its class-data-sharing archive, to show
# what the archive buys. Prints the medians and the ratio; the README quotes them.
#   usage: scripts/bench-check.sh [RUNS]
set -euo pipefail
cd "$(CDPATH='' cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=${1:-10}
ROOT=$PWD

command -v hyperfine >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq --no-install-recommends hyperfine >/dev/null; }
command -v hyperfine >/dev/null || { echo "bench-check: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
scripts/prepare-docker.sh >/dev/null
mvn -q -B -ntp -DskipTests package
rm -f target/labgrader.jsa

WORK=$(mktemp -d)
trap 'docker rm -f lgbench-web >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
# the Docker section of the rubric: the shell script checks exactly that
python3 - "$ROOT/rubric.yml" "$WORK/rubric.yml" <<'PY'
import sys
text = open(sys.argv[1]).read()
cut = text.find("\n  - id: vm")
open(sys.argv[2], "w").write(text if cut < 0 else text[:cut + 1])
PY

echo "bench-check: doing the lab once (hello-world, nginx on 8080, check, stop, rm)"
SINCE=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
docker run --rm hello-world >/dev/null
docker run -d -p 8080:80 --name lgbench-web nginx:latest >/dev/null
for _ in $(seq 50); do curl -s -o /dev/null localhost:8080 && break; sleep 0.1; done
(cd "$WORK" && "$ROOT/labgrader" check --evidence ev0 --out report --events-since "$SINCE" >/dev/null)
docker stop lgbench-web >/dev/null && docker rm lgbench-web >/dev/null
(cd "$WORK" && "$ROOT/labgrader" check --evidence ev0 --out report --events-since "$SINCE" | tail -1)
(cd "$WORK" && "$ROOT/labgrader" check --evidence ev0 --out report --events-since "$SINCE" >/dev/null) # CDS archive now exists

JAR="$ROOT/target/labgrader.jar"
cd "$WORK"
hyperfine --warmup 2 --runs "$RUNS" --export-json "$WORK/bench.json" \
    --prepare "rm -rf ev && cp -r ev0 ev" \
    -n "labgrader check" "$ROOT/labgrader check --evidence ev --out report --events-since $SINCE" \
    -n "shell script (docker CLI + curl)" "$ROOT/scripts/bench/shell-check.sh $SINCE" \
    -n "labgrader check, no CDS archive" "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $JAR check --evidence ev --out report --events-since $SINCE"

python3 - "$WORK/bench.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
lab = results["labgrader check"]["median"]
shell = results["shell script (docker CLI + curl)"]["median"]
nocds = results["labgrader check, no CDS archive"]["median"]
print(f"median labgrader check:               {lab * 1000:7.0f} ms")
print(f"median shell script (docker + curl):  {shell * 1000:7.0f} ms")
print(f"median labgrader without CDS archive: {nocds * 1000:7.0f} ms")
print(f"ratio labgrader / shell script:       {lab / shell:7.2f}")
PY
