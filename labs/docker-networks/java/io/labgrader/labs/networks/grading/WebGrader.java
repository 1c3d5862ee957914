package io.labgrader.labs.networks.grading;

import io.labgrader.grading.Criterion;
import io.labgrader.grading.CriterionContext;
import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.labs.networks.evidence.NetNetwork;
import io.labgrader.labs.networks.evidence.NetPage;
import io.labgrader.labs.networks.grading.NetFindings.Seen;
import io.labgrader.grading.GradingSuite;
import org.junit.jupiter.api.DisplayName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.labgrader.labs.networks.grading.NetText.fail;

/**
 * Grades the section "web": the nginx that serves (a running nginx container publishing port 80) is on the student's
 * network, has the named volume as its web folder, publishes 8081, and serves the student's own page from it.
 */
@GradingSuite("web")
@DisplayName("web") // Surefire takes the XML testcase classname from an explicit class display name only
public class WebGrader {

    @Criterion("web.nginx-network")
    void nginxNetwork(CriterionContext ctx) {
        NginxParams p = NginxParams.of(ctx);
        List<Seen> servers = servers(ctx, p);
        if (servers.stream().anyMatch(s -> !s.run().userNetworks(s.container()).isEmpty())) {
            return;
        }
        List<Seen> last = NetFindings.lastOfEach(servers);
        String de = last.stream().map(s -> Naming.label(s.container()) + " in " + networks(s, true)).collect(Collectors.joining("; "));
        String en = last.stream().map(s -> Naming.label(s.container()) + " on " + networks(s, false)).collect(Collectors.joining("; "));
        throw fail("Erwartet: ein nginx-Container, der Port " + p.containerPort() + " veröffentlicht, in einem eigenen Bridge-Netzwerk (--network NAME). Gefunden: "
                        + de + ".",
                "Expected an nginx container publishing port " + p.containerPort() + " on a user-defined bridge network (--network NAME) but found "
                        + en + ".");
    }

    @Criterion("web.nginx-volume")
    void nginxVolume(CriterionContext ctx) {
        NginxParams p = NginxParams.of(ctx);
        List<Seen> servers = servers(ctx, p);
        if (servers.stream().anyMatch(s -> s.run().namedVolumeAt(s.container(), p.htmlPath()).isPresent())) {
            return;
        }
        List<Seen> last = NetFindings.lastOfEach(servers);
        String de = last.stream().map(s -> Naming.label(s.container()) + ": " + mountAt(s, p.htmlPath(), true)).collect(Collectors.joining("; "));
        String en = last.stream().map(s -> Naming.label(s.container()) + ": " + mountAt(s, p.htmlPath(), false)).collect(Collectors.joining("; "));
        throw fail("Erwartet: ein benanntes Volume an " + p.htmlPath() + " des nginx-Containers (-v NAME:" + p.htmlPath() + "). Gefunden: " + de + ".",
                "Expected a named volume at " + p.htmlPath() + " of the nginx container (-v NAME:" + p.htmlPath() + ") but found " + en + ".");
    }

    @Criterion("web.nginx-port")
    void nginxPort(CriterionContext ctx) {
        NginxParams p = NginxParams.of(ctx);
        NetFindings findings = NetFindings.of(ctx);
        List<Seen> running = findings.running(p.image());
        if (running.stream().anyMatch(s -> p.publishesLabPort(s.container()))) {
            return;
        }
        String expected = p.hostPort() + "->" + p.containerPort() + "/tcp (-p " + p.hostPort() + ":" + p.containerPort() + ")";
        if (running.isEmpty()) {
            throw fail("Erwartet: ein laufender nginx-Container mit " + expected + ". Gefunden: keinen laufenden nginx-Container"
                            + NetOthers.seen(findings, p.image(), true) + ".",
                    "Expected a running nginx container with " + expected + " but found no running nginx container"
                            + NetOthers.seen(findings, p.image(), false) + ".");
        }
        // the containers that publish the container port elsewhere say most; nginx containers without ports, less
        List<Seen> servers = findings.servers(p.image(), p.containerPort());
        List<Seen> last = NetFindings.lastOfEach(servers.isEmpty() ? running : servers);
        String de = last.stream().map(s -> Naming.label(s.container()) + ": " + ports(s.container(), "keine veröffentlichten Ports")).collect(Collectors.joining("; "));
        String en = last.stream().map(s -> Naming.label(s.container()) + ": " + ports(s.container(), "no published ports")).collect(Collectors.joining("; "));
        throw fail("Erwartet: " + expected + ". Gefunden: " + de + ".", "Expected " + expected + " but found " + en + ".");
    }

