package io.labgrader.grading;

/**
 * The data of one of the lab's report sections (e.g. the VM inventory), computed once from the graded evidence and
 * carried in the result under the section's id; the lab's module renders it in each report format. Grading never
 * looks inside it.
 *
 * @param lab  the id of the lab whose module renders it
 * @param id   the section's key, e.g. "vms"
 * @param data the section's data, or null when the evidence has nothing for it
 */
public record SectionData(String lab, String id, Object data) {
}
