package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.Rubric;
import org.junit.jupiter.api.DisplayNameGenerator;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * Names suites after their rubric section and grading methods as "id · title [points]", so that Surefire's XML,
 * IDEs and the Launcher all show the rubric's words. JUnit instantiates generators without context, so the
 * rubric path and language come from the system properties labgrader.rubric and labgrader.lang.
 */
public class RubricDisplayNames extends DisplayNameGenerator.Standard {

    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        GradingSuite suite = testClass.getAnnotation(GradingSuite.class);
        return suite != null ? suite.value() : super.generateDisplayNameForClass(testClass);
    }

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method method) {
        Criterion marker = method.getAnnotation(Criterion.class);
        if (marker == null) {
            return super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, method);
        }
        return displayName(marker.value(), RubricCache.get(System.getProperty(GradingConfig.RUBRIC)), language());
    }

    static String displayName(String criterionId, Optional<Rubric> rubric, Language language) {
        return rubric.flatMap(r -> r.criterion(criterionId))
                .map(c -> format(c.id(), c.title().in(language), c.points(), language))
                .orElse(criterionId);
    }

    /** "docker.nginx-port · Port 8080 published [10 pts]"; reports use the same spelling as Surefire's XML. */
    public static String format(String id, String title, int points, Language language) {
        return id + " · " + title + " [" + points + " " + Messages.CORE.get(language, "grading.points") + "]";
    }

    private static Language language() {
        try {
            return Language.parseOrDefault(System.getProperty(GradingConfig.LANG));
        } catch (IllegalArgumentException e) {
            return Language.EN;
        }
    }
}
