package io.labgrader.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.testing.Commands;
import io.labgrader.testing.LabDocker;
import io.labgrader.testing.Labgrader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.labgrader.testing.Commands.dockerOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * `mvn -Pgrade test` runs the very same grading suites under Surefire: on evidence of a real (partial) lab, its
 * XML has one test case per criterion named from the rubric, and labgrader's listener writes the report.json
 * that the CLI writes for the same evidence.
 */
class SurefireGradeProfileTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("mvn -Pgrade test: one XML test case per criterion, named from the rubric, same result as the CLI")
    void gradeProfileMatchesTheCli() throws Exception {
        LabDocker.removeLabContainers();
        Labgrader labgrader = new Labgrader(dir, "docker");
        String since = Instant.now().toString();
        try {
            dockerOk("run", "hello-world");
            dockerOk("run", "-d", "-p", "8081:80", "--name", "web", "nginx:latest"); // wrong port: a failure and a skip
            LabDocker.awaitHttp(8081, Duration.ofSeconds(20));
            assertThat(labgrader.run("check", "--lang", "en", "--events-since", since).exitCode()).isZero();
        } finally {
            LabDocker.removeLabContainers();
        }

        Path build = dir.resolve("build");
        Commands.Result mvn = Commands.run(Path.of("").toAbsolutePath(), Map.of(), Duration.ofMinutes(5), List.of(
                "mvn", "-q", "-B", "-ntp", "-Pgrade", "test",
                "-Dbuild.dir=" + build, "-Dlabgrader.evidence=" + dir.resolve("evidence"),
                "-Dlabgrader.rubric=" + dir.resolve("rubric.yml"), "-Dlabgrader.lang=en"));
        assertThat(mvn.exitCode()).as(mvn.all()).isZero();

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(build.resolve("surefire-reports/TEST-io.labgrader.lab.DockerGrader.xml").toFile());
        NodeList cases = xml.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertThat(c.getAttribute("classname")).isEqualTo("docker");
            names.add(c.getAttribute("name"));
        }
        assertThat(names).containsExactly(
                "docker.engine · Docker Engine reachable [5 pts]",
                "docker.hello-world · hello-world ran [10 pts]",
                "docker.nginx-detached · nginx started detached [5 pts]",
                "docker.nginx-port · Port 8080 published [10 pts]",
                "docker.nginx-answers · nginx answers on port 8080 [15 pts]",
                "docker.nginx-stopped · nginx container stopped [10 pts]",
                "docker.nginx-removed · nginx container removed [10 pts]");
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(3); // port, stopped, removed
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(1); // answers: BLOCKED

        JsonNode cli = labgrader.report();
        JsonNode surefire = Labgrader.report(build.resolve("labgrader-report"));
        assertThat(surefire.path("criteria")).isEqualTo(cli.path("criteria"));
        assertThat(surefire.path("score").asInt()).isEqualTo(cli.path("score").asInt()).isEqualTo(20);
    }
}
