package io.labgrader.report;

import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.rubric.LocalizedText;

import java.time.Instant;
import java.util.List;

/** Hand-built results: one criterion per outcome, and one whose texts came from a hostile machine. */
final class Fixtures {

    static final Instant GRADED_AT = Instant.parse("2025-03-14T09:26:53Z");
    static final String SHA = "3f1b5e0c9a7d2e4f6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f";
    static final String HOSTILE = "evil</testcase><script>alert(1)</script>|x\u001b[2J\u0000";

    private Fixtures() {
    }

    static CriterionResult passed() {
        return new CriterionResult("docker.engine", "docker",
                LocalizedText.of("Docker Engine erreichbar", "Docker Engine reachable"), Outcome.PASSED, 5, 5,
                LocalizedText.same(""), LocalizedText.same(""), 0.0123);
    }

    static CriterionResult failed() {
        return new CriterionResult("docker.hello-world", "docker",
                LocalizedText.of("hello-world ausgeführt", "hello-world ran"), Outcome.FAILED, 0, 10,
                LocalizedText.of("Erwartet wurde ein Container aus hello-world:latest, aber es gab keinen.",
                        "Expecting a container from hello-world:latest but found none."),
                LocalizedText.of("Führen Sie \"docker run hello-world\" aus.", "Run \"docker run hello-world\"."),
                0.5);
    }

    static CriterionResult blocked() {
        return new CriterionResult("docker.nginx-port", "docker",
                LocalizedText.of("Port 8080 veröffentlicht", "Port 8080 published"), Outcome.BLOCKED, 0, 10,
                LocalizedText.of("Nicht versucht: docker.nginx-detached ist nicht bestanden.",
                        "Not attempted: docker.nginx-detached did not pass."),
                LocalizedText.same(""), 0);
    }

    static CriterionResult notGradable() {
        return new CriterionResult("vm.guest", "vm",
                LocalizedText.of("Ubuntu-Gast vorhanden", "Ubuntu guest present"), Outcome.NOT_GRADABLE, 0, 15,
                LocalizedText.of("VBoxManage antwortete nicht innerhalb von 10 s.",
                        "VBoxManage did not answer within 10 s."),
                LocalizedText.same(""), 10.25);
    }

    static CriterionResult hostile() {
        return new CriterionResult("docker.nginx-name", "docker",
                LocalizedText.same("Name " + HOSTILE), Outcome.FAILED, 0, 5,
                LocalizedText.same("Container '" + HOSTILE + "'\nexited\twith 1"),
                LocalizedText.same("Use `docker rm` & <retry>"), 0.001);
    }

    /** All four outcomes, 5 of 40 points. */
    static GradeResult fourOutcomes() {
        return result(List.of(passed(), failed(), blocked(), notGradable()));
    }

    static GradeResult result(List<CriterionResult> criteria) {
        return new GradeResult("docker-vs-vm", LocalizedText.of("Docker vs. virtuelle Maschine",
                "Docker vs. virtual machine"), SHA, "evidence", GRADED_AT, criteria);
    }
}
