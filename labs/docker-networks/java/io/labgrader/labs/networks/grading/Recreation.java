package io.labgrader.labs.networks.grading;

import io.labgrader.labs.networks.evidence.NetPage;
import io.labgrader.labs.networks.grading.NetFindings.Seen;
import io.labgrader.rubric.LocalizedText;

import java.util.List;
import java.util.Optional;

import static io.labgrader.labs.networks.grading.NetText.fail;

/**
 * Judges "the page survives the removal and re-creation of the nginx container": a first container served the
 * student's page on the lab port from a named volume; in a later probe run, that container was gone from the engine's
 * list, and a new container (another id) with the same volume at the web folder served the very same page (same
 * SHA-256). A restarted container keeps its id and proves nothing about the volume, so it does not count.
 */
final class Recreation {

    private final NginxParams p;
    private final List<Seen> lab;

    Recreation(NginxParams p, List<Seen> servers) {
        this.p = p;
        this.lab = servers.stream().filter(s -> p.publishesLabPort(s.container())).toList();
    }

    /** A container serving the student's own page from a named volume, as one run saw it. */
    private record Served(Seen seen, String volume, NetPage page) {
    }

    void judge() {
        List<Served> served = lab.stream().flatMap(s -> s.run().namedVolumeAt(s.container(), p.htmlPath()).stream()
                .flatMap(v -> s.run().pagesOf(s.container(), p.hostPort()).stream().filter(p::ownPage).map(pg -> new Served(s, v, pg)))).toList();
        for (Served first : served) {
            for (Served then : served) {
                if (then.seen().run().at().isAfter(first.seen().run().at()) && !sameContainer(first, then)
                        && first.volume().equals(then.volume()) && first.page().sha256().equals(then.page().sha256())
                        && !then.seen().run().listed(first.seen().container().id())) {
                    return;
                }
            }
        }
        Served first = served.get(0); // web.own-page passed, so at least one container served the page
        String old = Naming.label(first.seen().container());
        LocalizedText expected = NetText.text("run.survives.expected", NginxParams.describe(first.page()), first.volume(), old);
        Optional<Seen> later = lab.stream().filter(s -> s.run().at().isAfter(first.seen().run().at())
                && !s.container().id().equals(first.seen().container().id())).reduce((a, b) -> b);
        if (later.isEmpty()) {
            throw fail("run.survives.noNew", expected, p.hostPort(), old);
        }
        Seen next = later.get();
        String now = Naming.label(next.container());
        Optional<String> volume = next.run().namedVolumeAt(next.container(), p.htmlPath());
        if (volume.isEmpty()) {
            throw fail("run.survives.notVolume", expected, now, WebGrader.mountAt(next, p.htmlPath()), first.volume());
        }
        if (!volume.get().equals(first.volume())) {
            throw fail("run.survives.otherVolume", expected, now, volume.get(), first.volume());
        }
        if (next.run().listed(first.seen().container().id())) {
            throw fail("run.survives.oldStill", expected, old, now);
        }
        List<NetPage> pages = next.run().pagesOf(next.container(), p.hostPort());
        if (pages.isEmpty()) {
            throw fail("run.survives.neverRead", expected, now);
        }
        NetPage page = pages.get(pages.size() - 1);
        throw fail("run.survives.otherPage", expected, now, NginxParams.describe(page));
    }

    private static boolean sameContainer(Served a, Served b) {
        return a.seen().container().id().equals(b.seen().container().id());
    }
}
