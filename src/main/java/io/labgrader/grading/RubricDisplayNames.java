package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.Rubric;
import org.junit.jupiter.api.DisplayNameGenerator;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * Names suites after their rubric section and grading methods as "id · title [points]", so that Surefire's XML and
 * IDEs show the rubric's words.
 * <p>
 * JUnit creates display name generators without any context of the run, so this one is not fixed on the grading
 * suites: a run chooses it through its own configuration ({@code junit.jupiter.displayname.generator.default}), as
 * the grade profile of pom.xml does. It then reads the rubric and the language from the place JUnit itself reads such a
 * run's configuration parameters from when the request does not give them: the system properties that Surefire sets
 * from {@code -Dlabgrader.rubric} and {@code -Dlabgrader.lang}. labgrader never sets them. The runs labgrader starts
 * itself ({@link SuiteRunner}) do not choose this generator; their reports spell the same names from the run's rubric
 * and language with {@link #format}.
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
        return displayName(marker.value(), GradingSession.rubricNamedBy(key -> Optional.ofNullable(System.getProperty(key))),
                GradingSession.language(System.getProperty(GradingConfig.LANG)));
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
}
