package io.labgrader.labs.networks;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.testing.Labgrader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.labgrader.testing.Commands.dockerOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The lab "Docker networks and volumes" done as students do it, right and wrong, on the real Docker Engine with the
 * real nginx image; labgrader runs as its own process ({@code check}, as a student runs it). Every scenario is then
 * regraded offline from the saved bundle and must give exactly the live report. Port 8081 only, names unique to
 * each test ({@link NetScene}), everything removed afterwards.
 */
class NetworksScenarioTest {

    static final String OWN_PAGE = "HTTP 200 \"Meine eigene Seite\" (" + NetScene.OWN_PAGE.getBytes(StandardCharsets.UTF_8).length + " bytes)";

    @TempDir
    Path dir;
    NetScene scene;
    NetLab lab;
    String web;
    String client;

    @BeforeEach
    void start() {
        scene = new NetScene();
        lab = new NetLab(dir);
        web = scene.name("web");
        client = scene.name("client");
    }

    @AfterEach
    void clean() {
        scene.close();
    }

    /** nginx as the lab asks: on the network, the named volume at its web folder, port 8081. */
    private String nginxDoneRight(String name, String image) {
        String id = scene.run(name, image, "--network", scene.network, "-v", scene.volume + ":" + NetScene.NGINX_HTML, "-p", "8081:80");
        NetScene.awaitPage(8081);
        return id;
    }

    private String label(String name, String shortId) {
        return "'" + name + "' (" + shortId + ")";
    }

    @Test
    @DisplayName("the full lab: network, volume, nginx with an own page, a client beside it, then nginx re-created: 100 of 100")
    void fullLab() {
        scene.createNetwork();
        scene.createVolume();
        nginxDoneRight(web, "nginx:latest");
        scene.writeOwnPage(web);
        scene.client(client, "--network", scene.network);
        lab.check();
        scene.removeForce(web);
        nginxDoneRight(scene.name("web2"), "docker.io/library/nginx"); // another spelling of the same image
        lab.check();

        assertThat(lab.outcomes()).containsExactly(
                entry("net.engine", "PASSED"), entry("net.network", "PASSED"), entry("net.volume", "PASSED"),
                entry("web.nginx-network", "PASSED"), entry("web.nginx-volume", "PASSED"), entry("web.nginx-port", "PASSED"),
                entry("web.own-page", "PASSED"), entry("run.neighbour", "PASSED"), entry("run.survives", "PASSED"));
        assertThat(lab.score()).isEqualTo(100);
        assertThat(lab.report().path("maxScore").asInt()).isEqualTo(100);
        lab.assertRegradeEqualsLive();
        assertThat(lab.regradeInGerman().path("score").asInt()).isEqualTo(100);
    }

    @Test
    @DisplayName("nginx on the default bridge: its network fails, the neighbour is not attempted")
    void defaultBridge() {
        scene.createNetwork();
        scene.createVolume();
        String id = scene.run(web, "nginx:latest", "-v", scene.volume + ":" + NetScene.NGINX_HTML, "-p", "8081:80");
        NetScene.awaitPage(8081);
        scene.writeOwnPage(web);
        scene.client(client, "--network", scene.network);
        lab.check();

        assertThat(lab.outcomes()).contains(entry("net.network", "PASSED"), entry("web.nginx-network", "FAILED"),
                entry("web.own-page", "PASSED"), entry("run.neighbour", "BLOCKED"), entry("run.survives", "FAILED"));
        assertThat(lab.message("web.nginx-network")).isEqualTo("Expected an nginx container publishing port 80 on a user-defined"
                + " bridge network (--network NAME) but found " + label(web, id) + " on 'bridge' (the default bridge network).");
        assertThat(lab.score()).isEqualTo(55);
        lab.assertRegradeEqualsLive();
        assertThat(Labgrader.message(lab.regradeInGerman(), "web.nginx-network")).isEqualTo("Erwartet: ein nginx-Container, der Port 80"
                + " veröffentlicht, in einem eigenen Bridge-Netzwerk (--network NAME). Gefunden: " + label(web, id)
                + " in 'bridge' (dem vorgegebenen Netzwerk).");
    }

