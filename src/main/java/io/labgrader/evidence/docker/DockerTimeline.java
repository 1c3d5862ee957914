package io.labgrader.evidence.docker;

import io.labgrader.evidence.Observation;
import io.labgrader.evidence.http.HttpProbed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Docker part of a journal, arranged per container. Built from observations alone. */
public final class DockerTimeline {

    private final List<EngineObserved> engines = new ArrayList<>();
    private final List<EngineUnreachable> unreachable = new ArrayList<>();
    private final List<ContainersListed> listings = new ArrayList<>();
    private final List<ImagesListed> imageListings = new ArrayList<>();
    private final Map<String, ContainerStory> containers = new LinkedHashMap<>();

    private DockerTimeline() {
    }

    public static DockerTimeline of(List<Observation> observations) {
        DockerTimeline timeline = new DockerTimeline();
        for (Observation o : observations) {
            if (o instanceof EngineObserved e) {
                timeline.engines.add(e);
            } else if (o instanceof EngineUnreachable u) {
                timeline.unreachable.add(u);
            } else if (o instanceof ContainerObserved c) {
                timeline.story(c.id()).add(c);
            } else if (o instanceof ContainerEventObserved e) {
                timeline.story(e.containerId()).add(e);
            } else if (o instanceof HttpProbed h && h.containerId() != null) {
                timeline.story(h.containerId()).add(h);
            } else if (o instanceof ContainersListed l) {
                timeline.listings.add(l);
            } else if (o instanceof ImagesListed i) {
                timeline.imageListings.add(i);
            }
        }
        timeline.listings.sort(Comparator.comparing(ContainersListed::at));
        return timeline;
    }

    private ContainerStory story(String id) {
        return containers.computeIfAbsent(id, ContainerStory::new);
    }

    public List<EngineObserved> engines() {
        return List.copyOf(engines);
    }

    /** The engine was Podman (its Docker-compatible API), as far as any observation of it says. */
    public boolean podman() {
        return engines.stream().anyMatch(EngineObserved::podman);
    }

    public List<EngineUnreachable> unreachable() {
        return List.copyOf(unreachable);
    }

    public Collection<ContainerStory> containers() {
        return List.copyOf(containers.values());
    }

    /** The most recent list of all containers, i.e. what exists "now" as far as the evidence knows. */
    public Optional<ContainersListed> latestListing() {
        return listings.isEmpty() ? Optional.empty() : Optional.of(listings.get(listings.size() - 1));
    }

    /**
     * Whether a container was seen and later found absent from a full listing: it was removed, even if the
     * engine's event history no longer says so.
     */
    public boolean absentAfterSeen(ContainerStory story) {
        return listings.stream().anyMatch(l -> l.at().isAfter(story.lastSeen())
                && l.containers().stream().noneMatch(c -> c.id().equals(story.id())));
    }

    /** Whether a list of all containers made after {@code from} and before {@code to} lacks the container. */
    public boolean listedWithoutBetween(String id, java.time.Instant from, java.time.Instant to) {
        return listings.stream().anyMatch(l -> l.at().isAfter(from) && l.at().isBefore(to)
                && l.containers().stream().noneMatch(c -> c.id().equals(id)));
    }

    /** Ids of all images whose tags include {@code image}, across every image listing. */
    public List<String> imageIdsTagged(ImageRef image) {
        return imageListings.stream().flatMap(l -> l.images().stream())
                .filter(i -> i.tags().stream().anyMatch(image::sameAs))
                .map(ImagesListed.Image::id).distinct().toList();
    }
}
