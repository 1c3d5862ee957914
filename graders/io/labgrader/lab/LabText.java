package io.labgrader.lab;

import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.Messages;

/** The lab's own bundle, {@code messages*.properties} beside its graders: adding a language is adding a file there. */
public final class LabText {

    public static final Messages BUNDLE = Messages.beside(LabText.class);

    private LabText() {
    }

    static LocalizedText text(String key, Object... args) {
        return BUNDLE.text(key, args);
    }
}
