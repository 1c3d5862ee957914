package io.labgrader.rubric;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A student-facing text that is put into words only when it is shown, in whatever language the reader asked for.
 * Three kinds: a {@link Literal} as the rubric writes it (one text per language tag), a {@link Message} from a
 * resource bundle (a key and its arguments), and a {@link Joined} row of texts. Code never chooses a language:
 * it builds one of these, and the report resolves it with {@link #in(Language)}.
 */
public sealed interface LocalizedText permits LocalizedText.Literal, LocalizedText.Message, LocalizedText.Joined {

    /** The language every text falls back to when the reader's language has none. */
    String FALLBACK = "en";

    /** The text in the given locale, falling back to English for anything that locale lacks. */
    String in(Locale locale);

    default String in(Language language) {
        return in(language.locale());
    }

    /** The German text (kept for callers of the two-language days). */
    default String de() {
        return in(Language.DE);
    }

    /** The English text, which is also what logs and exception messages show. */
    default String en() {
        return in(Language.EN);
    }

    default LocalizedText append(LocalizedText other, String separator) {
        return new Joined(List.of(this, other), separator);
    }

    default boolean isBlank() {
        return in(Locale.ENGLISH).isBlank();
    }

    /** A German and an English literal; production code uses bundles, this serves tests and stored data. */
    static LocalizedText of(String de, String en) {
        Objects.requireNonNull(de, "de");
        Objects.requireNonNull(en, "en");
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("de", de);
        texts.put(FALLBACK, en);
        return new Literal(texts);
    }

    /** The same text in every language (identifiers, numbers, tool output). */
    static LocalizedText same(String text) {
        return new Literal(Map.of(FALLBACK, Objects.requireNonNull(text, "text")));
    }

    /** Texts keyed by language tag ("de", "en", "fr", "pt-BR", ...), as a rubric writes them. */
    static LocalizedText literal(Map<String, String> texts) {
        return new Literal(texts);
    }

    /** Several texts, each resolved in the same language, joined by a separator. */
    static LocalizedText join(List<? extends LocalizedText> parts, String separator) {
        return new Joined(List.copyOf(parts), separator);
    }

    /** Texts keyed by language tag; a reader's language missing here gets its base language, then English. */
    record Literal(Map<String, String> texts) implements LocalizedText {

        public Literal {
            texts = Map.copyOf(texts);
            if (!texts.containsKey(FALLBACK)) {
                throw new IllegalArgumentException("expected an English ('en') text to fall back to, but found only " + texts.keySet());
            }
        }

        @Override
        public String in(Locale locale) {
            String tag = locale.toLanguageTag();
            String text = texts.get(tag);
            if (text == null) {
                text = texts.get(locale.getLanguage());
            }
            return text != null ? text : texts.get(FALLBACK);
        }
    }

    /**
     * A message of a {@link Messages} bundle. Its arguments are strings or texts; texts are resolved in the
     * reader's language too. Numbers are formatted by the caller, not by {@link java.text.MessageFormat}, so that
     * "1234" never turns into "1.234" in one language and "1,234" in another.
     */
    record Message(Messages bundle, String key, List<Object> args) implements LocalizedText {

        public Message {
            Objects.requireNonNull(bundle, "bundle");
            Objects.requireNonNull(key, "key");
            List<Object> copy = new ArrayList<>(args.size());
            for (Object a : args) {
                copy.add(a instanceof LocalizedText t ? t : String.valueOf(a));
            }
            args = List.copyOf(copy);
        }

        @Override
        public String in(Locale locale) {
            Object[] resolved = new Object[args.size()];
            for (int i = 0; i < resolved.length; i++) {
                resolved[i] = args.get(i) instanceof LocalizedText t ? t.in(locale) : args.get(i);
            }
            return bundle.format(locale, key, resolved);
        }
    }

    /** Texts resolved in one language and joined. */
    record Joined(List<LocalizedText> parts, String separator) implements LocalizedText {

        public Joined {
            parts = List.copyOf(parts);
            Objects.requireNonNull(separator, "separator");
        }

        @Override
        public String in(Locale locale) {
            List<String> texts = new ArrayList<>(parts.size());
            for (LocalizedText p : parts) {
                texts.add(p.in(locale));
            }
            return String.join(separator, texts);
        }
    }

    /**
     * The language of student-facing text: a locale. German and English are constants because they ship with
     * labgrader; any other language is a tag ("fr", "pt-BR") whose texts come from bundles and rubrics that have it,
     * with English for whatever they lack.
     */
    record Language(Locale locale) {

        public static final Language DE = new Language(Locale.GERMAN);
        public static final Language EN = new Language(Locale.ENGLISH);

        public Language {
            if (locale == null || locale.getLanguage().isEmpty()) {
                throw new IllegalArgumentException("expected a locale with a language, but found '" + locale + "'");
            }
        }

        /** The BCP 47 tag, as reports record it: "de", "en", "fr", "pt-BR". */
        public String tag() {
            return locale.toLanguageTag();
        }

        /** The tag in capitals, as the enum of the two-language days named it ("DE", "EN"). */
        public String name() {
            return tag().toUpperCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return name();
        }

        /** German when the locale is German, English otherwise: labgrader does not guess a third language. */
        public static Language fromLocale(Locale locale) {
            return "de".equals(locale.getLanguage()) ? DE : EN;
        }

        /** Parses a language tag (case-insensitive; "deutsch"/"english" too); null or blank means "from the default locale". */
        public static Language parseOrDefault(String value) {
            if (value == null || value.isBlank()) {
                return fromLocale(Locale.getDefault());
            }
            String v = value.trim();
            switch (v.toLowerCase(Locale.ROOT)) {
                case "de", "deutsch", "german":
                    return DE;
                case "en", "english":
                    return EN;
                default:
                    break;
            }
            try {
                Locale locale = new Locale.Builder().setLanguageTag(v.replace('_', '-')).build();
                // an ISO 639 code of two or three letters: "klingon" is well-formed BCP 47 but names nothing ("tlh" does)
                if (locale.getLanguage().length() == 2 || locale.getLanguage().length() == 3) {
                    return new Language(locale);
                }
            } catch (IllformedLocaleException e) {
                // reported below with what to do
            }
            throw new IllegalArgumentException("unknown language '" + value + "' (use a language tag such as de, en or fr)");
        }
    }
}
