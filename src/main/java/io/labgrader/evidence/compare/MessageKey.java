package io.labgrader.evidence.compare;

import java.util.List;
import java.util.Objects;

/**
 * A text of the comparison as a key of the lab's message bundle ({@code io/labgrader/lab/messages*.properties}) and
 * its {@link java.text.MessageFormat} arguments: names as the student's machine or the lab gives them, never a
 * sentence. The evidence says what to tell; the reports put it into words in the reader's language, so a language is
 * added by adding a bundle file, and nothing here chooses one.
 *
 * @param key  e.g. "compare.label.vm.cpus"
 * @param args the arguments in the order of the pattern's {0}, {1}, ...
 */
public record MessageKey(String key, List<String> args) {

    public MessageKey {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** A key of the comparison's part of the bundle: {@code of("row.cpu")} is "compare.row.cpu". */
    static MessageKey of(String key, String... args) {
        return new MessageKey("compare." + key, List.of(args));
    }

    /** What a figure is called in the reports: "compare.label." and the figure's key. */
    static MessageKey label(String figureKey) {
        return of("label." + figureKey);
    }
}
