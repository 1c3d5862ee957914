package io.labgrader.grading;

import io.labgrader.rubric.Messages;

import java.util.Map;

/** A criterion's params from rubric.yml, with typed access and a clear message when one is missing. */
public record Params(String criterionId, Map<String, Object> values) {

    public Params {
        values = Map.copyOf(values);
    }

    public String string(String key) {
        Object value = required(key);
        return String.valueOf(value);
    }

    public int integer(String key) {
        Object value = required(key);
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw misconfigured("param '" + key + "' must be a whole number, found '" + value + "'");
        }
    }

    private Object required(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw misconfigured("param '" + key + "' is missing in rubric.yml");
        }
        return value;
    }

    private NotGradableException misconfigured(String problem) {
        return new NotGradableException(Messages.CORE.text("grading.misconfigured", criterionId, problem));
    }
}
