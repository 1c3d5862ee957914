package io.labgrader.evidence.docker;

import io.labgrader.evidence.Observation;

import java.time.Instant;

/**
 * The engine's event history was read for [since, until]. The engine keeps only its last 256 events, in memory,
 * so this records which interval the journal's events can be trusted to cover.
 */
public record EventHistoryRead(Instant at, String source, Instant since, Instant until, int count, String raw)
        implements Observation {
}
