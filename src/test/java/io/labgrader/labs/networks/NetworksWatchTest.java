package io.labgrader.labs.networks;

import io.labgrader.testing.Await;
import io.labgrader.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The lab under {@code watch} (real engine, real nginx, port 8081). This lab's probe does not follow the engine's
 * events (LabProbe.followedBy); its own connection reads the engine when watch starts, every few seconds
 * while it runs, and once more when it ends. A student who removes nginx and creates it again while watch runs has
 * done the whole lab, as under two checks.
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
    @DisplayName("watch, nginx removed and created again while it runs, then Ctrl-C: every criterion passes, and the regrade agrees")
    void recreationWhileWatching() throws Exception {
        scene.createNetwork();
        scene.createVolume();
        String web = scene.name("web");
        String[] nginx = {"--network", scene.network, "-v", scene.volume + ":" + NetScene.NGINX_HTML, "-p", "8081:80"};
        scene.run(web, "nginx:latest", nginx);
        NetScene.awaitPage(8081);
        scene.writeOwnPage(web);
        scene.client(scene.name("client"), "--network", scene.network);
        NetLab lab = new NetLab(dir);

        Process watch = lab.labgrader.start("watch", "--lang", "en", "--duration", "300");
        try {
            Await.fileContains(dir.resolve("watch.err"), "is watching", Duration.ofSeconds(60));
            scene.removeForce(web);
            scene.run(web, "nginx:latest", nginx);   // the same name and volume, a new container
            NetScene.awaitPage(8081);
            Commands.run(null, Map.of(), Duration.ofSeconds(10), List.of("kill", "-INT", String.valueOf(watch.pid())));
            assertThat(watch.waitFor(120, TimeUnit.SECONDS)).as("watch ends after Ctrl-C").isTrue();
        } finally {
            watch.destroyForcibly();
        }

        assertThat(watch.exitValue()).as(Files.readString(dir.resolve("watch.err"))).isZero();
        assertThat(Files.readString(dir.resolve("watch.err"))).contains("labgrader is watching (it looks again every 10 s).");
        long runs = Files.readAllLines(dir.resolve("evidence").resolve("journal.jsonl")).stream()
                .filter(l -> l.contains("\"type\":\"net.run\"") && l.contains("\"source\":\"watch\"")).count();
        assertThat(runs).as("net.run records of watch: at its start and at its end at least").isGreaterThanOrEqualTo(2);
        assertThat(lab.outcomes()).contains(entry("net.engine", "PASSED"), entry("web.own-page", "PASSED"),
                entry("run.neighbour", "PASSED"), entry("run.survives", "PASSED"));
        assertThat(lab.score()).isEqualTo(100);
        lab.assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("watch --duration 2 on a lab left alone: it looks at its start and end, then grades; the re-creation is not claimed")
    void durationEndsWatch() throws Exception {
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
        assertThat(lab.outcomes()).contains(entry("web.own-page", "PASSED"), entry("run.survives", "FAILED"));
        assertThat(lab.score()).isEqualTo(80);
        lab.assertRegradeEqualsLive();
    }
}
