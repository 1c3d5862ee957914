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
        LocalizedText advice = switch (main) {
            case PERMISSION_DENIED -> LocalizedText.of(
                    "Ihr Benutzer darf den Docker-Socket nicht verwenden: \"sudo usermod -aG docker $USER\", dann ab- und wieder anmelden.",
                    "Your user may not use the Docker socket: \"sudo usermod -aG docker $USER\", then log out and in again.");
            case NO_ANSWER -> LocalizedText.of(
                    "Die Docker Engine nimmt Verbindungen an, antwortet aber nicht. Starten Sie Docker neu.",
                    "The Docker Engine accepts connections but does not answer. Restart Docker.");
            case CONNECTION_REFUSED -> LocalizedText.of(
                    "Die Docker Engine läuft nicht. Starten Sie Docker Desktop bzw. \"sudo systemctl start docker\".",
                    "The Docker Engine is not running. Start Docker Desktop, or \"sudo systemctl start docker\".");
            case SOCKET_MISSING -> LocalizedText.of(
                    "Docker scheint nicht installiert oder nicht gestartet zu sein. Installieren und starten Sie Docker und prüfen Sie es mit \"docker version\".",
                    "Docker seems not to be installed or not started. Install and start Docker, and check with \"docker version\".");
            case NOT_DOCKER -> LocalizedText.of(
                    "Dort antwortet etwas, das keine Docker Engine ist. Prüfen Sie DOCKER_HOST.",
                    "Something that is not a Docker Engine answers there. Check DOCKER_HOST.");
            case CONTEXT_UNUSABLE -> LocalizedText.of(
                    "Der gewählte Docker-Kontext ist nicht nutzbar (siehe oben). \"docker context ls\" zeigt die Kontexte;"
                            + " \"docker context use <Name>\" wählt einen anderen, \"docker context use default\" die übliche Engine.",
                    "The docker context chosen cannot be used (see above). \"docker context ls\" lists the contexts;"
                            + " \"docker context use <name>\" chooses another, \"docker context use default\" the usual engine.");
            case OTHER -> LocalizedText.of("Prüfen Sie mit \"docker version\", ob Docker läuft.", "Check with \"docker version\" that Docker runs.");
        };
        return LocalizedText.of("Die Docker Engine war nicht erreichbar. Versucht: " + triedEn + ". ", "The Docker Engine was not reachable. Tried: " + triedEn + ". ")
                .append(advice, "");
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
