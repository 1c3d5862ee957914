package io.labgrader.labs.networks.evidence;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.labgrader.evidence.Observation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lab's evidence record types, by the type name each carries in the journal (its {@link JsonTypeName}). */
public final class NetRecords {

    private static final List<Class<? extends Observation>> TYPES = List.of(NetEngine.class, NetUnreachable.class,
            NetNetwork.class, NetVolume.class, NetContainer.class, NetPage.class, NetRun.class);

    private NetRecords() {
    }

    public static Map<String, Class<? extends Observation>> byName() {
        Map<String, Class<? extends Observation>> types = new LinkedHashMap<>();
        for (Class<? extends Observation> type : TYPES) {
            types.put(type.getAnnotation(JsonTypeName.class).value(), type);
        }
        return Map.copyOf(types);
    }
}
