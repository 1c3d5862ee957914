package io.labgrader.lab;

import io.labgrader.evidence.docker.EngineUnreachable;
import io.labgrader.evidence.docker.EngineUnreachable.Attempt;
import io.labgrader.evidence.docker.EngineUnreachable.Problem;
import io.labgrader.rubric.LocalizedText;

import java.util.stream.Collectors;

/** Says what was tried to reach Docker and what the student can do about it. */
final class EngineAdvice {

    private EngineAdvice() {
    }

    static LocalizedText explain(EngineUnreachable unreachable) {
        String triedEn = unreachable.attempts().stream().map(a -> a.endpoint() + " (" + a.detail() + ")").collect(Collectors.joining("; "));
        Problem main = unreachable.attempts().stream().map(Attempt::problem)
                .min(java.util.Comparator.comparingInt(EngineAdvice::priority)).orElse(Problem.OTHER);
        String advice = switch (main) {
            case PERMISSION_DENIED -> "permissionDenied";
            case NO_ANSWER -> "noAnswer";
            case CONNECTION_REFUSED -> "connectionRefused";
            case SOCKET_MISSING -> "socketMissing";
            case NOT_DOCKER -> "notDocker";
            case CONTEXT_UNUSABLE -> "contextUnusable";
            case OTHER -> "other";
        };
        return LabText.text("engine.unreachable", triedEn).append(LabText.text("engine.advice." + advice), "");
    }

    /** The most telling problem first: a socket that exists but refuses us says more than a missing one elsewhere. */
    private static int priority(Problem p) {
        return switch (p) {
            case CONTEXT_UNUSABLE -> 0;
            case PERMISSION_DENIED -> 1;
            case NO_ANSWER -> 2;
            case NOT_DOCKER -> 3;
            case CONNECTION_REFUSED -> 4;
            case OTHER -> 5;
            case SOCKET_MISSING -> 6;
        };
    }
}
