package io.labgrader.evidence;

import java.util.List;

/**
 * An evidence bundle as read back: its manifest and its journal, in journal order.
 *
 * @param location how messages and reports name the bundle: its folder, or a place inside a zip
 */
public record Evidence(String location, Manifest manifest, List<Observation> observations) {

    public Evidence {
        observations = List.copyOf(observations);
    }

    public <T extends Observation> List<T> all(Class<T> type) {
        return observations.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
