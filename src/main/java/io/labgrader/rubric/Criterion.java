package io.labgrader.rubric;

import java.util.List;
import java.util.Map;

/**
 * One gradable criterion of the rubric.
 *
 * @param params   free map handed to the criterion's grading method
 * @param requires ids of criteria that must pass before this one is attempted
 * @param line     line in rubric.yml where the criterion starts, for error messages
 */
public record Criterion(String id, String section, LocalizedText title, LocalizedText hint, int points,
                        Map<String, Object> params, List<String> requires, int line) {

    public Criterion {
        params = Map.copyOf(params);
        requires = List.copyOf(requires);
    }
}
