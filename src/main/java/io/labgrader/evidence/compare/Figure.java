package io.labgrader.evidence.compare;

import java.time.Instant;

/**
 * One figure of the comparison, as observed: a number with its unit, or a text (a kernel, a time), with where it
 * came from and when. A figure with neither number nor text was not observed; reports show a dash and the note,
 * which says what the tool does not offer or what was missing. Never an estimate.
 *
 * @param key     a stable name for report.json and the class chart, e.g. "container.start-to-answer"
 * @param label   what the figure is called, a key of the lab's bundle
 * @param subject what the figure is about, as the student's machine named it (a container, an image, a VM)
 * @param unit    how to read {@code number}: {@link Unit}
 * @param source  how it was observed, e.g. "docker events start + HTTP GET :8080 (watch)"
 * @param at      when it was observed
 * @param note    why there is no figure, or what the figure does not say, a key of the lab's bundle; null if nothing
 *                to add
 */
public record Figure(String key, MessageKey label, String subject, Double number, Unit unit, String text,
                     String source, Instant at, MessageKey note) {

    public enum Unit {
        /** a duration in milliseconds */
        MS,
        /** a size in bytes */
        BYTES,
        /** a CPU limit in CPUs */
        CPUS,
        /** no CPU limit: the number of the host's CPUs the container shares */
        CPUS_SHARED,
        /** a point in time, in {@code at} */
        TIME,
        /** no start time known: the VM was seen running at {@code at} */
        SEEN_RUNNING,
        /** the figure is {@code text} */
        TEXT
    }

    /** The figure was observed. */
    public boolean present() {
        return number != null || (text != null && !text.isBlank());
    }

    static Figure number(String key, MessageKey label, String subject, double number, Unit unit, String source,
                         Instant at) {
        return new Figure(key, label, subject, number, unit, null, source, at, null);
    }

    static Figure text(String key, MessageKey label, String subject, String text, Unit unit, String source,
                       Instant at) {
        return new Figure(key, label, subject, null, unit, text, source, at, null);
    }

    static Figure missing(String key, MessageKey label, MessageKey note) {
        return new Figure(key, label, null, null, Unit.TEXT, null, null, null, note);
    }

    Figure withNote(MessageKey note) {
        return new Figure(key, label, subject, number, unit, text, source, at, note);
    }
}
