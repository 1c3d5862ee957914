package io.labgrader.evidence.vm;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the guest itself reported about its operating system, through the hypervisor's guest tools: VirtualBox
 * Guest Additions properties, VMware Tools' guestInfo.detailed.data, the QEMU guest agent, Multipass, Hyper-V
 * KVP, Parallels Tools. Fields the tool does not report are null.
 *
 * @param via           which tool reported it, e.g. "VirtualBox Guest Additions 7.1.4"
 * @param osId          the os-release ID ("ubuntu"), where the tool passes it on
 * @param osName        the OS or distribution name ("Ubuntu", or "Linux" from VirtualBox Guest Additions)
 * @param osVersion     the version ("24.04")
 * @param prettyName    the full name ("Ubuntu 24.04.1 LTS")
 * @param kernelRelease uname -r
 * @param kernelVersion uname -v, e.g. "#35~22.04.1-Ubuntu SMP PREEMPT_DYNAMIC …"
 * @param toolsVersion  the guest tools' version
 * @param reportedAt    when the guest reported it, if the tool says
 * @param properties    every key/value the tool reported that concerns the guest OS, as reported
 */
public record GuestReport(String via, String osId, String osName, String osVersion, String prettyName,
                          String kernelRelease, String kernelVersion, String toolsVersion, Instant reportedAt,
                          Map<String, String> properties) {

    public GuestReport {
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** The most telling name for reports: pretty name, else name and version, else name with kernel. */
    public String describe() {
        if (prettyName != null && !prettyName.isBlank()) {
            return prettyName;
        }
        StringBuilder s = new StringBuilder();
        if (osName != null && !osName.isBlank()) {
            s.append(osName);
            if (osVersion != null && !osVersion.isBlank()) {
                s.append(' ').append(osVersion);
            }
        } else if (osId != null && !osId.isBlank()) {
            s.append(osId);
        }
        if (kernelVersion != null && !kernelVersion.isBlank() && s.toString().equalsIgnoreCase("linux")) {
            s.append(" (kernel ").append(kernelRelease == null ? "" : kernelRelease + " ").append(kernelVersion).append(')');
        } else if (s.isEmpty() && toolsVersion != null) {
            s.append("guest tools ").append(toolsVersion);
        }
        return s.toString();
    }
}
