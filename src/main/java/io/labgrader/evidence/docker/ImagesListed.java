package io.labgrader.evidence.docker;

import io.labgrader.evidence.Observation;

import java.time.Instant;
import java.util.List;

/** The engine's local images and their tags at {@code at}, to resolve a container started by image id. */
public record ImagesListed(Instant at, String source, List<Image> images) implements Observation {

    public ImagesListed {
        images = List.copyOf(images);
    }

    public record Image(String id, List<String> tags) {
        public Image {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }
}
