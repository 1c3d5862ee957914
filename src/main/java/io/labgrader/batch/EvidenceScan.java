package io.labgrader.batch;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.Hashes;
import io.labgrader.evidence.Json;
import io.labgrader.evidence.Manifest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an instructor should know about one bundle besides its grade: whether its files still match the manifest's
 * hashes, whether anything in it was seen live (by check or watch), and the identifiers of the student's machine
 * (container IDs, Docker daemon ID, VM UUIDs, MAC addresses) that collusion detection compares across students.
 */
final class EvidenceScan {

    /** Sources of observations made on the student's machine while the lab was done. */
    static final Set<String> LIVE_SOURCES = Set.of("check", "watch");
    private static final long MAX_MANIFEST_BYTES = 4L * 1024 * 1024;
    private static final int SHOWN_PROBLEMS = 3;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HEX12 = Pattern.compile("[0-9a-f]{12}");

    /**
     * @param flags        modified after capture and no live observation, if they apply
     * @param fingerprints "kind:value" of every machine identifier in the evidence
     * @param readable     the journal could be read
     */
    record Scan(List<Flag> flags, Set<String> fingerprints, boolean readable) {
    }

    private EvidenceScan() {
    }

    /** Scans a bundle folder whose files are on disk. */
    static Scan of(Path bundle) {
        return of(bundle, null);
    }

    /**
     * @param files the bundle's files with size and hash when they were taken from a zip (only the manifest and the
     *              journal are on disk then), or null to read the files from the folder
     */
    static Scan of(Path bundle, Map<String, SafeUnzip.FileFacts> files) {
        List<Flag> flags = new ArrayList<>();
        Manifest manifest = null;
        try {
            manifest = readManifest(bundle);
        } catch (IOException e) {
            flags.add(Flag.of(Flag.Kind.MODIFIED,
                    "manifest.json ist nicht lesbar (" + e.getMessage() + "); ob die Nachweise nach der Aufnahme verändert wurden, lässt sich nicht prüfen.",
                    "manifest.json is unreadable (" + e.getMessage() + "); whether the evidence was changed after capture cannot be checked."));
        }
        if (manifest == null && flags.isEmpty()) {
            flags.add(Flag.of(Flag.Kind.MODIFIED,
                    "Kein manifest.json: labgrader schreibt es bei jeder Aufnahme; ob die Nachweise verändert wurden, lässt sich nicht prüfen.",
                    "No manifest.json: labgrader writes one with every capture; whether the evidence was changed cannot be checked."));
        } else if (manifest != null) {
            List<String> problemsDe = new ArrayList<>();
            List<String> problemsEn = new ArrayList<>();
            compare(bundle, files, manifest, problemsDe, problemsEn);
            if (!problemsEn.isEmpty()) {
                flags.add(Flag.of(Flag.Kind.MODIFIED, summarise(problemsDe, "und %d weitere"), summarise(problemsEn, "and %d more")));
            }
        }
        JournalScan.Result journal;
        try {
            journal = JournalScan.scan(bundle.resolve(EvidenceBundle.JOURNAL));
        } catch (IOException | RuntimeException e) {
            // grading reports why the journal is unreadable; without observations there is nothing to compare
            return new Scan(List.copyOf(flags), Set.of(), false);
        }
        live(journal).ifPresent(flags::add);
        Set<String> fingerprints = new TreeSet<>();
        if (manifest != null && manifest.host() != null) {
            daemon(manifest.host().dockerDaemonId(), fingerprints);
        }
        for (String[] id : journal.identifiers()) {
            switch (id[0]) {
                case "daemon" -> daemon(id[1], fingerprints);
                case "container" -> container(id[1], fingerprints);
                case "vm" -> vmUuid(id[1], fingerprints);
                default -> mac(id[1], fingerprints);
            }
        }
        return new Scan(List.copyOf(flags), fingerprints, true);
    }

