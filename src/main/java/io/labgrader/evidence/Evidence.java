package io.labgrader.evidence;

import java.nio.file.Path;
import java.util.List;

/** An evidence bundle as read back: its manifest and its journal, in journal order. */
public record Evidence(Path location, Manifest manifest, List<Observation> observations) {

    public Evidence {
        observations = List.copyOf(observations);
    }

    public <T extends Observation> List<T> all(Class<T> type) {
        return observations.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
