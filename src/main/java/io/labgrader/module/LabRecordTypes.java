package io.labgrader.module;

import io.labgrader.evidence.Observation;
import io.labgrader.evidence.RecordTypes;

import java.util.function.BiConsumer;

/**
 * The engine's one provider of journal record types (registered in
 * {@code META-INF/services/io.labgrader.evidence.RecordTypes}): the record types of every lab in the jar. So a lab
 * registers its module once, and evidence, which must not know the modules, still gets every lab's records.
 * {@link io.labgrader.evidence.Json} rejects a name given to two different classes.
 */
public final class LabRecordTypes implements RecordTypes {

    @Override
    public void registerInto(BiConsumer<String, Class<? extends Observation>> register) {
        for (LabModule lab : Labs.all()) {
            lab.recordTypes().forEach(register);
        }
    }
}
