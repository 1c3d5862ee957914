package io.labgrader.evidence.vm;

import io.labgrader.evidence.Observation;

import java.time.Instant;

/**
 * Something a VM probe tried did not work: a command hung, failed or printed something unreadable, or a file
 * could not be read. Says exactly what was tried.
 *
 * @param hypervisor one of {@link HypervisorIds}
 * @param vm         the VM the attempt was about, or null if it was about the hypervisor or its list of VMs
 * @param tried      the command line or file, as tried (home folders redacted)
 * @param exitCode   the command's exit code, if it ended
 * @param detail     what went wrong, e.g. the command's error output (shortened)
 * @param millis     how long it took
 * @param raw        bundle path of the captured output, if any
 */
public record VmProbeFailed(Instant at, String source, String hypervisor, String vm, Step step, String tried,
                            Problem problem, Integer exitCode, String detail, long millis, String raw)
        implements Observation {

    /** What the attempt was for, so graders know which question it leaves open. */
    public enum Step {
        /** finding the hypervisor and its version */
        DETECT,
        /** listing the VMs */
        LIST,
        /** reading one VM's settings, disks or network */
        DETAILS,
        /** asking the guest about its OS */
        GUEST
    }

    public enum Problem {
        /** did not finish within its time bound, and was killed */
        TIMEOUT,
        /** ended with an error exit code */
        EXIT_CODE,
        /** could not be started at all */
        NOT_STARTED,
        /** the hypervisor's service or daemon does not run or cannot be reached */
        NOT_RUNNING,
        /** not permitted for this user */
        ACCESS_DENIED,
        /** the output or file could not be understood */
        UNREADABLE,
        OTHER
    }
}
