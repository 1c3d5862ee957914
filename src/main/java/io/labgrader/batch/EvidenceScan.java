package io.labgrader.batch;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.evidence.EvidenceReader;
import io.labgrader.evidence.Manifest;
import io.labgrader.evidence.Observation;
import io.labgrader.evidence.RawCaptures;
import io.labgrader.grading.LoadedEvidence;
import io.labgrader.module.LabModule;
import io.labgrader.module.Labs;
import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.Messages;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an instructor should know about one bundle besides its grade: whether its files still match the manifest's
 * hashes, whether anything in it was seen live (by check or watch), and the identifiers of the student's machine
 * that collusion detection compares across students: the manifest's Docker daemon ID, and whatever the lab's module
 * names as fingerprints ({@link LabModule#fingerprints}).
 */
final class EvidenceScan {

    /** Sources of observations made on the student's machine while the lab was done. */
    static final Set<String> LIVE_SOURCES = Set.of("check", "watch");
    private static final int SHOWN_PROBLEMS = 3;

    /**
     * @param flags        modified after capture, inconsistent, and no live observation, if they apply
     * @param fingerprints "kind:value" of every machine identifier in the evidence
     * @param readable     the journal could be read
     */
    record Scan(List<Flag> flags, Set<String> fingerprints, boolean readable) {
    }

    private EvidenceScan() {
    }

    /** Scans a bundle folder of the first lab whose files are on disk (tests, and a look at one bundle). */
    static Scan of(Path bundle) throws IOException {
        BundleFiles files = BundleFiles.fromFolder(bundle, bundle.toString());
        return of(files, LoadedEvidence.of(files.shown(), files.manifest(), files.journal(), RawCaptures.of(files.raw())),
                Labs.byId(Labs.DEFAULT_LAB).orElseThrow());
    }

    /**
     * @param files    the bundle's files, as the batch took them
     * @param evidence the same files as the graders read them; its observations give the identifiers
     * @param lab      the lab being graded, which names the machine identifiers in its evidence
     */
    static Scan of(BundleFiles files, LoadedEvidence evidence, LabModule lab) {
        List<Flag> flags = new ArrayList<>();
        Manifest manifest = null;
        if (evidence.readable()) {
            manifest = evidence.evidence().manifest();
        } else if (files.manifest() != null) {
            try {
                manifest = EvidenceReader.parseManifest(EvidenceBundle.MANIFEST, files.manifest());
            } catch (EvidenceException e) {
                flags.add(Flag.of(Flag.Kind.MODIFIED, Messages.CORE.text("flag.manifestJsonIsUnreadable", e.getMessage())));
            }
        }
        if (manifest == null && flags.isEmpty()) {
            flags.add(Flag.of(Flag.Kind.MODIFIED, Messages.CORE.text("flag.noManifestJsonLabgrader")));
        } else if (manifest != null) {
            List<LocalizedText> problems = new ArrayList<>();
            compare(files.files(), manifest, problems);
            if (!problems.isEmpty()) {
                flags.add(Flag.of(Flag.Kind.MODIFIED, summarise(problems)));
            }
        }
        if (!evidence.readable()) {
            // grading reports why the journal is unreadable; without observations there is nothing to compare
            return new Scan(List.copyOf(flags), Set.of(), false);
        }
        List<Observation> observations = evidence.evidence().observations();
        live(observations).ifPresent(flags::add);
        lab.inconsistency(evidence.evidence()).ifPresent(detail -> flags.add(Flag.of(Flag.Kind.INCONSISTENT, detail)));
        Set<String> fingerprints = new TreeSet<>();
        if (manifest != null && manifest.host() != null) {
            daemon(manifest.host().dockerDaemonId(), fingerprints);
        }
        fingerprints.addAll(lab.fingerprints(observations));
        return new Scan(List.copyOf(flags), fingerprints, true);
    }

    /** Every file the manifest lists must be there with its size and hash; journal and raw captures must be listed. */
    private static void compare(Map<String, BundleFiles.FileFacts> files, Manifest manifest, List<LocalizedText> problems) {
        Map<String, Manifest.FileEntry> listed = new TreeMap<>();
        Path root = Path.of("/bundle");   // only to resolve ".." in listed paths, never read
        for (Manifest.FileEntry entry : manifest.files()) {
            if (entry == null || entry.path() == null) {
                continue;
            }
            String path = entry.path().replace('\\', '/');
            Path file;
            try {
                file = root.resolve(path).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                file = null;
            }
            if (path.startsWith("/") || file == null || !file.startsWith(root) || file.equals(root)) {
                problems.add(Messages.CORE.text("flag.manifest.outside", path));
                continue;
            }
            String relative = root.relativize(file).toString().replace('\\', '/');
            listed.put(relative, entry);
            BundleFiles.FileFacts facts = files.get(relative);
            if (facts == null) {
                problems.add(Messages.CORE.text("flag.manifest.missing", relative));
            } else if (facts.size() != entry.size() || !facts.sha256().equalsIgnoreCase(String.valueOf(entry.sha256()))) {
                problems.add(Messages.CORE.text("flag.manifest.changed", relative));
            }
        }
        for (String present : captured(files)) {
            if (!listed.containsKey(present)) {
                problems.add(Messages.CORE.text("flag.manifest.added", present));
            }
        }
    }

    /** journal.jsonl and everything under raw/ among the files of a bundle, as the manifest would list them. */
    private static List<String> captured(Map<String, BundleFiles.FileFacts> files) {
        return files.keySet().stream().filter(f -> f.equals(EvidenceBundle.JOURNAL)
                || f.startsWith(EvidenceBundle.RAW + "/") && !f.endsWith(".tmp")).sorted().toList();
    }

    private static LocalizedText summarise(List<LocalizedText> problems) {
        LocalizedText shown = LocalizedText.join(problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size())), "; ");
        return problems.size() > SHOWN_PROBLEMS
                ? shown.append(Messages.CORE.text("flag.manifest.more", problems.size() - SHOWN_PROBLEMS), "; ") : shown;
    }

    static java.util.Optional<Flag> live(List<Observation> observations) {
        if (observations.isEmpty()) {
            return java.util.Optional.of(Flag.of(Flag.Kind.NO_LIVE, Messages.CORE.text("flag.theJournalHoldsNo")));
        }
        Map<String, Integer> sources = new TreeMap<>();
        for (Observation o : observations) {
            sources.merge(o.source() == null ? "?" : o.source().trim().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        if (sources.keySet().stream().anyMatch(LIVE_SOURCES::contains)) {
            return java.util.Optional.empty();
        }
        StringBuilder list = new StringBuilder();
        sources.forEach((s, n) -> list.append(list.length() == 0 ? "" : ", ").append(s).append(" (").append(n).append(')'));
        return java.util.Optional.of(Flag.of(Flag.Kind.NO_LIVE, Messages.CORE.text("flag.noObservationFromLabgrader", list)));
    }

    /** The manifest's daemon ID, in the form the first lab's fingerprints give the engine's own. */
    private static void daemon(String id, Set<String> into) {
        if (id != null && id.trim().length() >= 8) {
            into.add("daemon:" + id.trim().toLowerCase(Locale.ROOT));
        }
    }
}
