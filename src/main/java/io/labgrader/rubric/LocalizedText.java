package io.labgrader.rubric;

import java.util.Locale;
import java.util.Objects;

/** A student-facing text in German and English. */
public record LocalizedText(String de, String en) {

    public LocalizedText {
        Objects.requireNonNull(de, "de");
        Objects.requireNonNull(en, "en");
    }

    public static LocalizedText of(String de, String en) {
        return new LocalizedText(de, en);
    }

    /** The same text in both languages (identifiers, numbers, tool output). */
    public static LocalizedText same(String text) {
        return new LocalizedText(text, text);
    }

    public String in(Language language) {
        return language == Language.DE ? de : en;
    }

    public LocalizedText append(LocalizedText other, String separator) {
        return new LocalizedText(de + separator + other.de, en + separator + other.en);
    }

    public boolean isBlank() {
        return de.isBlank() && en.isBlank();
    }

    /** Chooses the language of student-facing text. */
    public enum Language {
        DE, EN;

        /** German when the locale is German, English otherwise. */
        public static Language fromLocale(Locale locale) {
            return "de".equals(locale.getLanguage()) ? DE : EN;
        }

        /** Parses "de"/"en" (case-insensitive); null or blank means "from the default locale". */
        public static Language parseOrDefault(String value) {
            if (value == null || value.isBlank()) {
                return fromLocale(Locale.getDefault());
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "de", "deutsch", "german" -> DE;
                case "en", "english" -> EN;
                default -> throw new IllegalArgumentException("unknown language '" + value + "' (use de or en)");
            };
        }
    }
}
