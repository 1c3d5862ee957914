package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.LocalizedTextJson;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.reporting.ReportEntry;

import java.util.Map;
import java.util.Optional;

/**
 * A remark on a criterion that passes, such as "installed, but it did not answer". A passed criterion has no
 * failure to carry a message, so the grading method publishes the note through JUnit's {@link TestReporter}, and
 * {@link GradingListener} attaches it to the PASSED result.
 */
public final class PassNote {

    /** The note as {@link LocalizedTextJson}: a report entry carries only strings, and the note its language-free form. */
    static final String NOTE = "labgrader.note";

    private PassNote() {
    }

    /** Publishes the note of the running criterion; the listener keeps it if the criterion passes. */
    public static void publish(TestReporter reporter, LocalizedText note) {
        reporter.publishEntry(Map.of(NOTE, LocalizedTextJson.write(note)));
    }

    /** The note in a published report entry, if it is one. */
    static Optional<LocalizedText> of(ReportEntry entry) {
        String note = entry.getKeyValuePairs().get(NOTE);
        return note == null ? Optional.empty() : Optional.of(LocalizedTextJson.read(note));
    }
}
