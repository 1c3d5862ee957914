package io.labgrader.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link LocalizedText} as a line of JSON and back, for channels that carry only strings (JUnit's report
 * entries). A message keeps its key and arguments, so it is still put into words in the reader's language.
 * Bundles are found again by their base name with the class loader that loaded labgrader.
 */
public final class LocalizedTextJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalizedTextJson() {
    }

    public static String write(LocalizedText text) {
        return tree(text).toString();
    }

    public static LocalizedText read(String json) {
        try {
            return text(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("expected a text written by LocalizedTextJson, but found: " + json, e);
        }
    }

    private static ObjectNode tree(LocalizedText text) {
        ObjectNode node = JSON.createObjectNode();
        if (text instanceof LocalizedText.Literal l) {
            ObjectNode texts = node.putObject("texts");
            l.texts().forEach(texts::put);
        } else if (text instanceof LocalizedText.Message m) {
            node.put("bundle", m.bundle().baseName());
            node.put("key", m.key());
            ArrayNode args = node.putArray("args");
            for (Object a : m.args()) {
                if (a instanceof LocalizedText t) {
                    args.add(tree(t));
                } else {
                    args.add((String) a);
                }
            }
        } else if (text instanceof LocalizedText.Joined j) {
            node.put("separator", j.separator());
            ArrayNode parts = node.putArray("parts");
            j.parts().forEach(p -> parts.add(tree(p)));
        }
        return node;
    }

    private static LocalizedText text(JsonNode node) {
        if (node.has("texts")) {
            Map<String, String> texts = new LinkedHashMap<>();
            node.get("texts").fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
            return LocalizedText.literal(texts);
        }
        if (node.has("key")) {
            List<Object> args = new ArrayList<>();
            node.get("args").forEach(a -> args.add(a.isObject() ? text(a) : a.asText()));
            Messages bundle = new Messages(node.get("bundle").asText(), LocalizedTextJson.class.getClassLoader());
            return new LocalizedText.Message(bundle, node.get("key").asText(), args);
        }
        List<LocalizedText> parts = new ArrayList<>();
        node.get("parts").forEach(p -> parts.add(text(p)));
        return LocalizedText.join(parts, node.get("separator").asText());
    }
}
