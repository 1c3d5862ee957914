package io.labgrader.labs.networks;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.testing.Commands;
import io.labgrader.testing.HungEngine;
import io.labgrader.testing.Labgrader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The lab "Docker networks and volumes" when no engine can be read: the probe records what it tried, within its time
 * bound, and every criterion is NOT_GRADABLE with a message, never a stack trace; the offline regrade agrees. These
 * engines are stand-ins on sockets of the test's own (the real engine is not touched).
 */
class NetworksFaultsTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("no engine at DOCKER_HOST: NOT_GRADABLE, naming the socket tried, exit 3")
    void noEngine() {
        Path socket = dir.resolve("none.sock");
        NetLab lab = new NetLab(dir);
        lab.labgrader.env("DOCKER_HOST", "unix://" + socket);
        Commands.Result result = lab.labgrader.run("check", "--lang", "en");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(lab.outcomes()).containsExactly(
                entry("net.engine", "NOT_GRADABLE"), entry("net.network", "NOT_GRADABLE"), entry("net.volume", "NOT_GRADABLE"),
                entry("web.nginx-network", "NOT_GRADABLE"), entry("web.nginx-volume", "NOT_GRADABLE"),
                entry("web.nginx-port", "NOT_GRADABLE"), entry("web.own-page", "NOT_GRADABLE"),
                entry("run.neighbour", "NOT_GRADABLE"), entry("run.survives", "NOT_GRADABLE"));
        assertThat(lab.message("net.engine")).startsWith("The Docker Engine was not reachable. Tried: unix://" + socket + ": ")
                .endsWith(". Start Docker and check with \"docker version\".");
        assertThat(result.all()).doesNotContain("Exception", "\tat ");
        lab.labgrader.assertRegradeEqualsLive(3);
        JsonNode german = lab.regradeInGerman(3);
        assertThat(Labgrader.message(german, "net.engine")).startsWith("Die Docker Engine war nicht erreichbar. Versucht: unix://" + socket)
                .endsWith("Starten Sie Docker und prüfen Sie es mit \"docker version\".");
    }

    @Test
    @DisplayName("an engine that accepts connections and never answers: NOT_GRADABLE within seconds")
    void engineThatNeverAnswers() throws Exception {
        Path socket = dir.resolve("hung.sock");
        try (HungEngine engine = HungEngine.at(socket)) {
            NetLab lab = new NetLab(dir);
            lab.labgrader.env("DOCKER_HOST", engine.dockerHost());
            long start = System.nanoTime();
            Commands.Result result = lab.labgrader.run("check", "--lang", "en");
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
            assertThat(seconds).as("bounded in time").isLessThan(30);
            assertThat(lab.outcomes()).containsEntry("net.engine", "NOT_GRADABLE");
            assertThat(lab.message("net.engine")).startsWith("The Docker Engine was not reachable. Tried: unix://" + socket + ": no answer within ");
            assertThat(result.all()).doesNotContain("Exception", "\tat ");
        }
    }
}
