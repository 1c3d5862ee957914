package io.labgrader.labs.networks.grading;

import io.labgrader.grading.CriterionFailed;
import io.labgrader.labs.networks.evidence.NetUnreachable;
import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.Messages;

import java.util.Collection;
import java.util.List;

/** The lab's messages, from its bundle {@code io/labgrader/labs/networks/messages*.properties}: "expected … but found …". */
final class NetText {

    /** Beside {@code NetworksLab}, named here so that the graders need not import the lab's module. */
    static final Messages BUNDLE = new Messages("io.labgrader.labs.networks.messages", NetText.class.getClassLoader());

    private NetText() {
    }

    static LocalizedText text(String key, Object... args) {
        return BUNDLE.text(key, args);
    }

    static CriterionFailed fail(String key, Object... args) {
        return new CriterionFailed(text(key, args));
    }

    static LocalizedText join(Collection<? extends LocalizedText> parts, String separator) {
        return LocalizedText.join(List.copyOf(parts), separator);
    }

    static LocalizedText noEngine(List<NetUnreachable> unreachable) {
        if (unreachable.isEmpty()) {
            return text("engine.none");
        }
        return text("engine.unreachable", String.join("; ", unreachable.get(unreachable.size() - 1).attempts()));
    }
}
