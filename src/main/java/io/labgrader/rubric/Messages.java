package io.labgrader.rubric;

import java.text.MessageFormat;
import java.util.List;
import io.labgrader.rubric.LocalizedText.Language;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A resource bundle of student-facing messages: {@code messages.properties} holds English, the fallback, and
 * {@code messages_de.properties} (or {@code _fr}, ...) the other languages. Patterns are {@link MessageFormat}
 * patterns, so a single quote is written {@code ''}. Adding a language is adding a file.
 */
public final class Messages {

    /** The engine's own texts (grading, report, batch, cli, rubric). */
    public static final Messages CORE = new Messages("io.labgrader.messages", Messages.class.getClassLoader());

    /**
     * Without fallback to the JVM's default locale: a French reader on a German machine must get English, not
     * German, for what French lacks. The parent chain (messages_fr -> messages) still fills missing keys.
     */
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String baseName;
    private final ClassLoader loader;

    public Messages(String baseName, ClassLoader loader) {
        this.baseName = Objects.requireNonNull(baseName, "baseName");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** The bundle next to a class: {@code <its package>/messages*.properties}. */
    public static Messages beside(Class<?> owner) {
        return new Messages(owner.getPackageName() + ".messages", owner.getClassLoader());
    }

    public String baseName() {
        return baseName;
    }

    /** A text of this bundle, put into words when it is shown. */
    public LocalizedText text(String key, Object... args) {
        return new LocalizedText.Message(this, key, List.of(args));
    }

    /** The message right away, for code that renders in a known language. */
    public String get(Language language, String key, Object... args) {
        return text(key, args).in(language);
    }

    String format(Locale locale, String key, Object[] args) {
        ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale, loader, NO_DEFAULT_LOCALE);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new MissingResourceException("expected the key '" + key + "' in " + baseName
                    + "*.properties, but found none; add it to messages.properties", baseName, key);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Messages m && m.baseName.equals(baseName) && m.loader == loader;
    }

    @Override
    public int hashCode() {
        return baseName.hashCode();
    }

    @Override
    public String toString() {
        return baseName;
    }
}
