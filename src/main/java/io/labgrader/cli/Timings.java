package io.labgrader.cli;

import java.lang.management.ManagementFactory;

/**
 * Phase timings on stderr when LABGRADER_TIMINGS is set, for the start-up benchmark: where a check's time goes
 * (JVM start, rubric, probes, grading, reports), as wall time since the JVM's start and as the CPU time the whole
 * process has used so far (on a shared machine, the CPU time is what changes least from run to run).
 */
final class Timings {

    private static final boolean ON = System.getenv("LABGRADER_TIMINGS") != null;

    private Timings() {
    }

    static void mark(String phase) {
        if (ON) {
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() / 1_000_000 : -1;
            System.err.printf("timing: %-24s %6d ms since JVM start, %6d ms CPU%n", phase, uptime, cpu);
        }
    }
}
