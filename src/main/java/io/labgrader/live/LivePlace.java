package io.labgrader.live;

import java.util.Map;
import java.util.Set;

/**
 * One place where a {@link LiveSource} answers (for the Docker Engine: its endpoint). Its {@code toString()} is how
 * messages and the replay's summary name it.
 */
public interface LivePlace {

    /**
     * The variables a program started by labgrader (replay's script) is given so that it reaches this same place,
     * with what it needs for that (e.g. its TLS material), in a stable order.
     */
    Map<String, String> scriptEnvironment();

    /** The variables removed from that program's environment, since they would send it elsewhere. */
    default Set<String> scriptEnvironmentRemoved() {
        return Set.of();
    }
}
