package io.labgrader.evidence.docker;

import io.labgrader.evidence.Observation;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Where an observation and the same observation read again from its capture differ, field by field. */
final class Differences {

    private Differences() {
    }

    /** "status: journal running, capture exited" for every component that differs. */
    static List<String> of(Observation journal, Observation capture) {
        List<String> differences = new ArrayList<>();
        for (RecordComponent c : journal.getClass().getRecordComponents()) {
            try {
                Object a = c.getAccessor().invoke(journal);
                Object b = c.getAccessor().invoke(capture);
                if (!Objects.equals(a, b)) {
                    differences.add(c.getName() + " " + show(a) + " ≠ " + show(b));
                }
            } catch (ReflectiveOperationException e) {
                differences.add(c.getName());
            }
        }
        return differences;
    }

    /** Ports as Docker prints them ("0.0.0.0:8080->80/tcp"), everything else as it is. */
    private static String show(Object value) {
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof PortBinding) {
            return list.stream().map(p -> (PortBinding) p).map(p -> (p.hostIp() == null || p.hostIp().isEmpty() ? "" : p.hostIp() + ":")
                    + (p.hostPort() == null ? "?" : p.hostPort()) + "->" + p.containerPort() + "/" + p.protocol()).toList().toString();
        }
        return String.valueOf(value);
    }
}
