package io.labgrader.grading;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import io.labgrader.rubric.RubricLoader;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One grading run: the rubric, the evidence (read once, lazily) and the outcomes so far, which decide
 * whether a criterion's requirements are met. Lives in JUnit's root extension context store.
 */
final class GradingSession {

    private final Path rubricPath;
    private final String evidenceLocation;
    private final LoadedEvidence handedOver;
    private Rubric rubric;
    private NotGradableException rubricProblem;
    private Evidence evidence;
    private NotGradableException evidenceProblem;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    /**
     * @param handedOver the evidence already read by whoever started the run (the CLI, batch grading), or null to
     *                   read it from the folder {@code evidenceLocation} (under Surefire)
     */
    GradingSession(Path rubricPath, String evidenceLocation, LoadedEvidence handedOver) {
        this.rubricPath = rubricPath;
        this.evidenceLocation = evidenceLocation;
        this.handedOver = handedOver;
    }

    synchronized Rubric rubric() {
        if (rubric == null && rubricProblem == null) {
            // parsed once per version of the file, not once per run: batch grading runs the suites a thousand times
            rubric = RubricCache.get(rubricPath.toString()).orElse(null);
        }
        if (rubric == null && rubricProblem == null) {
            try {
                rubric = RubricLoader.load(rubricPath);   // invalid: load again for the problem's message
            } catch (RubricException e) {
                rubricProblem = new NotGradableException(Messages.CORE.text("grading.rubricInvalid", e.getMessage()));
            }
        }
        if (rubricProblem != null) {
            throw rubricProblem;
        }
        return rubric;
    }

    synchronized Evidence evidence() {
        if (evidence == null && evidenceProblem == null) {
            LoadedEvidence loaded = handedOver != null ? handedOver : LoadedEvidence.read(Path.of(evidenceLocation));
            evidence = loaded.evidence();
            EvidenceException e = loaded.problem();
            if (e != null) {
                evidenceProblem = new NotGradableException(Messages.CORE.text("grading.evidenceUnreadable", e.getMessage()));
            }
        }
        if (evidenceProblem != null) {
            throw evidenceProblem;
        }
        return evidence;
    }

    void record(String criterionId, Outcome outcome) {
        outcomes.put(criterionId, outcome);
    }

    Optional<Outcome> outcome(String criterionId) {
        return Optional.ofNullable(outcomes.get(criterionId));
    }
}
