package io.labgrader.labs.networks.probe;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.Json;
import io.labgrader.labs.networks.evidence.NetContainer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads each container's raw capture (the inspection as the engine sent it) again, the way the probe read it, and
 * names the containers whose journal record says otherwise: a journal edited by hand (a bind mount turned into a
 * named volume, a network added). Captures that are missing or unreadable are left to the manifest's hashes.
 */
public final class RawAgreement {

    private RawAgreement() {
    }

    /** "'web' (0123456789ab) ≠ raw/…json", one per contradicted container; empty when the journal agrees. */
    public static List<String> contradictions(Evidence evidence) {
        List<String> found = new ArrayList<>();
        for (NetContainer c : evidence.all(NetContainer.class)) {
            if (c.raw() == null) {
                continue;
            }
            Optional<byte[]> raw = evidence.raw().read(c.raw());
            if (raw.isEmpty()) {
                continue;
            }
            NetContainer fromRaw;
            try {
                fromRaw = EngineJson.container(Json.mapper().readTree(raw.get()), c.at(), c.source(), c.run(), c.raw());
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (!fromRaw.equals(c)) {
                found.add("'" + c.name() + "' (" + c.shortId() + ") ≠ " + c.raw());
            }
        }
        return found;
    }
}
