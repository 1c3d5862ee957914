package io.labgrader.labs.networks.evidence;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.labgrader.evidence.Observation;

import java.time.Instant;
import java.util.List;

/**
 * The end of one probe run: which containers existed then (so a later run proves one removed), and whether the run
 * read everything it meant to. Written last, so a run cut off part-way has none.
 *
 * @param containerIds every container the engine listed (GET /containers/json?all=1)
 * @param complete     false when a part of the run failed (said in problems); what it did read stays valid
 */
@JsonTypeName(NetRun.TYPE)
public record NetRun(Instant at, String source, String run, Instant started, List<String> containerIds,
                     boolean complete, List<String> problems) implements Observation {

    public static final String TYPE = "net.run";

    public NetRun {
        containerIds = containerIds == null ? List.of() : List.copyOf(containerIds);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
