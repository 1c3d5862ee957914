package io.labgrader.module;

import io.labgrader.evidence.Observation;
import io.labgrader.rubric.LocalizedText.Language;

import java.util.List;

/**
 * A part of the reports that a lab adds beside the criteria (not scored), such as the VM inventory. The engine
 * computes its data from the graded observations once, stores it in the result under {@link #id()}, and lets
 * the section render it in each report format.
 */
public interface ReportSection {

    /** The key of the section in report.json, e.g. "vms". */
    String id();

    /** The section's data (a Jackson-serialisable value), or null when the evidence has nothing for it. */
    Object data(List<Observation> observations);

    /** The section as console lines, or "" when there is nothing to show. */
    String console(Object data, Language language);

    /** The section as Markdown, or "" when there is nothing to show. */
    String markdown(Object data, Language language);
}
