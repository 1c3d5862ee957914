package io.labgrader.labs.networks.grading;

import io.labgrader.grading.Criterion;
import io.labgrader.grading.CriterionContext;
import io.labgrader.grading.GradingSuite;
import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.labs.networks.evidence.NetNetwork;
import io.labgrader.labs.networks.evidence.NetVolume;
import io.labgrader.rubric.LocalizedText;
import org.junit.jupiter.api.DisplayName;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.labgrader.labs.networks.grading.NetText.fail;

/**
 * Grades the section "net": the engine was read, and the student made a network and a volume of their own and used
 * them. "Used" because a network or volume left from another course would otherwise pass without the student's work.
 */
@GradingSuite("net")
@DisplayName("net") // Surefire takes the XML testcase classname from an explicit class display name only
public class NetGrader {

    @Criterion("net.engine")
    void engine(CriterionContext ctx) {
        NetFindings.of(ctx).requireEngine();
    }

    @Criterion("net.network")
    void network(CriterionContext ctx) {
        NetFindings findings = NetFindings.of(ctx);
        findings.requireEngine();
        Set<String> userNetworks = new LinkedHashSet<>();
        for (RunView run : findings.runs()) {
            run.networks().stream().filter(NetNetwork::userDefinedBridge).forEach(n -> userNetworks.add("'" + n.name() + "'"));
            for (NetContainer c : run.containers()) {
                if (!run.userNetworks(c).isEmpty()) {
                    return;
                }
            }
        }
        if (!userNetworks.isEmpty()) {
            String names = String.join(", ", userNetworks);
            throw fail("net.network.unattached", names);
        }
        Set<LocalizedText> seen = new LinkedHashSet<>();
        findings.runs().forEach(r -> r.networks().forEach(n -> seen.add(n.defaultBridge()
                ? NetText.text("net.network.default", n.name(), n.driver()) : LocalizedText.same("'" + n.name() + "' (" + n.driver() + ")"))));
        throw fail("net.network.none", NetText.join(seen, ", "));
    }

    @Criterion("net.volume")
    void volume(CriterionContext ctx) {
        NetFindings findings = NetFindings.of(ctx);
        findings.requireEngine();
        Set<String> named = new LinkedHashSet<>();
        Set<String> anonymous = new LinkedHashSet<>();
        Set<String> binds = new LinkedHashSet<>();
        for (RunView run : findings.runs()) {
            run.volumes().stream().filter(v -> !v.anonymous()).forEach(v -> named.add("'" + v.name() + "'"));
            run.volumes().stream().filter(NetVolume::anonymous).forEach(v -> anonymous.add(Naming.shortVolume(v.name())));
            for (NetContainer c : run.containers()) {
                for (NetContainer.Mount m : c.mounts()) {
                    if ("volume".equals(m.type()) && m.name() != null
                            && run.volume(m.name()).map(v -> !v.anonymous()).orElse(!Naming.looksAnonymous(m.name()))) {
                        return;
                    }
                    if ("bind".equals(m.type())) {
                        binds.add(m.hostPath() + ":" + m.destination());
                    }
                }
            }
        }
        if (!named.isEmpty()) {
            String names = String.join(", ", named);
            throw fail("net.volume.unmounted", names);
        }
        List<LocalizedText> found = new java.util.ArrayList<>();
        if (!anonymous.isEmpty()) {
            found.add(NetText.text("net.volume.anonymous", String.join(", ", anonymous)));
        }
        if (!binds.isEmpty()) {
            found.add(NetText.text("net.volume.binds", String.join(", ", binds)));
        }
        throw fail("net.volume.none", found.isEmpty() ? NetText.text("net.volume.noVolume") : NetText.join(found, ", "));
    }
}
