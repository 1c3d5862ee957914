package io.labgrader.labs.networks.grading;

import io.labgrader.labs.networks.evidence.NetContainer;

import io.labgrader.rubric.LocalizedText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a message lists when the container it looked for was not there: the image's containers that were seen. */
final class NetOthers {

    private NetOthers() {
    }

    /** " (seen: 'web' (…) exited, …)", or "" when no container of the image was ever seen. */
    static LocalizedText seen(NetFindings findings, String image) {
        Map<String, NetContainer> last = new LinkedHashMap<>();
        findings.runs().forEach(r -> r.containers().stream().filter(c -> Naming.isImage(c.image(), image))
                .forEach(c -> last.put(c.id(), c)));
        if (last.isEmpty()) {
            return LocalizedText.same("");
        }
        List<LocalizedText> list = last.values().stream().limit(5)
                .map(c -> c.running() ? NetText.text("others.running", Naming.label(c), WebGrader.ports(c, NetText.text("others.nothing")))
                        : LocalizedText.join(List.of(LocalizedText.same(Naming.label(c)), Naming.status(c)), " "))
                .toList();
        return NetText.text("others.seen", NetText.join(list, ", "));
    }
}
