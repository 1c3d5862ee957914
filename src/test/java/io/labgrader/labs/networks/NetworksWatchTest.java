package io.labgrader.labs.networks;

import io.labgrader.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The lab under {@code watch}, which opens no engine connection for this lab's probe: the probe opens its own and reads
 * the engine (real engine, real nginx, port 8081). Watch follows the engine's events only for a probe that says so
 * (LabProbe.followsDockerEvents); for this lab it reads the engine once and grades, so the re-creation, which needs
 * two readings, cannot pass under watch.
 */
class NetworksWatchTest {

    @TempDir
    Path dir;
    final NetScene scene = new NetScene();

    @AfterEach
    void clean() {
        scene.close();
    }

    @Test
    @DisplayName("watch: the probe reads the engine over its own connection; everything but the re-creation passes, and the regrade agrees")
    void watchReadsAtStartAndEnd() throws Exception {
        scene.createNetwork();
        scene.createVolume();
        String web = scene.name("web");
        scene.run(web, "nginx:latest", "--network", scene.network, "-v", scene.volume + ":" + NetScene.NGINX_HTML, "-p", "8081:80");
        NetScene.awaitPage(8081);
        scene.writeOwnPage(web);
        scene.client(scene.name("client"), "--network", scene.network);
        NetLab lab = new NetLab(dir);

        Commands.Result watch = lab.labgrader.run("watch", "--lang", "en", "--duration", "2");

        assertThat(watch.exitCode()).as(watch.all()).isZero();
        long runs = Files.readAllLines(dir.resolve("evidence").resolve("journal.jsonl")).stream()
                .filter(l -> l.contains("\"type\":\"net.run\"") && l.contains("\"source\":\"watch\"")).count();
        assertThat(runs).as("net.run records of watch").isPositive();
        assertThat(lab.outcomes()).contains(entry("net.engine", "PASSED"), entry("web.own-page", "PASSED"),
                entry("run.neighbour", "PASSED"), entry("run.survives", "FAILED"));
        assertThat(lab.score()).isEqualTo(80);
        lab.assertRegradeEqualsLive();
    }
}
