package io.labgrader.probe.docker;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.JournalTail;
import io.labgrader.evidence.Json;
import io.labgrader.evidence.docker.EngineUnreachable;
import io.labgrader.evidence.docker.EventHistoryRead;
import io.labgrader.live.LiveConnection;
import io.labgrader.probe.http.HttpPageProbe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The Docker part of check: find the engine, take a snapshot, record whatever went wrong as evidence. */
public final class DockerProbing {

    /** Time bound of one call to the engine. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    /** Time bound of one HTTP GET on a published port. */
    public static final Duration HTTP_TIMEOUT = Duration.ofSeconds(3);

    private DockerProbing() {
    }

    /** The endpoints to try on this machine. */
    public static List<DockerEndpoint> endpoints() {
        return DockerEndpoint.candidates(System.getenv(), home(System.getenv()));
    }

    /**
     * The home folder as the docker CLI sees it (moby pkg/homedir): $HOME, or %USERPROFILE% on Windows. Java's
     * user.home comes from the password database instead, and would miss a HOME set for one run.
     */
    static Path home(java.util.Map<String, String> env) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
        String home = env.get(windows ? "USERPROFILE" : "HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
    }

    /** An engine connection, or the record of why none could be made. */
    public record Connection(DockerApi api, DockerUnreachableException unreachable) implements LiveConnection {

        @Override
        public void close() {
            if (api != null) {
                api.close();
            }
        }
    }

    /**
     * Finds the engine on this machine and connects to it, on the caller's thread. Check calls it in the background
     * (through DockerLiveSource): reading the docker CLI's contexts is the first use of Jackson, whose set-up then
     * happens on that thread too, beside the rubric's reading.
     */
    public static Connection connect(Clock clock, String source) {
        return connect(endpoints(), clock, source);
    }

    private static Connection connect(List<DockerEndpoint> endpoints, Clock clock, String source) {
        Json.mapper(); // Jackson's set-up is the other big start-up cost; do it on this thread too
        try {
            return new Connection(DockerConnector.connect(endpoints, CALL_TIMEOUT, clock, source), null);
        } catch (DockerUnreachableException e) {
            return new Connection(null, e);
        }
    }

    /**
     * Takes one snapshot. Returns the engine's endpoint, or null if no engine answered (that is recorded too).
     *
     * @param historyFloor events before this time are not read, e.g. on a machine reused from an earlier lab
     */
    public static DockerEndpoint check(EvidenceBundle bundle, List<DockerEndpoint> endpoints, String source,
                                       Instant historyFloor) {
        return check(bundle, connect(endpoints, bundle.clock(), source), source, historyFloor);
    }

    /** Takes one snapshot through a connection made by {@link #connect}, and closes it. */
    public static DockerEndpoint check(EvidenceBundle bundle, Connection connection, String source, Instant historyFloor) {
        if (connection.unreachable() != null) {
            bundle.record(connection.unreachable().observation());
            return null;
        }
        try (DockerApi api = connection.api()) {
            snapshot(api, bundle, source).take(eventsSince(bundle.dir(), historyFloor));
            return api.endpoint();
        } catch (IOException | RuntimeException e) {
            // it answered /_ping, then failed: record it as an engine that stopped answering
            bundle.record(new EngineUnreachable(bundle.clock().instant(), source, List.of(new EngineUnreachable.Attempt(
                    String.valueOf(connection.api().endpoint()),
                    e instanceof DockerApi.DockerCallException d ? d.problem() : EngineUnreachable.Problem.OTHER,
                    String.valueOf(e.getMessage())))));
            return null;
        }
    }

    /** A snapshot of the engine behind {@code api} into {@code bundle}, its published ports read within the HTTP bound. */
    static DockerSnapshot snapshot(DockerApi api, EvidenceBundle bundle, String source) {
        return new DockerSnapshot(api, bundle, new HttpPageProbe(HTTP_TIMEOUT, bundle.clock()), source);
    }

    /**
     * Where the next read of the engine's event history starts: where the last one ended, or (first run) at the
     * beginning of whatever the engine still holds, since students often run hello-world before labgrader.
     */
    public static Instant eventsSince(Path evidenceDir, Instant historyFloor) {
        Instant since = eventsSince(evidenceDir);
        return since.isBefore(historyFloor) ? historyFloor : since;
    }

    static Instant eventsSince(Path evidenceDir) {
        try {
            // the last read, not the latest "until" of all: reading the whole journal again on every check made a
            // check's cost grow with the checks before it. Should an earlier read have ended later (a clock set
            // back), starting from the last one only reads more of the history again, never less.
            return JournalTail.last(evidenceDir.resolve(EvidenceBundle.JOURNAL), EventHistoryRead.class, r -> r.until() != null)
                    .map(r -> r.until().minusSeconds(1)) // overlap a little; duplicates are recognised by their key
                    .orElse(Instant.ofEpochSecond(1));
        } catch (IOException e) {
            return Instant.ofEpochSecond(1); // no journal yet, or unreadable: whatever the engine still holds
        }
    }

}
