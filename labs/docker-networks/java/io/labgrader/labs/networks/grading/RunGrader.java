package io.labgrader.labs.networks.grading;

import io.labgrader.grading.Criterion;
import io.labgrader.grading.CriterionContext;
import io.labgrader.grading.GradingSuite;
import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.labs.networks.evidence.NetNetwork;
import io.labgrader.labs.networks.grading.NetFindings.Seen;
import io.labgrader.rubric.LocalizedText;
import org.junit.jupiter.api.DisplayName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.labgrader.labs.networks.grading.NetText.fail;

/**
 * Grades the section "run": a second container beside nginx on its network at the same time (both seen running in
 * one probe run), and the page surviving a new container ({@link Recreation}).
 */
@GradingSuite("run")
@DisplayName("run") // Surefire takes the XML testcase classname from an explicit class display name only
public class RunGrader {

    @Criterion("run.neighbour")
    void neighbour(CriterionContext ctx) {
        NginxParams p = NginxParams.of(ctx);
        List<Seen> servers = WebGrader.servers(ctx, p).stream().filter(s -> !s.run().userNetworks(s.container()).isEmpty()).toList();
        Map<String, NetContainer> onNetworkNotTogether = new LinkedHashMap<>();
        Map<String, Seen> runningElsewhere = new LinkedHashMap<>();
        for (Seen s : servers) {
            List<NetNetwork> networks = s.run().userNetworks(s.container());
            for (NetContainer other : s.run().containers()) {
                if (other.id().equals(s.container().id())) {
                    continue;
                }
                boolean sameNetwork = s.run().userNetworks(other).stream().anyMatch(n -> networks.stream().anyMatch(m -> m.id().equals(n.id())));
                if (sameNetwork && other.running()) {
                    return;
                }
                if (sameNetwork) {
                    onNetworkNotTogether.put(other.id(), other);
                } else if (other.running()) {
                    runningElsewhere.put(other.id(), new Seen(s.run(), other));
                }
            }
        }
        // a container on the network seen only in runs where no server ran also never ran beside it
        NetFindings.of(ctx).runs().forEach(r -> r.containers().forEach(c -> {
            boolean onServerNetwork = r.userNetworks(c).stream().anyMatch(n -> servers.stream()
                    .anyMatch(s -> s.run().userNetworks(s.container()).stream().anyMatch(m -> m.id().equals(n.id()))));
            if (onServerNetwork && servers.stream().noneMatch(s -> s.container().id().equals(c.id()))) {
                onNetworkNotTogether.putIfAbsent(c.id(), c);
            }
        }));
        String server = NetFindings.lastOfEach(servers).stream().map(s -> Naming.label(s.container())).collect(Collectors.joining(", "));
        String network = servers.stream().flatMap(s -> s.run().userNetworks(s.container()).stream()).map(n -> "'" + n.name() + "'")
                .distinct().collect(Collectors.joining(", "));
        LocalizedText expected = NetText.text("run.neighbour.expected", network, server);
        if (!onNetworkNotTogether.isEmpty()) {
            List<NetContainer> others = new ArrayList<>(onNetworkNotTogether.values());
            throw fail("run.neighbour.notTogether", expected, NetText.join(others.stream()
                    .map(c -> NetText.text("run.neighbour.withStatus", Naming.label(c), Naming.status(c))).toList(), ", "));
        }
        if (!runningElsewhere.isEmpty()) {
            throw fail("run.neighbour.elsewhere", expected, WebGrader.onNetworks(new ArrayList<>(runningElsewhere.values())), network);
        }
        throw fail("run.neighbour.alone", expected, server);
    }

    @Criterion("run.survives")
    void survives(CriterionContext ctx) {
        NginxParams p = NginxParams.of(ctx);
        new Recreation(p, WebGrader.servers(ctx, p)).judge();
    }
}
