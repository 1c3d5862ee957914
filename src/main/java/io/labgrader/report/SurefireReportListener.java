package io.labgrader.report;

import io.labgrader.grading.GradeResult;
import io.labgrader.grading.GradingConfig;
import io.labgrader.grading.GradingListener;
import io.labgrader.rubric.LocalizedText.Language;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Writes the file reports when the grading suites run under Surefire ({@code mvn -Pgrade test}), so that Maven
 * and the CLI produce the same report.json. Registered through META-INF/services; it writes only when the system
 * property {@value GradingConfig#OUT} names a folder, and otherwise does nothing. A failure to write is one line
 * on stderr, never an exception: the test run itself must not break because a report could not be written.
 */
public class SurefireReportListener extends GradingListener {

    private final UnaryOperator<String> properties;
    private final PrintStream err;

    public SurefireReportListener() {
        this(System::getProperty, null);
    }

    /** For tests: properties looked up through {@code properties}, failures reported to {@code err}. */
    SurefireReportListener(UnaryOperator<String> properties, PrintStream err) {
        this.properties = properties;
        this.err = err;
    }

    @Override
    protected void onResult(GradeResult result) {
        String out = null;
        try {
            out = properties.apply(GradingConfig.OUT);
            if (out == null || out.isBlank()) {
                return;
            }
            Reports.writeAll(result, Path.of(out.trim()), language(properties.apply(GradingConfig.LANG)));
        } catch (Exception | LinkageError e) {
            (err != null ? err : System.err).println("labgrader: could not write the reports to " + out + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    static Language language(String value) {
        try {
            return Language.parseOrDefault(value);
        } catch (IllegalArgumentException e) {
            return Language.fromLocale(Locale.getDefault());
        }
    }
}
