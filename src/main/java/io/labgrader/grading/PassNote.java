package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText;
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

    static final String DE = "labgrader.note.de";
    static final String EN = "labgrader.note.en";

    private PassNote() {
    }

    /** Publishes the note of the running criterion; the listener keeps it if the criterion passes. */
    public static void publish(TestReporter reporter, LocalizedText note) {
        reporter.publishEntry(Map.of(DE, note.de(), EN, note.en()));
    }

    /** The note in a published report entry, if it is one. */
    static Optional<LocalizedText> of(ReportEntry entry) {
        Map<String, String> values = entry.getKeyValuePairs();
        if (!values.containsKey(DE) || !values.containsKey(EN)) {
            return Optional.empty();
        }
        return Optional.of(LocalizedText.of(values.get(DE), values.get(EN)));
    }
}
