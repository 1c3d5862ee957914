package io.labgrader.report;

import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TEST-labgrader.xml in the JUnit XML dialect Surefire writes: one {@code <testsuite>} per rubric section, one
 * {@code <testcase>} per criterion named like the grading suites' display names. It is valid under Jenkins' xunit
 * schema (jenkinsci/xunit-plugin, junit-10.xsd), which allows no {@code skipped} count on {@code <testsuites>}.
 *
 * <p>FAILED is a {@code <failure>}, NOT_GRADABLE an {@code <error>}, and BLOCKED a {@code <failure type="BLOCKED">}
 * whose text begins "[BLOCKED]". Not {@code <skipped>}: GitLab (gitlabhq lib/gitlab/ci/reports/test_suite.rb,
 * test_suite_comparer.rb) counts a skipped case as no failure, shows the suite as passed, and its merge-request widget
 * lists only failures and errors, so a criterion whose points were lost would look like a pass there.
 *
 * <p>GitLab reads a case's output as the text of its failure or error element (lib/gitlab/ci/parsers/test/junit.rb,
 * through ActiveSupport's XMLConverter). An element with attributes and blank text becomes a hash there, not text,
 * so every failure and error carries text that is never blank.
 */
public final class JUnitXmlReport implements ReportFormat {

    public static final String FILE_NAME = "TEST-labgrader.xml";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    /** The report as a string. */
    public String render(GradeResult result, Language language) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(result, language, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write XML to memory", e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void write(GradeResult result, Language language, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", SafeText.oneLine(result.rubricId()));
            counts(xml, result.criteria(), false);
            Set<String> names = new HashSet<>();
            for (Map.Entry<String, List<CriterionResult>> section : bySection(result).entrySet()) {
                newline(xml, 1);
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", section.getKey());
                counts(xml, section.getValue(), true);
                for (CriterionResult c : section.getValue()) {
                    newline(xml, 2);
                    testcase(xml, c, section.getKey(), unique(ReportText.displayName(c, language), names), language);
                }
                newline(xml, 1);
                xml.writeEndElement();
            }
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    private static void testcase(XMLStreamWriter xml, CriterionResult c, String classname, String name,
                                 Language language) throws XMLStreamException {
        String message = ReportText.text(c.message(), language);
        String summary = SafeText.oneLine(message);
        boolean empty = c.outcome() == Outcome.PASSED;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", name);
        xml.writeAttribute("classname", classname);
        xml.writeAttribute("time", seconds(c.seconds()));
        if (empty) {
            return;
        }
        newline(xml, 3);
        boolean error = c.outcome() == Outcome.NOT_GRADABLE;
        xml.writeStartElement(error ? "error" : "failure");
        String label = ReportText.outcomeLabel(c.outcome(), language);
        xml.writeAttribute("message", summary.isEmpty() ? label : c.outcome() == Outcome.BLOCKED ? label + " " + summary : summary);
        xml.writeAttribute("type", c.outcome().name());
        xml.writeCharacters(text(c, message, language));
        xml.writeEndElement();
        newline(xml, 2);
        xml.writeEndElement();
    }

    /**
     * The failure's or error's text, never blank: the message, the rubric's hint under a failure, and "[BLOCKED]"
     * before a criterion that was not attempted.
     */
    private static String text(CriterionResult c, String message, Language language) {
        String text = message;
        if (c.outcome() == Outcome.FAILED) {
            String hint = ReportText.text(c.hint(), language);
            if (!hint.isEmpty()) {
                text = (text.isEmpty() ? "" : text + "\n") + (Messages.CORE.get(language, "report.hint")) + hint;
            }
        }
        String label = ReportText.outcomeLabel(c.outcome(), language);
        if (c.outcome() == Outcome.BLOCKED || text.isBlank()) {
            text = text.isBlank() ? label : label + " " + text;
        }
        return text;
    }

    private static Map<String, List<CriterionResult>> bySection(GradeResult result) {
        Map<String, List<CriterionResult>> sections = new LinkedHashMap<>();
        for (CriterionResult c : result.criteria()) {
            sections.computeIfAbsent(SafeText.oneLine(c.section()), k -> new ArrayList<>()).add(c);
        }
        return sections;
    }

    /** The counts; Jenkins' schema allows {@code skipped} on a testsuite only, and nothing is skipped. */
    private static void counts(XMLStreamWriter xml, List<CriterionResult> criteria, boolean suite) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(criteria.size()));
        xml.writeAttribute("failures", Long.toString(count(criteria, Outcome.FAILED) + count(criteria, Outcome.BLOCKED)));
        xml.writeAttribute("errors", Long.toString(count(criteria, Outcome.NOT_GRADABLE)));
        if (suite) {
            xml.writeAttribute("skipped", "0");
        }
        xml.writeAttribute("time", seconds(criteria.stream().mapToDouble(CriterionResult::seconds).sum()));
    }

    private static long count(List<CriterionResult> criteria, Outcome outcome) {
        return criteria.stream().filter(c -> c.outcome() == outcome).count();
    }

    /** Test case names must be unique for GitLab and Jenkins; a repeated name gets " (2)", " (3)", … */
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", Double.isFinite(seconds) && seconds > 0 ? seconds : 0.0);
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