    private static Manifest readManifest(Path bundle) throws IOException {
        Path file = bundle.resolve(EvidenceBundle.MANIFEST);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        if (Files.size(file) > MAX_MANIFEST_BYTES) {
            throw new IOException("larger than " + Limits.size(MAX_MANIFEST_BYTES));
        }
        try {
            Manifest manifest = Json.mapper().readValue(Files.readAllBytes(file), Manifest.class);
            if (manifest == null) {
                throw new IOException("empty");
            }
            return manifest;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Every file the manifest lists must be there with its size and hash; journal and raw captures must be listed. */
    private static void compare(Path bundle, Map<String, SafeUnzip.FileFacts> files, Manifest manifest, List<String> de,
                                List<String> en) {
        Map<String, Manifest.FileEntry> listed = new TreeMap<>();
        for (Manifest.FileEntry entry : manifest.files()) {
            if (entry == null || entry.path() == null) {
                continue;
            }
            String path = entry.path().replace('\\', '/');
            Path file = bundle.resolve(path).normalize();
            if (path.startsWith("/") || !file.startsWith(bundle)) {
                de.add("das Manifest nennt \"" + path + "\" außerhalb der Nachweise");
                en.add("the manifest lists \"" + path + "\", outside the evidence");
                continue;
            }
            String relative = bundle.relativize(file).toString().replace('\\', '/');
            listed.put(relative, entry);
            SafeUnzip.FileFacts facts;
            try {
                facts = files != null ? files.get(relative) : Files.isRegularFile(file) ? new SafeUnzip.FileFacts(Files.size(file), Hashes.sha256(file)) : null;
            } catch (IOException e) {
                de.add(relative + " ist nicht lesbar");
                en.add(relative + " is unreadable");
                continue;
            }
            if (facts == null) {
                de.add(relative + " fehlt");
                en.add(relative + " is missing");
            } else if (facts.size() != entry.size() || !facts.sha256().equalsIgnoreCase(String.valueOf(entry.sha256()))) {
                de.add(relative + " wurde geändert (SHA-256 stimmt nicht)");
                en.add(relative + " was changed (SHA-256 differs)");
            }
        }
        for (String present : files != null ? captured(files) : capturedFiles(bundle)) {
            if (!listed.containsKey(present)) {
                de.add(present + " fehlt im Manifest (später hinzugefügt)");
                en.add(present + " is not in the manifest (added later)");
            }
        }
    }

    /** journal.jsonl and everything under raw/ among the files of a zipped bundle. */
    private static List<String> captured(Map<String, SafeUnzip.FileFacts> files) {
        return files.keySet().stream().filter(f -> f.equals(EvidenceBundle.JOURNAL)
                || f.startsWith(EvidenceBundle.RAW + "/") && !f.endsWith(".tmp")).sorted().toList();
    }

    /** journal.jsonl and everything under raw/, as the manifest would list them. */
    private static List<String> capturedFiles(Path bundle) {
        List<String> files = new ArrayList<>();
        if (Files.isRegularFile(bundle.resolve(EvidenceBundle.JOURNAL))) {
            files.add(EvidenceBundle.JOURNAL);
        }
        Path raw = bundle.resolve(EvidenceBundle.RAW);
        if (Files.isDirectory(raw)) {
            try {
                Files.walkFileTree(raw, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String relative = bundle.relativize(file).toString().replace('\\', '/');
                        if (attrs.isRegularFile() && !relative.endsWith(".tmp")) {
                            files.add(relative);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // unreadable raw captures show up as a grading problem if a grader needs them
            }
        }
        files.sort(null);
        return files;
    }

    private static String summarise(List<String> problems, String more) {
        String shown = String.join("; ", problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size())));
        return problems.size() > SHOWN_PROBLEMS ? shown + "; " + String.format(Locale.ROOT, more, problems.size() - SHOWN_PROBLEMS) : shown;
    }

    static java.util.Optional<Flag> live(JournalScan.Result journal) {
        if (journal.observations() == 0) {
            return java.util.Optional.of(Flag.of(Flag.Kind.NO_LIVE, "Das Journal enthält keine Beobachtungen.",
                    "The journal holds no observations."));
        }
        if (JournalScan.anyOf(journal.sources(), LIVE_SOURCES)) {
            return java.util.Optional.empty();
        }
        StringBuilder list = new StringBuilder();
        journal.sources().forEach((s, n) -> list.append(list.length() == 0 ? "" : ", ").append(s).append(" (").append(n).append(')'));
        return java.util.Optional.of(Flag.of(Flag.Kind.NO_LIVE,
                "Keine Beobachtung von \"labgrader check\" oder \"watch\"; Quellen: " + list + ".",
                "No observation from \"labgrader check\" or \"watch\"; sources: " + list + "."));
    }

    private static void daemon(String id, Set<String> into) {
        if (id != null && id.trim().length() >= 8) {
            into.add("daemon:" + id.trim().toLowerCase(Locale.ROOT));
        }
    }

    private static void container(String id, Set<String> into) {
        if (id != null && HEX64.matcher(id.trim().toLowerCase(Locale.ROOT)).matches()) {
            into.add("container:" + id.trim().toLowerCase(Locale.ROOT));
        }
    }

    /** VirtualBox, libvirt and Hyper-V UUIDs, and VMware's uuid.bios ("56 4d 12 … -… "); not .vmx paths. */
    private static void vmUuid(String uuid, Set<String> into) {
        if (uuid == null) {
            return;
        }
        String hex = uuid.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-{}]", "");
        if (HEX32.matcher(hex).matches() && !hex.matches("0+|f+")) {
            into.add("vm:" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20));
        }
    }

    private static void mac(String mac, Set<String> into) {
        if (mac == null) {
            return;
        }
        String hex = mac.toLowerCase(Locale.ROOT).replaceAll("[\\s:.\\-]", "");
        if (HEX12.matcher(hex).matches() && !hex.matches("0+|f+")) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 12; i += 2) {
                s.append(i == 0 ? "" : ":").append(hex, i, i + 2);
            }
            into.add("mac:" + s);
        }
    }
}
