package io.labgrader.labs.networks.grading;

import io.labgrader.grading.Criterion;
import io.labgrader.grading.CriterionContext;
import io.labgrader.grading.GradingSuite;
import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.labs.networks.evidence.NetNetwork;
import io.labgrader.labs.networks.evidence.NetVolume;
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
            throw fail("Erwartet: ein eigenes Bridge-Netzwerk, an dem ein Container hängt. Gefunden: " + names
                            + ", aber nie mit einem Container daran (docker run --network NAME …).",
                    "Expected a user-defined bridge network with a container attached, but found " + names
                            + " with no container ever attached (docker run --network NAME …).");
        }
        Set<String> de = new LinkedHashSet<>();
        Set<String> en = new LinkedHashSet<>();
        findings.runs().forEach(r -> r.networks().forEach(n -> {
            de.add("'" + n.name() + "' (" + n.driver() + (n.defaultBridge() ? ", vorgegeben" : "") + ")");
            en.add("'" + n.name() + "' (" + n.driver() + (n.defaultBridge() ? ", default" : "") + ")");
        }));
        throw fail("Erwartet: ein eigenes Bridge-Netzwerk (docker network create NAME). Gefunden: nur " + String.join(", ", de) + ".",
                "Expected a user-defined bridge network (docker network create NAME) but found only " + String.join(", ", en) + ".");
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
            throw fail("Erwartet: ein benanntes Volume, das ein Container einbindet. Gefunden: " + names
                            + ", aber nie in einem Container eingebunden (-v NAME:/pfad).",
                    "Expected a named volume mounted by a container, but found " + names
                            + ", never mounted in a container (-v NAME:/path).");
        }
        List<String> de = new java.util.ArrayList<>();
        List<String> en = new java.util.ArrayList<>();
        if (!anonymous.isEmpty()) {
            de.add("anonyme Volumes " + String.join(", ", anonymous) + " (von -v /pfad ohne Namen)");
            en.add("anonymous volumes " + String.join(", ", anonymous) + " (from -v /path without a name)");
        }
        if (!binds.isEmpty()) {
            de.add("Bind-Mounts " + String.join(", ", binds) + " (Host-Ordner, kein Volume)");
            en.add("bind mounts " + String.join(", ", binds) + " (host folders, not volumes)");
        }
        throw fail("Erwartet: ein benanntes Volume (docker volume create NAME oder -v NAME:/pfad). Gefunden: "
                        + NetText.list(de, "kein Volume") + ".",
                "Expected a named volume (docker volume create NAME or -v NAME:/path) but found "
                        + NetText.list(en, "no volume") + ".");
    }
}
