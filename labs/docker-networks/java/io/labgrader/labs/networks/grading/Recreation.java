package io.labgrader.labs.networks.grading;

import io.labgrader.labs.networks.evidence.NetPage;
import io.labgrader.labs.networks.grading.NetFindings.Seen;

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
        String expected = "Erwartet: dieselbe Seite (" + NginxParams.describe(first.page(), true) + ") aus dem Volume '" + first.volume()
                + "' von einem neuen Container, nachdem " + old + " entfernt wurde. Gefunden: ";
        String expectedEn = "Expected the same page (" + NginxParams.describe(first.page(), false) + ") from the volume '" + first.volume()
                + "' served by a new container after " + old + " was removed, but found ";
        Optional<Seen> later = lab.stream().filter(s -> s.run().at().isAfter(first.seen().run().at())
                && !s.container().id().equals(first.seen().container().id())).reduce((a, b) -> b);
        if (later.isEmpty()) {
            throw fail(expected + "keinen neuen nginx-Container auf Port " + p.hostPort() + " nach " + old
                            + " (nur derselbe Container; ein Neustart behält seine ID). Nach der Neuanlage \"labgrader check --lab docker-networks\" erneut aufrufen.",
                    expectedEn + "no new nginx container on port " + p.hostPort() + " after " + old
                            + " (only the same container; a restart keeps its id). Run \"labgrader check --lab docker-networks\" again after re-creating it.");
        }
        Seen next = later.get();
        String now = Naming.label(next.container());
        Optional<String> volume = next.run().namedVolumeAt(next.container(), p.htmlPath());
        if (volume.isEmpty()) {
            throw fail(expected + now + " mit " + WebGrader.mountAt(next, p.htmlPath(), true) + " statt des Volumes '" + first.volume() + "'.",
                    expectedEn + now + " with " + WebGrader.mountAt(next, p.htmlPath(), false) + " instead of the volume '" + first.volume() + "'.");
        }
        if (!volume.get().equals(first.volume())) {
            throw fail(expected + now + " mit dem Volume '" + volume.get() + "' statt '" + first.volume() + "'.",
                    expectedEn + now + " with the volume '" + volume.get() + "' instead of '" + first.volume() + "'.");
        }
        if (next.run().listed(first.seen().container().id())) {
            throw fail(expected + old + " war noch vorhanden, als " + now + " lief; entfernen Sie den alten Container (docker rm).",
                    expectedEn + old + " still there while " + now + " ran; remove the old container (docker rm).");
        }
        List<NetPage> pages = next.run().pagesOf(next.container(), p.hostPort());
        if (pages.isEmpty()) {
            throw fail(expected + now + ", dessen Seite labgrader nie gelesen hat; rufen Sie \"labgrader check --lab docker-networks\" auf, solange er läuft.",
                    expectedEn + now + ", whose page labgrader never read; run \"labgrader check --lab docker-networks\" while it runs.");
        }
        NetPage page = pages.get(pages.size() - 1);
        throw fail(expected + now + " mit einer anderen Seite: " + NginxParams.describe(page, true) + ".",
                expectedEn + now + " serving another page: " + NginxParams.describe(page, false) + ".");
    }

    private static boolean sameContainer(Served a, Served b) {
        return a.seen().container().id().equals(b.seen().container().id());
    }
}
