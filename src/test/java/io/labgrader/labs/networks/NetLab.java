package io.labgrader.labs.networks;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.testing.Commands;
import io.labgrader.testing.Labgrader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * labgrader as a student of the lab "Docker networks and volumes" runs it: its own process, in a folder holding the
 * lab's rubric (labs/docker-networks/rubric.yml, whose id selects the lab).
 */
final class NetLab {

    final Labgrader labgrader;

    NetLab(Path dir) {
        this.labgrader = new Labgrader(dir);
        try {
            Files.copy(Path.of("labs/docker-networks/rubric.yml").toAbsolutePath(), dir.resolve("rubric.yml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One check; it must succeed (a check that grades a partial lab still exits 0). */
    Commands.Result check() {
        Commands.Result r = labgrader.run("check", "--lang", "en");
        assertThat(r.exitCode()).as(r.all()).isZero();
        return r;
    }

    JsonNode report() {
        return labgrader.report();
    }

    Map<String, String> outcomes() {
        return Labgrader.outcomes(report());
    }

    String message(String id) {
        return Labgrader.message(report(), id);
    }

    int score() {
        return report().path("score").asInt();
    }

    /** The instructor's offline regrade of the saved bundle gives exactly the live report. */
    void assertRegradeEqualsLive() {
        labgrader.assertRegradeEqualsLive(0);
    }

    /** The German regrade of the saved bundle with the lab's rubric as built into labgrader (--lab): its report.json. */
    JsonNode regradeInGerman() {
        return regradeInGerman(0);
    }

    JsonNode regradeInGerman(int expectedExit) {
        Commands.Result r = labgrader.run("grade", "evidence", "--lab", NetworksLab.ID, "--lang", "de", "--out", "regrade-de");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(expectedExit);
        return Labgrader.report(labgrader.dir().resolve("regrade-de"));
    }
}