    @Criterion("web.own-page")
    void ownPage(CriterionContext ctx) {
        NginxParams p = NginxParams.of(ctx);
        List<Seen> lab = servers(ctx, p).stream().filter(s -> p.publishesLabPort(s.container())).toList();
        List<Seen> withVolume = lab.stream().filter(s -> s.run().namedVolumeAt(s.container(), p.htmlPath()).isPresent()).toList();
        if (withVolume.stream().anyMatch(s -> s.run().pagesOf(s.container(), p.hostPort()).stream().anyMatch(p::ownPage))) {
            return;
        }
        String expected = "Erwartet: eine eigene Seite (HTTP 200, nicht die Startseite \"" + p.defaultTitle() + "\") auf Port " + p.hostPort()
                + " aus dem Volume an " + p.htmlPath() + ". Gefunden: ";
        String expectedEn = "Expected a page of your own (HTTP 200, not the start page \"" + p.defaultTitle() + "\") on port " + p.hostPort()
                + " from the volume at " + p.htmlPath() + " but found ";
        Optional<Seen> ownWithoutVolume = lab.stream().filter(s -> s.run().namedVolumeAt(s.container(), p.htmlPath()).isEmpty()
                && s.run().pagesOf(s.container(), p.hostPort()).stream().anyMatch(p::ownPage)).reduce((a, b) -> b);
        if (withVolume.isEmpty() && ownWithoutVolume.isPresent()) {
            Seen s = ownWithoutVolume.get();
            throw fail(expected + "die Seite kam von " + Naming.label(s.container()) + ", der an " + p.htmlPath() + " kein benanntes Volume hatte ("
                            + mountAt(s, p.htmlPath(), true) + ").",
                    expectedEn + "the page came from " + Naming.label(s.container()) + ", which had no named volume at " + p.htmlPath() + " ("
                            + mountAt(s, p.htmlPath(), false) + ").");
        }
        List<NetPage> pages = (withVolume.isEmpty() ? lab : withVolume).stream()
                .flatMap(s -> s.run().pagesOf(s.container(), p.hostPort()).stream()).toList();
        if (pages.isEmpty()) {
            throw fail(expected + "labgrader hat die Seite nie gelesen, während nginx lief; rufen Sie \"labgrader check --lab docker-networks\" auf, solange der Container läuft.",
                    expectedEn + "labgrader never read the page while nginx ran; run \"labgrader check --lab docker-networks\" while the container runs.");
        }
        NetPage last = pages.get(pages.size() - 1);
        String defaultDe = p.defaultPage(last) ? " – die Startseite von nginx; legen Sie Ihre index.html ins Volume" : "";
        String defaultEn = p.defaultPage(last) ? ", nginx's start page; put your index.html into the volume" : "";
        throw fail(expected + NginxParams.describe(last, true) + defaultDe + ".", expectedEn + NginxParams.describe(last, false) + defaultEn + ".");
    }

    /** Running nginx containers publishing the container port; fails with what was seen instead when there are none. */
    static List<Seen> servers(CriterionContext ctx, NginxParams p) {
        NetFindings findings = NetFindings.of(ctx);
        List<Seen> servers = findings.servers(p.image(), p.containerPort());
        if (servers.isEmpty()) {
            throw fail("Erwartet: ein laufender nginx-Container, der Port " + p.containerPort() + " veröffentlicht (-p). Gefunden: keinen"
                            + NetOthers.seen(findings, p.image(), true) + ".",
                    "Expected a running nginx container publishing port " + p.containerPort() + " (-p) but found none"
                            + NetOthers.seen(findings, p.image(), false) + ".");
        }
        return servers;
    }

    static String networks(Seen s, boolean german) {
        List<String> names = new ArrayList<>();
        for (NetContainer.Attachment a : s.container().networks()) {
            Optional<NetNetwork> n = s.run().network(a);
            names.add("'" + a.name() + "'" + n.map(net -> net.defaultBridge() ? (german ? " (dem vorgegebenen Netzwerk)" : " (the default bridge network)")
                    : net.userDefinedBridge() ? "" : (german ? " (Treiber " : " (driver ") + net.driver() + ")").orElse(""));
        }
        return names.isEmpty() ? (german ? "Netzwerkmodus '" : "network mode '") + s.container().networkMode() + "'" : String.join(", ", names);
    }

    static String mountAt(Seen s, String path, boolean german) {
        for (NetContainer.Mount m : s.container().mounts()) {
            if (!RunView.samePath(m.destination(), path)) {
                continue;
            }
            if ("bind".equals(m.type())) {
                return german ? "ein Bind-Mount des Host-Ordners " + m.hostPath() + ", kein Volume"
                        : "a bind mount of the host folder " + m.hostPath() + ", not a volume";
            }
            if ("volume".equals(m.type())) {
                return german ? "das anonyme Volume " + Naming.shortVolume(m.name()) + " (-v " + path + " ohne Namen)"
                        : "the anonymous volume " + Naming.shortVolume(m.name()) + " (-v " + path + " without a name)";
            }
            return (german ? "ein " : "a ") + m.type() + (german ? "-Mount" : " mount");
        }
        List<String> elsewhere = s.container().mounts().stream()
                .map(m -> (m.name() != null ? Naming.shortVolume(m.name()) : m.type()) + " -> " + m.destination()).toList();
        return german ? "nichts an " + path + (elsewhere.isEmpty() ? "" : " (eingebunden: " + String.join(", ", elsewhere) + ")")
                : "nothing at " + path + (elsewhere.isEmpty() ? "" : " (mounted: " + String.join(", ", elsewhere) + ")");
    }

    static String ports(NetContainer c, String none) {
        String ports = c.ports().stream().map(p -> (p.hostPort() == null ? "?" : p.hostPort()) + "->" + p.containerPort() + "/" + p.protocol())
                .distinct().collect(Collectors.joining(", "));
        return ports.isEmpty() ? none : ports;
    }
}
