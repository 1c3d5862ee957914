package io.labgrader.cli;

/**
 * Phase timings on stderr when LABGRADER_TIMINGS is set, for the start-up benchmark: where a check's time goes
 * (JVM start, rubric, probes, grading, reports).
 */
final class Timings {

    private static final boolean ON = System.getenv("LABGRADER_TIMINGS") != null;
    private static final long START = System.nanoTime();

    private Timings() {
    }

    static void mark(String phase) {
        if (ON) {
            long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            System.err.printf("timing: %-24s %6.0f ms since main, %6d ms since JVM start%n", phase,
                    (System.nanoTime() - START) / 1e6, uptime);
        }
    }
}
