package io.labgrader.evidence.docker;

import io.labgrader.evidence.Observation;

import java.time.Instant;
import java.util.List;

/** The engine's local images and their tags at {@code at}, to resolve a container started by image id. */
public record ImagesListed(Instant at, String source, List<Image> images) implements Observation {

    public ImagesListed {
        images = List.copyOf(images);
    }

    /** @param sizeBytes the image's size as GET /images/json gives it ("Size"), or null in older evidence */
    public record Image(String id, List<String> tags, Long sizeBytes) {
        public Image {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        public Image(String id, List<String> tags) {
            this(id, tags, null);
        }
    }
}
