package io.labgrader.lab;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.docker.ConsistencyReport;
import io.labgrader.evidence.docker.DockerTimeline;
import io.labgrader.evidence.docker.RawCrossCheck;
import io.labgrader.grading.CriterionContext;
import io.labgrader.grading.CriterionFailed;
import io.labgrader.grading.NotGradableException;
import io.labgrader.rubric.LocalizedText;

import java.util.function.Consumer;

/**
 * Judges a Docker criterion only on evidence that agrees with itself. It runs on the journal as written; when the
 * raw captures (the engine's own answers) disagree with the journal, it must pass on the captures' version too,
 * or it is not gradable, naming what disagrees. A criterion that does not rely on a contradicted observation
 * passes in both, so an edit elsewhere costs nothing; one that does never passes on it.
 */
final class BelievedEvidence {

    private static final int SHOWN = 3;

    private BelievedEvidence() {
    }

    static void judge(CriterionContext ctx, Consumer<DockerFindings> criterion) {
        Evidence evidence = ctx.evidence();
        criterion.accept(new DockerFindings(DockerTimeline.of(evidence.observations())));
        ConsistencyReport report = RawCrossCheck.of(evidence);
        if (report.clean()) {
            return;
        }
        try {
            criterion.accept(new DockerFindings(DockerTimeline.of(report.engineView(evidence.observations()))));
        } catch (CriterionFailed | NotGradableException e) {
            LocalizedText verdict = e instanceof CriterionFailed f ? f.text() : ((NotGradableException) e).text();
            throw new NotGradableException(LabText.text("believed.contradicted", Disagreements.summary(report, SHOWN), verdict));
        }
    }
}
