package io.labgrader.report;

import io.labgrader.grading.CriterionResult;
import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JUnitXmlReportTest {

    private final JUnitXmlReport report = new JUnitXmlReport();

    @Test
    void oneSuitePerSectionAndOneCasePerCriterion() throws Exception {
        Document xml = parse(report.render(Fixtures.fourOutcomes(), Language.EN));
        Element root = xml.getDocumentElement();

        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(attributes(root, "name", "tests", "failures", "errors"))
                .containsExactly("docker-vs-vm", "4", "2", "1");
        assertThat(root.hasAttribute("skipped")).as("Jenkins' junit-10.xsd allows no skipped on testsuites").isFalse();
        List<Element> suites = elements(root, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("docker", "vm");
        assertThat(attributes(suites.get(0), "tests", "failures", "errors", "skipped", "time"))
                .containsExactly("3", "2", "0", "0", "0.512");
        assertThat(attributes(suites.get(1), "tests", "failures", "errors", "skipped", "time"))
                .containsExactly("1", "0", "1", "0", "10.250");

        List<Element> cases = elements(root, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly(
                "docker.engine · Docker Engine reachable [5 pts]",
                "docker.hello-world · hello-world ran [10 pts]",
                "docker.nginx-port · Port 8080 published [10 pts]",
                "vm.guest · Ubuntu guest present [15 pts]");
        assertThat(cases).extracting(c -> c.getAttribute("classname")).containsExactly("docker", "docker", "docker", "vm");
        assertThat(cases).extracting(c -> c.getAttribute("time")).containsExactly("0.012", "0.500", "0.000", "10.250");
        assertThat(cases.get(0).getChildNodes().getLength()).isZero();

        List<Element> failures = elements(root, "failure");
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0)).satisfies(f -> {
            assertThat(f.getAttribute("type")).isEqualTo("FAILED");
            assertThat(f.getAttribute("message")).isEqualTo("Expecting a container from hello-world:latest but found none.");
            assertThat(f.getTextContent()).isEqualTo(
                    "Expecting a container from hello-world:latest but found none.\nHint: Run \"docker run hello-world\".");
            assertThat(((Element) f.getParentNode()).getAttribute("name")).startsWith("docker.hello-world ");
        });
        assertThat(failures.get(1)).satisfies(f -> {     // BLOCKED: a failure, marked, so that GitLab shows no pass
            assertThat(f.getAttribute("type")).isEqualTo("BLOCKED");
            assertThat(f.getAttribute("message")).isEqualTo("[BLOCKED] Not attempted: docker.nginx-detached did not pass.");
            assertThat(f.getTextContent()).isEqualTo("[BLOCKED] Not attempted: docker.nginx-detached did not pass.");
            assertThat(((Element) f.getParentNode()).getAttribute("name")).startsWith("docker.nginx-port ");
        });
        assertThat(elements(root, "error")).singleElement().satisfies(e -> {
            assertThat(e.getAttribute("type")).isEqualTo("NOT_GRADABLE");
            assertThat(e.getAttribute("message")).isEqualTo("VBoxManage did not answer within 10 s.");
            assertThat(e.getTextContent()).isEqualTo("VBoxManage did not answer within 10 s.");
        });
        assertThat(elements(root, "skipped")).isEmpty();
    }

    @Test
    void germanNamesAndHint() throws Exception {
        Document xml = parse(report.render(Fixtures.fourOutcomes(), Language.DE));

        assertThat(elements(xml.getDocumentElement(), "testcase")).extracting(c -> c.getAttribute("name"))
                .containsExactly("docker.engine · Docker Engine erreichbar [5 P.]",
                        "docker.hello-world · hello-world ausgeführt [10 P.]",
                        "docker.nginx-port · Port 8080 veröffentlicht [10 P.]",
                        "vm.guest · Ubuntu-Gast vorhanden [15 P.]");
        assertThat(elements(xml.getDocumentElement(), "failure").get(0).getTextContent()).isEqualTo(
                "Erwartet wurde ein Container aus hello-world:latest, aber es gab keinen.\n"
                        + "Hinweis: Führen Sie \"docker run hello-world\" aus.");
    }

    @Test
    void hostileTextStaysTextAndControlCharactersAreGone() throws Exception {
        String text = report.render(Fixtures.result(List.of(Fixtures.passed(), Fixtures.hostile())), Language.EN);
        Document xml = parse(text);
        Element root = xml.getDocumentElement();

        assertThat(text).doesNotContain("\u0000", "\u001b", "[2J", "<script>");
        assertThat(elements(root, "script")).isEmpty();
        assertThat(elements(root, "testcase")).extracting(c -> c.getAttribute("name")).containsExactly(
                "docker.engine · Docker Engine reachable [5 pts]",
                "docker.nginx-name · Name evil</testcase><script>alert(1)</script>|x [5 pts]");
        Element failure = elements(root, "failure").get(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("Container 'evil</testcase><script>alert(1)</script>|x' exited with 1");
        assertThat(failure.getTextContent()).isEqualTo(
                "Container 'evil</testcase><script>alert(1)</script>|x'\nexited with 1\nHint: Use `docker rm` & <retry>");
    }

    @Test
    void repeatedNamesAreMadeUnique() throws Exception {
        CriterionResult c = Fixtures.passed();
        Document xml = parse(report.render(Fixtures.result(List.of(c, c, c)), Language.EN));

        assertThat(elements(xml.getDocumentElement(), "testcase")).extracting(e -> e.getAttribute("name"))
                .containsExactly("docker.engine · Docker Engine reachable [5 pts]",
                        "docker.engine · Docker Engine reachable [5 pts] (2)",
                        "docker.engine · Docker Engine reachable [5 pts] (3)");
    }

    @Test
    void startsWithAnXmlDeclarationInUtf8() {
        assertThat(report.render(Fixtures.fourOutcomes(), Language.EN))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"docker-vs-vm\"")
                .endsWith("</testsuites>\n");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static List<String> attributes(Element element, String... names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            values.add(element.getAttribute(name));
        }
        return values;
    }
}
