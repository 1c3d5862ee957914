package io.labgrader.evidence.compare;

import io.labgrader.evidence.Observation;
import io.labgrader.evidence.vm.VmInventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * "Your comparison": what this student's own machine measured of their container beside their VM,
 * row by row (start, memory, CPU, disk, isolation), built from the journal alone, so a live check and an offline
 * regrade show the same. Informational: no score depends on it unless a rubric adds a criterion that reads it. Its
 * texts are keys of the lab's bundle ({@link MessageKey}), put into words by the reports in the reader's language.
 */
public record Comparison(List<Row> rows) {

    public static final Comparison EMPTY = new Comparison(List.of());

    /**
     * One aspect of the lesson's comparison, with the container's figures and the VM's.
     *
     * @param id    a stable name for report.json, e.g. "memory"
     * @param title what the aspect is called, a key of the lab's bundle ("compare.row." and the id)
     */
    public record Row(String id, MessageKey title, List<Figure> container, List<Figure> vm) {
        public Row {
            container = List.copyOf(container);
            vm = List.copyOf(vm);
        }

        Row(String id, List<Figure> container, List<Figure> vm) {
            this(id, MessageKey.of("row." + id), container, vm);
        }
    }

    public Comparison {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** The comparison the observations show; {@link #EMPTY} when they hold nothing of Docker or of VMs. */
    public static Comparison of(List<Observation> observations) {
        ContainerFigures c = new ContainerFigures(observations);
        VmFigures v = new VmFigures(VmInventory.of(observations));
        Comparison comparison = new Comparison(List.of(
                new Row("start", List.of(c.startToAnswer(), c.helloWorldLife()), v.start()),
                new Row("memory", List.of(c.memory()), v.memory()),
                new Row("cpu", List.of(c.cpu()), List.of(v.cpus())),
                new Row("disk", c.images(), v.disks()),
                new Row("isolation", List.of(c.kernel()), List.of(v.kernel()))));
        return comparison.figures().anyMatch(Figure::present) ? comparison : EMPTY;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public Stream<Figure> figures() {
        return rows.stream().flatMap(r -> Stream.concat(r.container().stream(), r.vm().stream()));
    }

    public Optional<Figure> figure(String key) {
        return figures().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Every observed number by key, for the class's distribution. */
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        figures().filter(f -> f.number() != null).forEach(f -> numbers.putIfAbsent(f.key(), f.number()));
        return numbers;
    }

    /** A container was seen starting and answering (the lab's "seconds or milliseconds"). */
    public boolean containerStartObserved() {
        return figure(ContainerFigures.START_TO_ANSWER).filter(Figure::present).isPresent();
    }

    /** The VM left a trace of a start: seen running, a state change time, a run log. */
    public boolean vmStartObserved() {
        return figure(VmFigures.LAST_START).filter(Figure::present).isPresent();
    }
}
