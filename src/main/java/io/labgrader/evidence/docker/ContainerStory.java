package io.labgrader.evidence.docker;

import io.labgrader.evidence.http.HttpProbed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the journal says about one container: its inspections, its events and the HTTP answers on its
 * ports, each in time order. Facts only; graders decide what they mean.
 */
public final class ContainerStory {

    private final String id;
    private final List<ContainerObserved> inspections = new ArrayList<>();
    private final Map<String, ContainerEventObserved> events = new LinkedHashMap<>();
    private final List<HttpProbed> answers = new ArrayList<>();

    ContainerStory(String id) {
        this.id = id;
    }

    void add(ContainerObserved inspection) {
        inspections.add(inspection);
        inspections.sort(Comparator.comparing(ContainerObserved::at));
    }

    void add(ContainerEventObserved event) {
        events.putIfAbsent(event.key(), event);
    }

    void add(HttpProbed answer) {
        answers.add(answer);
    }

    public String id() {
        return id;
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    public List<ContainerObserved> inspections() {
        return List.copyOf(inspections);
    }

    public List<ContainerEventObserved> events() {
        return events.values().stream().sorted(Comparator.comparingLong(ContainerEventObserved::timeNano)).toList();
    }

    public List<HttpProbed> answers() {
        return answers.stream().sorted(Comparator.comparing(HttpProbed::at)).toList();
    }

    public Optional<ContainerObserved> latestInspection() {
        return inspections.isEmpty() ? Optional.empty() : Optional.of(inspections.get(inspections.size() - 1));
    }

    /** The image as the student named it: from an inspection, else from an event's Actor attributes. */
    public String image() {
        return latestInspection().map(ContainerObserved::image)
                .or(() -> events().stream().map(ContainerEventObserved::image).filter(Objects::nonNull).findFirst())
                .orElse("");
    }

    /** The image's content id, when an inspection recorded it. */
    public String imageId() {
        return latestInspection().map(ContainerObserved::imageId).orElse("");
    }

    public String name() {
        return latestInspection().map(ContainerObserved::name)
                .or(() -> events().stream().map(ContainerEventObserved::name).filter(Objects::nonNull).reduce((a, b) -> b))
                .orElse(shortId());
    }

    /** The events of one kind, in Docker's words ({@link ContainerEventObserved#kind()}), whichever engine sent them. */
    public List<ContainerEventObserved> events(String action) {
        return events().stream().filter(e -> e.kind().equals(action)).toList();
    }

    public boolean hasEvent(String action) {
        return !events(action).isEmpty();
    }

    /** Started at least once: an inspection with a start time, or a start event. */
    public boolean everStarted() {
        return inspections.stream().anyMatch(ContainerObserved::everStarted) || hasEvent("start");
    }

    /** When the container was first and last seen in any observation. */
    public Instant lastSeen() {
        Instant last = Instant.EPOCH;
        for (ContainerObserved i : inspections) {
            last = i.at().isAfter(last) ? i.at() : last;
        }
        for (ContainerEventObserved e : events.values()) {
            last = e.at().isAfter(last) ? e.at() : last;
        }
        return last;
    }

    /** Every port binding ever requested with -p, from any inspection. */
    public List<PortBinding> requestedPorts() {
        return inspections.stream().flatMap(i -> i.portBindings().stream()).distinct().toList();
    }
}
