package io.labgrader.evidence.docker;

/**
 * A container port and where it is published on the host. {@code hostPort} is null when Docker was asked to
 * choose one.
 */
public record PortBinding(int containerPort, String protocol, String hostIp, Integer hostPort) {
}
