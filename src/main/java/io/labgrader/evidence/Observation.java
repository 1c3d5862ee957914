package io.labgrader.evidence;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * One line of the journal: something a probe saw, when, and from where. Observations are facts,
 * never verdicts; graders judge them.
 *
 * <p>The {@code type} names of the lab records (docker.engine, vm.machine, …) are registered with Jackson when
 * {@link Json} builds its mapper, from the labs' {@link RecordTypes}; a line whose type no lab knows is rejected by
 * {@link EvidenceReader} with "unknown observation type".
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Observation {

    /** When the observed thing happened or was seen. */
    Instant at();

    /** What produced the observation, e.g. "check", "watch" or "replay". */
    String source();
}
