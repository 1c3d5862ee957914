package io.labgrader.rubric;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** A criterion's {@code params}: the YAML tree as plain Java values; problems go to the loader's list, with the node. */
final class ParamsReader {

    private ParamsReader() {
    }

    static Map<String, Object> params(Node node, String where, BiConsumer<Node, String> problem) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof MappingNode)) {
            problem.accept(node, "'params' of " + where + " must be a mapping");
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) value(node, where, problem);
        return params;
    }

    /** Plain Java values of a params tree; YAML's resolved tags decide the type. */
    private static Object value(Node node, String where, BiConsumer<Node, String> problem) {
        if (node instanceof ScalarNode scalar) {
            String v = scalar.getValue();
            Tag tag = scalar.getTag();
            if (Tag.INT.equals(tag)) {
                try {
                    return Long.parseLong(v.replace("_", ""));
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            if (Tag.BOOL.equals(tag)) {
                return Set.of("true", "yes", "on").contains(v.toLowerCase(java.util.Locale.ROOT));
            }
            if (Tag.NULL.equals(tag)) {
                problem.accept(node, "a value in 'params' of " + where + " is empty");
                return "";
            }
            return v;
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            seq.getValue().forEach(n -> list.add(value(n, where, problem)));
            return List.copyOf(list);
        }
        MappingNode map = (MappingNode) node;
        Map<String, Object> result = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problem.accept(tuple.getKeyNode(), "keys in 'params' of " + where + " must be plain words");
                continue;
            }
            if (result.containsKey(key.getValue())) {
                problem.accept(key, "duplicate key '" + key.getValue() + "' in 'params' of " + where);
            }
            result.put(key.getValue(), value(tuple.getValueNode(), where, problem));
        }
        return java.util.Collections.unmodifiableMap(result);
    }
}
