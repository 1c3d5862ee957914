package io.labgrader.lab;

import io.labgrader.evidence.docker.ConsistencyReport;
import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.Messages;

import java.util.List;

/** Puts the disagreements between journal and raw captures into words: evidence holds their keys, not their text. */
public final class Disagreements {

    private Disagreements() {
    }

    /** The first {@code max} disagreements, joined, and how many more there are. */
    public static LocalizedText summary(ConsistencyReport report, int max) {
        List<LocalizedText> shown = report.first(max).stream().map(Disagreements::text).toList();
        int more = report.disagreements().size() - shown.size();
        LocalizedText listed = LocalizedText.join(shown, "; ");
        return more <= 0 ? listed : listed.append(Messages.CORE.text("evidence.raw.more", more), "");
    }

    public static LocalizedText text(ConsistencyReport.Disagreement d) {
        return Messages.CORE.text(d.key(), d.args().toArray());
    }
}