    @Test
    @DisplayName("a bind mount instead of a named volume: no named volume, and none at nginx's web folder")
    void bindMount() throws Exception {
        scene.createNetwork();
        Path site = java.nio.file.Files.createDirectories(dir.resolve("site"));
        java.nio.file.Files.writeString(site.resolve("index.html"), NetScene.OWN_PAGE);
        String id = scene.run(web, "nginx:latest", "--network", scene.network, "-v", site + ":" + NetScene.NGINX_HTML, "-p", "8081:80");
        NetScene.awaitPage(8081);
        scene.client(client, "--network", scene.network);
        lab.check();

        assertThat(lab.outcomes()).contains(entry("net.volume", "FAILED"), entry("web.nginx-volume", "FAILED"),
                entry("web.own-page", "BLOCKED"), entry("run.neighbour", "PASSED"), entry("run.survives", "BLOCKED"));
        assertThat(lab.message("net.volume")).isEqualTo("Expected a named volume (docker volume create NAME or -v NAME:/path) but found"
                + " bind mounts " + site + ":" + NetScene.NGINX_HTML + " (host folders, not volumes).");
        assertThat(lab.message("web.nginx-volume")).isEqualTo("Expected a named volume at /usr/share/nginx/html of the nginx container"
                + " (-v NAME:/usr/share/nginx/html) but found " + label(web, id) + ": a bind mount of the host folder " + site + ", not a volume.");
        assertThat(lab.score()).isEqualTo(45);
        lab.assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("an anonymous volume (-v /usr/share/nginx/html): no named volume, and none at nginx's web folder")
    void anonymousVolume() {
        scene.createNetwork();
        String id = scene.run(web, "nginx:latest", "--network", scene.network, "-v", NetScene.NGINX_HTML, "-p", "8081:80");
        NetScene.awaitPage(8081);
        scene.client(client, "--network", scene.network);
        String volume = dockerOk("inspect", "-f", "{{range .Mounts}}{{.Name}}{{end}}", web);
        lab.check();

        assertThat(lab.outcomes()).contains(entry("net.volume", "FAILED"), entry("web.nginx-volume", "FAILED"),
                entry("web.own-page", "BLOCKED"), entry("run.survives", "BLOCKED"));
        // other anonymous volumes on the engine may be listed beside this one
        assertThat(lab.message("net.volume")).startsWith("Expected a named volume (docker volume create NAME or -v NAME:/path) but found"
                + " anonymous volumes ").contains(volume.substring(0, 12) + "…").endsWith(" (from -v /path without a name).");
        assertThat(lab.message("web.nginx-volume")).isEqualTo("Expected a named volume at /usr/share/nginx/html of the nginx container"
                + " (-v NAME:/usr/share/nginx/html) but found " + label(web, id) + ": the anonymous volume " + volume.substring(0, 12)
                + "… (-v /usr/share/nginx/html without a name).");
        assertThat(lab.score()).isEqualTo(45);
        lab.assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("the volume still holds nginx's start page: the own page fails")
    void defaultPage() {
        scene.createNetwork();
        scene.createVolume();
        nginxDoneRight(web, "nginx"); // an empty named volume gets the image's files: nginx's start page
        scene.client(client, "--network", scene.network);
        String size = dockerOk("exec", web, "sh", "-c", "wc -c < " + NetScene.NGINX_HTML + "/index.html").strip();
        lab.check();

        assertThat(lab.outcomes()).contains(entry("web.nginx-volume", "PASSED"), entry("web.own-page", "FAILED"),
                entry("run.neighbour", "PASSED"), entry("run.survives", "BLOCKED"));
        assertThat(lab.message("web.own-page")).isEqualTo("Expected a page of your own (HTTP 200, not the start page \"Welcome to nginx!\")"
                + " on port 8081 from the volume at /usr/share/nginx/html but found HTTP 200 \"Welcome to nginx!\" (" + size
                + " bytes), nginx's start page; put your index.html into the volume.");
        assertThat(lab.score()).isEqualTo(65);
        lab.assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("the second container on the default bridge: the neighbour fails")
    void neighbourOnAnotherNetwork() {
        scene.createNetwork();
        scene.createVolume();
        String id = nginxDoneRight(web, "nginx:latest");
        scene.writeOwnPage(web);
        String clientId = scene.client(client);
        lab.check();

        assertThat(lab.outcomes()).contains(entry("web.own-page", "PASSED"), entry("run.neighbour", "FAILED"));
        assertThat(lab.message("run.neighbour")).isEqualTo("Expected a second container running on network '" + scene.network + "' while "
                + label(web, id) + " ran, but found " + label(client, clientId) + " on 'bridge' (the default bridge network), not on '"
                + scene.network + "' (--network).");
        assertThat(lab.score()).isEqualTo(65);
        lab.assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("the second container on the network, but not running at the same time: the neighbour fails")
    void neighbourNotAtTheSameTime() {
        scene.createNetwork();
        scene.createVolume();
        String id = nginxDoneRight(web, "nginx:latest");
        scene.writeOwnPage(web);
        String clientId = scene.run(client, "nginx:latest", "--network", scene.network, "--", "true");
        dockerOk("wait", client);
        lab.check();

        assertThat(lab.outcomes()).contains(entry("run.neighbour", "FAILED"));
        assertThat(lab.message("run.neighbour")).isEqualTo("Expected a second container running on network '" + scene.network + "' while "
                + label(web, id) + " ran, but found " + label(client, clientId) + " (exited) on the network, never seen running at the"
                + " same time; run \"labgrader check --lab docker-networks\" while both run.");
        assertThat(lab.score()).isEqualTo(65);
        lab.assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("nginx re-created without the volume: the page is lost, survival fails")
    void pageLostAfterRecreation() {
        scene.createNetwork();
        scene.createVolume();
        String id = nginxDoneRight(web, "nginx:latest");
        scene.writeOwnPage(web);
        scene.client(client, "--network", scene.network);
        lab.check();
        scene.removeForce(web);
        String web2 = scene.name("web2");
        String id2 = scene.run(web2, "nginx:latest", "--network", scene.network, "-p", "8081:80");
        NetScene.awaitPage(8081);
        lab.check();

        assertThat(lab.outcomes()).contains(entry("web.own-page", "PASSED"), entry("run.neighbour", "PASSED"), entry("run.survives", "FAILED"));
        assertThat(lab.message("run.survives")).isEqualTo("Expected the same page (" + OWN_PAGE + ") from the volume '" + scene.volume
                + "' served by a new container after " + label(web, id) + " was removed, but found " + label(web2, id2)
                + " with nothing at /usr/share/nginx/html instead of the volume '" + scene.volume + "'.");
        assertThat(lab.score()).isEqualTo(80);
        lab.assertRegradeEqualsLive();
        assertThat(Labgrader.message(lab.regradeInGerman(), "run.survives")).isEqualTo("Erwartet: dieselbe Seite (HTTP 200 \"Meine eigene Seite\" ("
                + NetScene.OWN_PAGE.getBytes(StandardCharsets.UTF_8).length + " Bytes)) aus dem Volume '" + scene.volume
                + "' von einem neuen Container, nachdem " + label(web, id) + " entfernt wurde. Gefunden: " + label(web2, id2)
                + " mit nichts an /usr/share/nginx/html statt des Volumes '" + scene.volume + "'.");
    }

    @Test
    @DisplayName("docker restart instead of a new container: survival fails, a restart keeps the id")
    void restartIsNoRecreation() {
        scene.createNetwork();
        scene.createVolume();
        String id = nginxDoneRight(web, "nginx:latest");
        scene.writeOwnPage(web);
        scene.client(client, "--network", scene.network);
        lab.check();
        dockerOk("restart", web);
        NetScene.awaitPage(8081);
        lab.check();

        assertThat(lab.outcomes()).contains(entry("run.survives", "FAILED"));
        assertThat(lab.message("run.survives")).isEqualTo("Expected the same page (" + OWN_PAGE + ") from the volume '" + scene.volume
                + "' served by a new container after " + label(web, id) + " was removed, but found no new nginx container on port 8081 after "
                + label(web, id) + " (only the same container; a restart keeps its id). Run \"labgrader check --lab docker-networks\" again after re-creating it.");
        assertThat(lab.score()).isEqualTo(80);
        lab.assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("port 8082 instead of 8081: the port fails, the page and survival are not attempted")
    void wrongPort() {
        scene.createNetwork();
        scene.createVolume();
        String id = scene.run(web, "nginx:latest", "--network", scene.network, "-v", scene.volume + ":" + NetScene.NGINX_HTML, "-p", "8082:80");
        NetScene.awaitPage(8082);
        scene.writeOwnPage(web);
        scene.client(client, "--network", scene.network);
        lab.check();

        assertThat(lab.outcomes()).contains(entry("web.nginx-network", "PASSED"), entry("web.nginx-volume", "PASSED"),
                entry("web.nginx-port", "FAILED"), entry("web.own-page", "BLOCKED"), entry("run.neighbour", "PASSED"),
                entry("run.survives", "BLOCKED"));
        assertThat(lab.message("web.nginx-port")).isEqualTo("Expected 8081->80/tcp (-p 8081:80) but found " + label(web, id) + ": 8082->80/tcp.");
        assertThat(lab.score()).isEqualTo(60);
        lab.assertRegradeEqualsLive();
        JsonNode german = lab.regradeInGerman();
        assertThat(Labgrader.message(german, "web.nginx-port")).isEqualTo("Erwartet: 8081->80/tcp (-p 8081:80). Gefunden: " + label(web, id) + ": 8082->80/tcp.");
        assertThat(german.path("score").asInt()).isEqualTo(60);
    }

    @Test
    @DisplayName("no network of one's own, the volume made by -v on first use, nginx re-created: network criteria fail, the rest passes")
    void noNetworkOfOnesOwn() {
        scene.volumeCreatedByRun();
        String id = scene.run(web, "nginx", "-p", "8081:80", "-v", scene.volume + ":" + NetScene.NGINX_HTML);
        NetScene.awaitPage(8081);
        scene.writeOwnPage(web);
        scene.client(client);
        lab.check();
        scene.removeForce(web);
        scene.run(scene.name("web2"), "nginx:latest", "-p", "8081:80", "-v", scene.volume + ":" + NetScene.NGINX_HTML);
        NetScene.awaitPage(8081);
        lab.check();

        assertThat(lab.outcomes()).containsExactly(
                entry("net.engine", "PASSED"), entry("net.network", "FAILED"), entry("net.volume", "PASSED"),
                entry("web.nginx-network", "FAILED"), entry("web.nginx-volume", "PASSED"), entry("web.nginx-port", "PASSED"),
                entry("web.own-page", "PASSED"), entry("run.neighbour", "BLOCKED"), entry("run.survives", "PASSED"));
        // the engine's other networks (of other projects on this machine) may be listed too
        assertThat(lab.message("net.network")).startsWith("Expected a user-defined bridge network (docker network create NAME) but found only ")
                .contains("'bridge' (bridge, default)").doesNotContain(scene.tag);
        assertThat(lab.message("web.nginx-network")).contains(label(web, id) + " on 'bridge' (the default bridge network)");
        assertThat(lab.score()).isEqualTo(65);
        lab.assertRegradeEqualsLive();
        assertThat(Labgrader.message(lab.regradeInGerman(), "net.network"))
                .startsWith("Erwartet: ein eigenes Bridge-Netzwerk (docker network create NAME). Gefunden: nur ").contains("'bridge' (bridge, vorgegeben)");
    }
}
