#!/usr/bin/env bash
# bench-batch.sh - benchmark `labgrader grade` on a class of generated submissions (not a test: it prints figures).
#
# 1. Generates N submissions (default 1000) from the real bundles in submissions/ (scripts/make-samples.sh records
#    them with labgrader check on the real engine): each student gets the bundle of one sample with its container
#    IDs, Docker daemon ID, VM UUIDs and MAC addresses replaced by the student's own (in the journal, the raw
#    captures and their file names), and the manifest's hashes recomputed, so that flags fire only where they
#    should. Layouts as Moodle's "download all submissions" gives them: 60 % a folder holding evidence.zip, 30 % a
#    folder holding the files, 10 % a cloned repository with evidence/; every 50th student shares a container with
#    the one before (collusion), every 100th has a journal cut off (not gradable).
# 2. The floors, medians of RUNS: the time to just read the same files (cat), and the time to just write what a run
#    writes (a folder and four reports per student, plain writes on 2 threads; see WriteFloor below), which shows the
#    state of the file system.
# 3. `labgrader grade` on them, RUNS times, each into a fresh output folder after a sync (the outputs are removed only at
#    the end, so no run pays for deleting the one before): wall time including JVM start (the
#    labgrader launcher script with its class-data-sharing archive, as users run it), and peak memory (maximum
#    resident set size from /usr/bin/time -v). Prints the median wall time and the largest peak.
#
# Usage: scripts/bench-batch.sh [N ...]          e.g. scripts/bench-batch.sh 1000 4000 (memory should stay flat)
# Environment (optional):
#   RUNS=5                  runs per figure (median)
#   JOBS=                   --jobs for labgrader (default: all cores)
#   LABGRADER_BUILD_DIR     Maven build folder (default: a temporary folder)
#   LABGRADER_JAR           use this jar instead of building one
#   KEEP=1                  keep the generated submissions and outputs (their folder is printed)

set -euo pipefail
cd "$(CDPATH='' cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT=$PWD
COUNTS=("${@:-1000}")
[ "$#" -gt 0 ] && COUNTS=("$@")
RUNS=${RUNS:-5}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/labgrader-bench.XXXXXX")

