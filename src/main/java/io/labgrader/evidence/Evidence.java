package io.labgrader.evidence;

import java.util.List;

/**
 * An evidence bundle as read back: its manifest and its journal, in journal order.
 *
 * @param location how messages and reports name the bundle: its folder, or a place inside a zip
 * @param raw      the bundle's raw captures, to check the journal against
 */
public record Evidence(String location, Manifest manifest, List<Observation> observations, RawCaptures raw) {

    public Evidence {
        observations = List.copyOf(observations);
        raw = raw == null ? RawCaptures.NONE : raw;
    }

    /** A journal without its raw captures: nothing can be checked against them. */
    public Evidence(String location, Manifest manifest, List<Observation> observations) {
        this(location, manifest, observations, RawCaptures.NONE);
    }

    public <T extends Observation> List<T> all(Class<T> type) {
        return observations.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
