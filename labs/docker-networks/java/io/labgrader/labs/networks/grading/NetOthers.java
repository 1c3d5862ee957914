package io.labgrader.labs.networks.grading;

import io.labgrader.labs.networks.evidence.NetContainer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What a message lists when the container it looked for was not there: the image's containers that were seen. */
final class NetOthers {

    private NetOthers() {
    }

    /** " (seen: 'web' (…) exited, …)", or "" when no container of the image was ever seen. */
    static String seen(NetFindings findings, String image, boolean german) {
        Map<String, NetContainer> last = new LinkedHashMap<>();
        findings.runs().forEach(r -> r.containers().stream().filter(c -> Naming.isImage(c.image(), image))
                .forEach(c -> last.put(c.id(), c)));
        if (last.isEmpty()) {
            return "";
        }
        String list = last.values().stream().limit(5)
                .map(c -> Naming.label(c) + " " + (c.running() ? (german ? "läuft, veröffentlicht: " : "running, published: ")
                        + WebGrader.ports(c, german ? "nichts" : "nothing") : Naming.status(c, german)))
                .collect(Collectors.joining(", "));
        return (german ? " (gesehen: " : " (seen: ") + list + ")";
    }
}
