package io.labgrader.module;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The labs this labgrader holds: every {@link LabModule} registered in {@code META-INF/services}, found once with
 * {@link ServiceLoader} and kept (a module is a stateless description; the jar's labs don't change while it runs).
 */
public final class Labs {

    /** The lab that labgrader grades when neither --lab nor --rubric names one: its first and home lab. */
    public static final String DEFAULT_LAB = "docker-vs-vm";

    private static volatile List<LabModule> all;

    private Labs() {
    }

    /** Every lab in the jar, ordered by id. */
    public static List<LabModule> all() {
        List<LabModule> labs = all;
        if (labs == null) {
            labs = ServiceLoader.load(LabModule.class, Labs.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .sorted(Comparator.comparing(LabModule::id))
                    .toList();
            all = labs;
        }
        return labs;
    }

    public static Optional<LabModule> byId(String id) {
        return all().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /**
     * The lab of a rubric or a --lab option, by id.
     *
     * @throws UnknownLabException naming the id asked for and the labs the jar holds
     */
    public static LabModule get(String id) throws UnknownLabException {
        return byId(id).orElseThrow(() -> new UnknownLabException(id, ids()));
    }

    /** The ids of the jar's labs, comma-separated, for messages. */
    public static String ids() {
        return all().stream().map(LabModule::id).collect(Collectors.joining(", "));
    }

    /** No lab in this labgrader has the id asked for. */
    public static final class UnknownLabException extends Exception {

        private final String id;

        UnknownLabException(String id, String known) {
            super("no lab '" + id + "' in this labgrader; it holds: " + (known.isEmpty() ? "none" : known)
                    + " (labgrader labs lists them)");
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
