package io.labgrader.evidence.compare;

import io.labgrader.evidence.Observation;

import java.time.Instant;

/**
 * One reading of a running container's resources: the engine's one-shot stats
 * ({@code GET /containers/{id}/stats?stream=false&one-shot=true}) and the limits set when it was created
 * ({@code HostConfig} of its inspection). Facts only; the comparison section shows them, no grader scores them.
 *
 * @param memoryUsageBytes  memory_stats.usage, the cgroup's whole charge (page cache included)
 * @param inactiveFileBytes memory_stats.stats.total_inactive_file (cgroup v1) or inactive_file (cgroup v2), if given
 * @param memoryLimitBytes  memory_stats.limit: the host's memory when the container has no limit
 * @param onlineCpus        cpu_stats.online_cpus: the CPUs the container may run on
 * @param nanoCpus          HostConfig.NanoCpus ({@code --cpus} times 10^9); 0 when no CPU limit is set
 * @param cpuQuota          HostConfig.CpuQuota with {@code cpuPeriod}, the older form of the same limit; 0 when none
 * @param raw               bundle path of the stats as the engine gave them
 */
public record ContainerStatsObserved(Instant at, String source, String containerId, String name, String image,
                                     Long memoryUsageBytes, Long inactiveFileBytes, Long memoryLimitBytes,
                                     Integer onlineCpus, Long nanoCpus, Long cpuQuota, Long cpuPeriod, String raw)
        implements Observation {

    /**
     * The memory the container uses as {@code docker stats} shows it: usage without the inactive page cache
     * (docker/cli cli/command/container/stats_helpers.go, calculateMemUsageUnixNoCache). Null if not reported.
     */
    public Long memoryUsedBytes() {
        if (memoryUsageBytes == null) {
            return null;
        }
        if (inactiveFileBytes != null && inactiveFileBytes < memoryUsageBytes) {
            return memoryUsageBytes - inactiveFileBytes;
        }
        return memoryUsageBytes;
    }

    /** The CPU limit in CPUs ({@code --cpus 1.5} as 1.5), or null when the container shares all the host's CPUs. */
    public Double cpuLimit() {
        if (nanoCpus != null && nanoCpus > 0) {
            return nanoCpus / 1e9;
        }
        if (cpuQuota != null && cpuQuota > 0 && cpuPeriod != null && cpuPeriod > 0) {
            return (double) cpuQuota / cpuPeriod;
        }
        return null;
    }
}
