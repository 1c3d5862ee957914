package io.labgrader.evidence.vm;

import java.util.Locale;

/** A VM's power state, the same for every hypervisor. The hypervisor's own word is kept next to it. */
public enum VmState {
    RUNNING,
    PAUSED,
    /** saved or suspended to disk */
    SAVED,
    OFF,
    /** crashed or killed */
    ABORTED,
    STARTING,
    STOPPING,
    /** deleted but still listed (Multipass keeps deleted instances until purged) */
    DELETED,
    UNKNOWN;

    /** Whether the VM is up now: running or paused. */
    public boolean isUp() {
        return this == RUNNING || this == PAUSED;
    }

    /** English lower-case word for reports: "running", "off"… */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
