package io.labgrader.batch;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.Messages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/** Why a submission was refused, in the reader's language: the texts SubmissionPreparer and its checks reject with. */
final class SubmissionRejections {

    private SubmissionRejections() {
    }

    static Rejection special(String path) {
        return Rejection.of(Messages.CORE.text("rejected.isNotARegular", path));
    }

    static Rejection tooManyFiles(String shown, Limits limits) {
        return Rejection.of(Messages.CORE.text("rejected.holdsMoreThanFiles", shown, limits.maxEntries()));
    }

    static Rejection unreadable(String shown, IOException e) {
        return Rejection.of(Messages.CORE.text("rejected.cannotBeRead", shown, e.getMessage()));
    }

    static Rejection linkOut(String link) {
        return Rejection.of(Messages.CORE.text("rejected.isASymbolicLink2", link));
    }

    static Rejection nothingInZip(ZipFile zip, String source, Limits limits) throws Rejection {
        List<String> names = SafeUnzip.list(zip, limits, source).names();
        return nothing(source, names.stream().map(n -> n.contains("/") ? n.substring(0, n.indexOf('/') + 1) : n)
                .distinct().sorted().toList());
    }

    static Rejection nothingFound(Path base, String source) {
        List<String> names = new ArrayList<>();
        try (var list = Files.list(base)) {
            list.map(p -> p.getFileName().toString() + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
                    .filter(n -> !n.startsWith("__MACOSX")).sorted().forEach(names::add);
        } catch (IOException e) {
            // the message then names no content
        }
        return nothing(source, names);
    }

    private static Rejection nothing(String source, List<String> names) {
        if (names.isEmpty()) {
            return Rejection.of(Messages.CORE.text("rejected.isEmptyNoEvidence", source));
        }
        String listed = names.stream().limit(6).collect(Collectors.joining(", ")) + (names.size() > 6 ? ", …" : "");
        return Rejection.of(Messages.CORE.text("rejected.holdsNoLabgraderEvidence", source, EvidenceBundle.JOURNAL, listed));
    }

    /** "a, b and c" in the reader's language. */
    static LocalizedText and(List<String> items) {
        if (items.size() <= 1) {
            return LocalizedText.same(String.join("", items));
        }
        return Messages.CORE.text("list.and", String.join(", ", items.subList(0, items.size() - 1)), items.get(items.size() - 1));
    }
}
