package io.labgrader.labs.networks.evidence;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.labgrader.evidence.Observation;

import java.time.Instant;

/**
 * One Docker network as {@code GET /networks} listed it.
 *
 * @param defaultBridge the engine's own "bridge" network (option com.docker.network.bridge.default_bridge), which
 *                      gives containers no name resolution; a user-defined bridge network does
 */
@JsonTypeName(NetNetwork.TYPE)
public record NetNetwork(Instant at, String source, String run, String id, String name, String driver, String scope,
                         boolean internal, boolean defaultBridge) implements Observation {

    public static final String TYPE = "net.network";

    /** Created by the student (or compose), with the bridge driver: what the lab asks for. */
    public boolean userDefinedBridge() {
        return "bridge".equals(driver) && !defaultBridge && !"bridge".equals(name);
    }
}
