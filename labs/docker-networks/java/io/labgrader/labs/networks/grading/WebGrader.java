package io.labgrader.labs.networks.grading;

import io.labgrader.grading.Criterion;
import io.labgrader.grading.CriterionContext;
import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.labs.networks.evidence.NetNetwork;
import io.labgrader.labs.networks.evidence.NetPage;
import io.labgrader.labs.networks.grading.NetFindings.Seen;
import io.labgrader.grading.GradingSuite;
import io.labgrader.rubric.LocalizedText;
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
        throw fail("web.nginxNetwork", p.containerPort(), onNetworks(last));
    }

    @Criterion("web.nginx-volume")
    void nginxVolume(CriterionContext ctx) {
        NginxParams p = NginxParams.of(ctx);
        List<Seen> servers = servers(ctx, p);
        if (servers.stream().anyMatch(s -> s.run().namedVolumeAt(s.container(), p.htmlPath()).isPresent())) {
            return;
        }
        List<Seen> last = NetFindings.lastOfEach(servers);
        throw fail("web.nginxVolume", p.htmlPath(), NetText.join(last.stream()
                .map(s -> NetText.text("labelled", Naming.label(s.container()), mountAt(s, p.htmlPath()))).toList(), "; "));
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
            throw fail("web.nginxPort.noneRunning", expected, NetOthers.seen(findings, p.image()));
        }
        // the containers that publish the container port elsewhere say most; nginx containers without ports, less
        List<Seen> servers = findings.servers(p.image(), p.containerPort());
        List<Seen> last = NetFindings.lastOfEach(servers.isEmpty() ? running : servers);
        throw fail("web.nginxPort", expected, NetText.join(last.stream().map(s -> NetText.text("labelled", Naming.label(s.container()),
                ports(s.container(), NetText.text("web.nginxPort.noPorts")))).toList(), "; "));
    }

    @Criterion("web.own-page")
    void ownPage(CriterionContext ctx) {
        NginxParams p = NginxParams.of(ctx);
        List<Seen> lab = servers(ctx, p).stream().filter(s -> p.publishesLabPort(s.container())).toList();
        List<Seen> withVolume = lab.stream().filter(s -> s.run().namedVolumeAt(s.container(), p.htmlPath()).isPresent()).toList();
        if (withVolume.stream().anyMatch(s -> s.run().pagesOf(s.container(), p.hostPort()).stream().anyMatch(p::ownPage))) {
            return;
        }
        LocalizedText expected = NetText.text("web.ownPage.expected", p.defaultTitle(), p.hostPort(), p.htmlPath());
        Optional<Seen> ownWithoutVolume = lab.stream().filter(s -> s.run().namedVolumeAt(s.container(), p.htmlPath()).isEmpty()
                && s.run().pagesOf(s.container(), p.hostPort()).stream().anyMatch(p::ownPage)).reduce((a, b) -> b);
        if (withVolume.isEmpty() && ownWithoutVolume.isPresent()) {
            Seen s = ownWithoutVolume.get();
            throw fail("web.ownPage.noVolume", expected, Naming.label(s.container()), p.htmlPath(), mountAt(s, p.htmlPath()));
        }
        List<NetPage> pages = (withVolume.isEmpty() ? lab : withVolume).stream()
                .flatMap(s -> s.run().pagesOf(s.container(), p.hostPort()).stream()).toList();
        if (pages.isEmpty()) {
            throw fail("web.ownPage.neverRead", expected);
        }
        NetPage last = pages.get(pages.size() - 1);
        throw fail("web.ownPage.other", expected, NginxParams.describe(last),
                p.defaultPage(last) ? NetText.text("web.ownPage.startPage") : LocalizedText.same(""));
    }

    /** Running nginx containers publishing the container port; fails with what was seen instead when there are none. */
    static List<Seen> servers(CriterionContext ctx, NginxParams p) {
        NetFindings findings = NetFindings.of(ctx);
        List<Seen> servers = findings.servers(p.image(), p.containerPort());
        if (servers.isEmpty()) {
            throw fail("web.servers.none", p.containerPort(), NetOthers.seen(findings, p.image()));
        }
        return servers;
    }

    /** "'web' (…) on 'labnet'; …": each container with its networks. */
    static LocalizedText onNetworks(List<Seen> seen) {
        return NetText.join(seen.stream().map(s -> NetText.text("onNetwork", Naming.label(s.container()), networks(s))).toList(), "; ");
    }

    static LocalizedText networks(Seen s) {
        List<LocalizedText> names = new ArrayList<>();
        for (NetContainer.Attachment a : s.container().networks()) {
            Optional<NetNetwork> n = s.run().network(a);
            names.add(n.map(net -> net.defaultBridge() ? NetText.text("networks.defaultBridge", a.name())
                    : net.userDefinedBridge() ? null : NetText.text("networks.driver", a.name(), net.driver()))
                    .orElse(LocalizedText.same("'" + a.name() + "'")));
        }
        return names.isEmpty() ? NetText.text("networks.mode", s.container().networkMode()) : NetText.join(names, ", ");
    }

    static LocalizedText mountAt(Seen s, String path) {
        for (NetContainer.Mount m : s.container().mounts()) {
            if (!RunView.samePath(m.destination(), path)) {
                continue;
            }
            if ("bind".equals(m.type())) {
                return NetText.text("mount.bind", m.hostPath());
            }
            if ("volume".equals(m.type())) {
                return NetText.text("mount.anonymous", Naming.shortVolume(m.name()), path);
            }
            return NetText.text("mount.other", m.type());
        }
        List<String> elsewhere = s.container().mounts().stream()
                .map(m -> (m.name() != null ? Naming.shortVolume(m.name()) : m.type()) + " -> " + m.destination()).toList();
        return elsewhere.isEmpty() ? NetText.text("mount.nothing", path) : NetText.text("mount.nothingMounted", path, String.join(", ", elsewhere));
    }

    static LocalizedText ports(NetContainer c, LocalizedText none) {
        String ports = c.ports().stream().map(p -> (p.hostPort() == null ? "?" : p.hostPort()) + "->" + p.containerPort() + "/" + p.protocol())
                .distinct().collect(Collectors.joining(", "));
        return ports.isEmpty() ? none : LocalizedText.same(ports);
    }
}
