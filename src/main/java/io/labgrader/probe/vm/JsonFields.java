package io.labgrader.probe.vm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Lenient reading of the JSON the hypervisor tools print (Hyper-V's ConvertTo-Json, multipass, prlctl): a field may
 * be missing, null, a single object where a list was expected, or an object where text was expected.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** The node as a list: its elements if it is an array, itself alone if it is one object, nothing if absent. */
    static List<JsonNode> list(JsonNode n) {
        List<JsonNode> result = new ArrayList<>();
        if (n == null || n.isNull()) {
            return result;
        }
        if (n.isArray()) {
            n.forEach(result::add);
        } else {
            result.add(n);
        }
        return result;
    }

    /** The node's text, or null if it is absent, null, or an object or array. */
    static String text(JsonNode n) {
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }
}
