package io.labgrader.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The one Jackson configuration for evidence: ISO-8601 times, no nulls, tolerant of fields added later, and the
 * journal's record types as the labs in the jar name them ({@link RecordTypes}, found once, when the mapper is built).
 */
public final class Json {

    private static final Map<String, Class<? extends Observation>> RECORD_TYPES = recordTypesOfTheLabs();

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .registerSubtypes(RECORD_TYPES.entrySet().stream()
                    .map(e -> new NamedType(e.getValue(), e.getKey())).toArray(NamedType[]::new))
            .build();

    static {
        // evidence comes from students' machines: bound what one document may make us allocate
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(8 * 1024 * 1024)
                .maxNestingDepth(64)
                .maxNumberLength(64)
                .build());
    }

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The journal's {@code type} name of a record class, if a lab in the jar registers it. */
    public static Optional<String> typeName(Class<? extends Observation> type) {
        return RECORD_TYPES.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).findFirst();
    }

    /**
     * Every provider's record types, by name. One name given to two different classes is a build mistake of the labs
     * (a journal line could not say which it means), so it stops labgrader at once with both classes named.
     */
    private static Map<String, Class<? extends Observation>> recordTypesOfTheLabs() {
        Map<String, Class<? extends Observation>> types = new TreeMap<>();
        for (RecordTypes provider : ServiceLoader.load(RecordTypes.class, Json.class.getClassLoader())) {
            provider.registerInto((name, type) -> {
                Class<? extends Observation> before = types.putIfAbsent(name, type);
                if (before != null && !before.equals(type)) {
                    throw new IllegalStateException("record type '" + name + "' is registered twice, as "
                            + before.getName() + " and as " + type.getName() + ": each journal type name needs one class");
                }
            });
        }
        return Map.copyOf(types);
    }
}
