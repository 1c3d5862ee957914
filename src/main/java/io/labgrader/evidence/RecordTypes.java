package io.labgrader.evidence;

import java.util.function.BiConsumer;

/**
 * Where the journal's record types come from: {@link Json} finds every provider with {@link java.util.ServiceLoader}
 * once, when it builds its mapper, and registers each type under the {@code type} name it carries in the journal.
 * The evidence package itself names no lab's records (a lab adds them through its module; the engine's one
 * provider, {@code io.labgrader.module.LabRecordTypes}, collects them from every lab in the jar), so the records
 * import {@link Observation} and Observation imports none of them back.
 */
public interface RecordTypes {

    /**
     * Hands each record class with its journal {@code type} name (e.g. "docker.container") to {@code register},
     * which rejects one name given to two different classes.
     */
    void registerInto(BiConsumer<String, Class<? extends Observation>> register);
}