log() { printf 'bench-batch: %s\n' "$*" >&2; }
die() { printf 'bench-batch: ERROR: %s\n' "$*" >&2; exit 1; }
cleanup() { if [ "${KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf -- "$WORK"; fi; }
trap cleanup EXIT

[ -d submissions ] || die "no submissions/ to derive from; run scripts/make-samples.sh"
if [ ! -x /usr/bin/time ]; then
    log "installing GNU time (apt-get install time)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null; } \
        || die "/usr/bin/time is needed: apt-get install time"
fi

if [ -n "${LABGRADER_JAR:-}" ]; then
    JAR=$LABGRADER_JAR
else
    BUILD=${LABGRADER_BUILD_DIR:-$WORK/build}
    log "building labgrader into $BUILD"
    mvn -q -B -ntp -Dbuild.dir="$BUILD" -DskipTests package >&2 || die "the build failed"
    JAR=$BUILD/labgrader.jar
fi
# the launcher as users run it, with its own copy of the jar (its CDS archive goes next to it)
mkdir -p "$WORK/lg/target"
cp labgrader "$WORK/lg/labgrader"
mkdir -p "$WORK/lg/src/dist"
cp src/dist/labgrader "$WORK/lg/src/dist/labgrader"   # the repository launcher runs the student download's one
cp "$JAR" "$WORK/lg/target/labgrader.jar"
touch "$WORK/lg/target/labgrader.jar"
LG=$WORK/lg/labgrader

# ------------------------------------------------------------------------------------------ the generator
cat >"$WORK/GenerateSubmissions.java" <<'JAVA'
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Derives N students' submissions from the real sample bundles; see bench-batch.sh. */
public class GenerateSubmissions {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final Pattern CONTAINER = Pattern.compile("\\b[0-9a-f]{64}\\b");
    static final Pattern UUID = Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    static final Pattern MAC = Pattern.compile("\\b52:54:00(:[0-9a-f]{2}){3}\\b|\\b08:00:27(:[0-9a-f]{2}){3}\\b");

    record Bundle(String name, Map<String, byte[]> files, boolean gradable) { }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        List<Bundle> bundles = load(samples);
        List<Bundle> good = bundles.stream().filter(Bundle::gradable).toList();
        Bundle broken = bundles.stream().filter(b -> !b.gradable()).findFirst().orElse(good.get(0));
        Files.createDirectories(out);
        Map<String, String> previous = null;
        for (int i = 0; i < count; i++) {
            boolean isBroken = i % 100 == 99;
            Bundle base = isBroken ? broken : good.get(i % good.size());
            Map<String, String> ids = identities(base, "student-" + i);
            if (i % 50 == 49 && previous != null) {          // copied from the student before: shares a container
                String firstContainer = ids.keySet().stream().filter(k -> k.length() == 64).findFirst().orElse(null);
                String prevContainer = previous.values().stream().filter(v -> v.length() == 64).findFirst().orElse(null);
                if (firstContainer != null && prevContainer != null) {
                    ids.put(firstContainer, prevContainer);
                    ids.put(firstContainer.substring(0, 12), prevContainer.substring(0, 12));
                }
            }
            previous = ids;
            Map<String, byte[]> files = rewrite(base.files(), ids, isBroken);
            String folder = String.format("Student %04d_%d_assignsubmission_file_", i, 200000 + i);
            int layout = i % 10;
            if (layout < 6) {
                zip(files, out.resolve(folder).resolve("evidence.zip"));
            } else if (layout < 9) {
                write(files, out.resolve(folder).resolve("evidence"));
            } else {
                Path repo = out.resolve(String.format("student%04d-lab", i));
                write(files, repo.resolve("evidence"));
                Files.writeString(repo.resolve("README.md"), "# Lab: Docker vs. virtual machine\n");
            }
        }
    }

    /** Every bundle in the samples folder: folders holding journal.jsonl, and zips holding one. */
    static List<Bundle> load(Path samples) throws IOException {
        List<Bundle> bundles = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(samples)) {
            for (Path p : walk.sorted().toList()) {
                if (p.getFileName().toString().equals("journal.jsonl") && Files.isRegularFile(p)) {
                    Map<String, byte[]> files = new TreeMap<>();
                    Path dir = p.getParent();
                    try (Stream<Path> inner = Files.walk(dir)) {
                        for (Path f : inner.filter(Files::isRegularFile).toList()) {
                            files.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                        }
                    }
                    bundles.add(new Bundle(samples.relativize(dir).toString(), files, gradable(files)));
                } else if (p.toString().endsWith(".zip")) {
                    Map<String, byte[]> files = new TreeMap<>();
                    try (ZipFile zip = new ZipFile(p.toFile())) {
                        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                            if (!e.isDirectory() && e.getName().startsWith("evidence/")) {
                                try (InputStream in = zip.getInputStream(e)) {
                                    files.put(e.getName().substring("evidence/".length()), in.readAllBytes());
                                }
                            }
                        }
                    }
                    if (files.containsKey("journal.jsonl")) {
                        bundles.add(new Bundle(samples.relativize(p).toString(), files, gradable(files)));
                    }
                }
            }
        }
        if (bundles.stream().noneMatch(Bundle::gradable)) {
            throw new IllegalStateException("no readable sample bundle in " + samples);
        }
        return bundles;
    }

    static boolean gradable(Map<String, byte[]> files) {
        String journal = new String(files.get("journal.jsonl"), StandardCharsets.UTF_8);
        for (String line : journal.split("\n")) {
            try {
                if (!line.isBlank()) {
                    JSON.readTree(line);
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** old identifier -> this student's: container IDs (and their short forms), daemon ID, VM UUIDs, MACs. */
    static Map<String, String> identities(Bundle base, String seed) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : base.files().entrySet()) {
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            for (Matcher m = CONTAINER.matcher(text); m.find(); ) {
                String id = m.group();
                if (!ids.containsKey(id) && !text.contains("sha256:" + id)) {   // image ids stay: every student pulls the same image
                    String fresh = hex(seed + id);
                    ids.put(id, fresh);
                    ids.put(id.substring(0, 12), fresh.substring(0, 12));
                }
            }
            for (Matcher m = UUID.matcher(text); m.find(); ) {
                String h = hex(seed + m.group());
                ids.putIfAbsent(m.group(), h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a"
                        + h.substring(17, 20) + "-" + h.substring(20, 32));
            }
            for (Matcher m = MAC.matcher(text); m.find(); ) {
                String h = hex(seed + m.group());
                ids.putIfAbsent(m.group(), m.group().substring(0, 8) + ":" + h.substring(0, 2) + ":" + h.substring(2, 4) + ":" + h.substring(4, 6));
            }
        }
        JsonNode manifest = JSON.readTree(base.files().get("manifest.json"));
        String daemon = manifest.path("host").path("dockerDaemonId").asText("");
        if (!daemon.isEmpty()) {
            String h = hex(seed + daemon).toUpperCase();
            StringBuilder fresh = new StringBuilder();
            for (int i = 0; i < daemon.length(); i++) {
                fresh.append(daemon.charAt(i) == ':' ? ':' : h.charAt(i % h.length()));
            }
            ids.put(daemon, fresh.toString());
        }
        return ids;
    }

    static Map<String, byte[]> rewrite(Map<String, byte[]> files, Map<String, String> ids, boolean truncate) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().equals("manifest.json")) {
                continue;
            }
            String path = replace(f.getKey(), ids);
            out.put(path, replace(new String(f.getValue(), StandardCharsets.UTF_8), ids).getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode manifest = (ObjectNode) JSON.readTree(files.get("manifest.json"));
        JsonNode host = manifest.path("host");
        if (host instanceof ObjectNode h && h.hasNonNull("dockerDaemonId")) {
            h.put("dockerDaemonId", replace(h.get("dockerDaemonId").asText(), ids));
        }
        ArrayNode entries = JSON.createArrayNode();
        for (Map.Entry<String, byte[]> f : out.entrySet()) {
            ObjectNode e = entries.addObject();
            e.put("path", f.getKey());
            e.put("size", f.getValue().length);
            e.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(f.getValue())));
        }
        manifest.set("files", entries);
        if (truncate) {       // cut off after the manifest was written: an interrupted upload
            byte[] journal = out.get("journal.jsonl");
            out.put("journal.jsonl", java.util.Arrays.copyOf(journal, journal.length / 2));
        }
        out.put("manifest.json", JSON.writeValueAsBytes(manifest));
        return out;
    }

    static String replace(String text, Map<String, String> ids) {
        String s = text;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            if (e.getKey().length() >= 12 && s.contains(e.getKey())) {
                s = s.replace(e.getKey(), e.getValue());
            }
        }
        return s;
    }

    static String hex(String seed) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
    }

    static void write(Map<String, byte[]> files, Path dir) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
    }

    static void zip(Map<String, byte[]> files, Path zipFile) throws IOException {
        Files.createDirectories(zipFile.getParent());
        try (OutputStream os = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("evidence/" + f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
    }
}
JAVA

# ------------------------------------------------------------------------------------------ the write floor
# Creates what a run writes for N students (a folder and four report files each, copies of a real student's reports)
# with plain writes on 2 threads: the file system's share of a run, which varies with its state (ext4 without a
# journal gets slower at creating files after many were deleted).
cat >"$WORK/WriteFloor.java" <<'JAVA'
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

public class WriteFloor {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        List<Path> reports = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[2]))) {
            files.filter(Files::isRegularFile).sorted().forEach(reports::add);
        }
        List<byte[]> contents = new ArrayList<>();
        for (Path r : reports) {
            contents.add(Files.readAllBytes(r));
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int i = 0; i < count; i++) {
            Path dir = out.resolve("student-" + i);
            pool.execute(() -> {
                try {
                    Files.createDirectories(dir);
                    for (int f = 0; f < reports.size(); f++) {
                        Files.write(dir.resolve(reports.get(f).getFileName()), contents.get(f));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        System.out.printf(java.util.Locale.ROOT, "%.3f%n", (System.nanoTime() - start) / 1e9);
    }
}
JAVA

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# elapsed wall seconds of "$@", as a number
wall() {
    local start end
    start=$(date +%s.%N)
    "$@"
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f\n", e - s}'
}

log "warming up the launcher (its class-data-sharing archive is recorded on the first run)"
"$LG" grade submissions --lang en --out "$WORK/warmup" >/dev/null 2>&1 || true

printf '\n%-8s %-12s %-14s %-14s %-14s %-12s %s\n' "students" "floor (cat)" "write floor" "median wall" "walls" "peak RSS" "result"
SAMPLE_REPORTS=$(find "$WORK/warmup/students" -mindepth 1 -maxdepth 1 -type d | sort | head -n 1)
for N in "${COUNTS[@]}"; do
    SUBS=$WORK/subs-$N
    java -cp "$JAR" "$WORK/GenerateSubmissions.java" submissions "$SUBS" "$N"
    FILES=$(find "$SUBS" -type f | wc -l)
    BYTES=$(du -sb "$SUBS" | cut -f1)
    floors=(); writes=()
    for r in $(seq 1 "$RUNS"); do
        sync
        floors+=("$(wall sh -c "find '$SUBS' -type f -print0 | xargs -0 cat > /dev/null")")
        sync
        writes+=("$(java "$WORK/WriteFloor.java" "$WORK/floor-$N-$r" "$N" "$SAMPLE_REPORTS")")
    done
    walls=(); peak=0; summary=''
    for r in $(seq 1 "$RUNS"); do
        OUTDIR=$WORK/out-$N-$r
        sync   # the previous run's files are on disk: its write-back does not slow this run down
        start=$(date +%s.%N)
        /usr/bin/time -v -o "$WORK/time-$N-$r.txt" "$LG" grade "$SUBS" --lang en --out "$OUTDIR" ${JOBS:+--jobs "$JOBS"} \
            >"$WORK/grade-$N-$r.log" 2>&1 || true
        end=$(date +%s.%N)
        walls+=("$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", e - s}')")
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time-$N-$r.txt")
        [ "$rss" -gt "$peak" ] && peak=$rss
        summary=$(grep -m1 '^Graded' "$WORK/grade-$N-$r.log" || tail -n 1 "$WORK/grade-$N-$r.log")
        # outputs stay until the end: deleting thousands of files between runs would slow the next run down on
        # file systems that avoid reusing recently freed inodes (ext4 without a journal), a cost of this script
    done
    floor=$(printf '%s\n' "${floors[@]}" | median)
    write=$(printf '%s\n' "${writes[@]}" | median)
    med=$(printf '%s\n' "${walls[@]}" | median)
    printf '%-8s %-12s %-14s %-14s %-14s %-12s %s\n' "$N" "${floor} s" "${write} s" "${med} s" "$(IFS=/; echo "${walls[*]}")" \
        "$((peak / 1024)) MiB" "$summary"
    log "$N students: $FILES files, $((BYTES / 1024)) KiB; $(nproc) cores; runs: ${walls[*]}"
done
