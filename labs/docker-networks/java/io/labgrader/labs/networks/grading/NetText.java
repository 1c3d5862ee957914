package io.labgrader.labs.networks.grading;

import io.labgrader.grading.CriterionFailed;
import io.labgrader.labs.networks.evidence.NetUnreachable;
import io.labgrader.rubric.LocalizedText;

import java.util.List;

/** The lab's messages: "expected … but found …", in German and English. */
final class NetText {

    private NetText() {
    }

    static CriterionFailed fail(String de, String en) {
        return new CriterionFailed(LocalizedText.of(de, en));
    }

    static LocalizedText noEngine(List<NetUnreachable> unreachable) {
        if (unreachable.isEmpty()) {
            return LocalizedText.of(
                    "Die Nachweise enthalten keine Beobachtung der Docker Engine für dieses Lab. Führen Sie \"labgrader check --lab docker-networks\" aus.",
                    "The evidence holds no observation of the Docker Engine for this lab. Run \"labgrader check --lab docker-networks\".");
        }
        String tried = String.join("; ", unreachable.get(unreachable.size() - 1).attempts());
        return LocalizedText.of(
                "Die Docker Engine war nicht erreichbar. Versucht: " + tried + ". Starten Sie Docker und prüfen Sie es mit \"docker version\".",
                "The Docker Engine was not reachable. Tried: " + tried + ". Start Docker and check with \"docker version\".");
    }

    /** "'a', 'b'" or the given word for none. */
    static String list(List<String> items, String none) {
        return items.isEmpty() ? none : String.join(", ", items);
    }
}
