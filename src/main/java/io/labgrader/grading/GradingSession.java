package io.labgrader.grading;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import io.labgrader.rubric.RubricLoader;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One grading run's context: the rubric, the language, the evidence (read once) and the outcomes so far, which decide
 * whether a criterion's requirements are met. Everything a criterion method receives comes from here, and nothing of
 * it from process-wide state, so that runs in other languages or by other rubrics can grade beside it in one JVM.
 * <p>
 * Two ways in: {@link SuiteRunner} builds it from what its caller has loaded ({@link #of}) and hands it to the run
 * through the launcher session; under Surefire ({@code mvn -Pgrade test}) {@link GradingExtension} builds it from the
 * run's configuration parameters ({@link #configured}), reading the rubric and the evidence from the disk once.
 */
final class GradingSession {

    private final String evidenceLocation;
    private final Language language;
    private Rubric rubric;
    private Path rubricPath;
    private NotGradableException rubricProblem;
    private LoadedEvidence loaded;
    private NotGradableException evidenceProblem;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    private GradingSession(Rubric rubric, Path rubricPath, Language language, String evidenceLocation, LoadedEvidence loaded) {
        this.rubric = rubric;
        this.rubricPath = rubricPath;
        this.language = language;
        this.evidenceLocation = evidenceLocation;
        this.loaded = loaded;
    }

    /** A run of a rubric the caller has loaded, on evidence the caller has read. */
    static GradingSession of(Rubric rubric, Language language, LoadedEvidence evidence) {
        return new GradingSession(rubric, null, language, evidence.location(), evidence);
    }

    /**
     * A run described by configuration parameters only ({@value GradingConfig#RUBRIC}, {@value GradingConfig#EVIDENCE},
     * {@value GradingConfig#LANG}); under Surefire JUnit takes them from the system properties the grade profile sets.
     */
    static GradingSession configured(Function<String, Optional<String>> parameters) {
        return new GradingSession(null, Path.of(parameters.apply(GradingConfig.RUBRIC).orElse("rubric.yml")),
                language(parameters.apply(GradingConfig.LANG).orElse(null)),
                parameters.apply(GradingConfig.EVIDENCE).orElse("evidence"), null);
    }

    /**
     * The rubric the parameter {@value GradingConfig#RUBRIC} names, read now, for the JUnit hooks of a run that has
     * no context of its own to ask (orderers under Surefire); empty when it cannot be loaded (the criteria say why).
     */
    static Optional<Rubric> rubricNamedBy(Function<String, Optional<String>> parameters) {
        try {
            return Optional.of(RubricLoader.load(Path.of(parameters.apply(GradingConfig.RUBRIC).orElse("rubric.yml"))));
        } catch (RubricException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The language a configuration parameter names; blank or unknown: the default locale's. */
    static Language language(String value) {
        try {
            return Language.parseOrDefault(value);
        } catch (IllegalArgumentException e) {
            return Language.fromLocale(Locale.getDefault());
        }
    }

    Language language() {
        return language;
    }

    /** How the run and its result name the evidence. */
    String evidenceLocation() {
        return evidenceLocation;
    }

    synchronized Rubric rubric() {
        if (rubric == null && rubricProblem == null) {
            try {
                rubric = RubricLoader.load(rubricPath);
            } catch (RubricException e) {
                rubricProblem = new NotGradableException(Messages.CORE.text("grading.rubricInvalid", e.getMessage()));
            }
        }
        if (rubricProblem != null) {
            throw rubricProblem;
        }
        return rubric;
    }

    /** The evidence as read for this run, read now if nobody handed it over. */
    synchronized LoadedEvidence loaded() {
        if (loaded == null) {
            loaded = LoadedEvidence.read(Path.of(evidenceLocation));
        }
        return loaded;
    }

    synchronized Evidence evidence() {
        if (evidenceProblem == null) {
            EvidenceException e = loaded().problem();
            if (e != null) {
                evidenceProblem = new NotGradableException(Messages.CORE.text("grading.evidenceUnreadable", e.getMessage()));
            }
        }
        if (evidenceProblem != null) {
            throw evidenceProblem;
        }
        return loaded.evidence();
    }

    void record(String criterionId, Outcome outcome) {
        outcomes.put(criterionId, outcome);
    }

    Optional<Outcome> outcome(String criterionId) {
        return Optional.ofNullable(outcomes.get(criterionId));
    }
}
