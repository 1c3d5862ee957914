package io.labgrader.lab;

import io.labgrader.evidence.docker.ContainerObserved;
import io.labgrader.evidence.docker.ContainerStory;
import io.labgrader.evidence.docker.ContainersListed;
import io.labgrader.evidence.docker.DockerTimeline;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.docker.EngineUnreachable;
import io.labgrader.evidence.docker.ImageRef;
import io.labgrader.evidence.http.HttpProbed;
import io.labgrader.grading.Criterion;
import io.labgrader.grading.CriterionContext;
import io.labgrader.grading.CriterionFailed;
import io.labgrader.grading.GradingSuite;
import io.labgrader.grading.NotGradableException;
import io.labgrader.rubric.LocalizedText;
import org.junit.jupiter.api.DisplayName;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Grades the Docker section: hello-world, then nginx started, published, answering, stopped and removed. */
@GradingSuite("docker")
@DisplayName("docker") // Surefire takes the XML testcase classname from an explicit class display name only
class DockerGrader {

    @Criterion("docker.engine")
    void engine(CriterionContext ctx) {
        BelievedEvidence.judge(ctx, findings -> engine(ctx, findings));
    }

    private static void engine(CriterionContext ctx, DockerFindings findings) {
        DockerTimeline timeline = findings.timeline();
        if (!timeline.engines().isEmpty()) {
            return;
        }
        List<EngineUnreachable> unreachable = timeline.unreachable();
        if (unreachable.isEmpty()) {
            throw new NotGradableException(LocalizedText.of(
                    "Die Nachweise enthalten keine Beobachtung der Docker Engine. Führen Sie \"labgrader check\" aus.",
                    "The evidence holds no observation of the Docker Engine. Run \"labgrader check\"."));
        }
        throw new NotGradableException(EngineAdvice.explain(unreachable.get(unreachable.size() - 1)));
    }

    @Criterion("docker.hello-world")
    void helloWorld(CriterionContext ctx) {
        BelievedEvidence.judge(ctx, findings -> helloWorld(ctx, findings));
    }

    private static void helloWorld(CriterionContext ctx, DockerFindings findings) {
        String image = ctx.params().string("image");
        List<ContainerStory> candidates = findings.ofImage(image);
        for (ContainerStory c : candidates) {
            if (exitedWithZero(c)) {
                return;
            }
        }
        if (candidates.isEmpty()) {
            throw fail("Erwartet: ein Container des Images " + image + ", der mit Code 0 endete. Gefunden: kein Container dieses Images"
                            + others(findings, "de") + ".",
                    "Expected a container of image " + image + " that exited with code 0, but found no container of that image"
                            + others(findings, "en") + ".");
        }
        ContainerStory last = candidates.get(candidates.size() - 1);
        String state = describeState(last);
        throw fail("Erwartet: ein Container des Images " + image + ", der mit Code 0 endete. Gefunden: " + DockerFindings.label(last) + ", " + state + ".",
                "Expected a container of image " + image + " that exited with code 0, but found " + DockerFindings.label(last) + ", " + state + ".");
    }

    @Criterion("docker.nginx-detached")
    void nginxDetached(CriterionContext ctx) {
        BelievedEvidence.judge(ctx, findings -> nginxDetached(ctx, findings));
    }

    private static void nginxDetached(CriterionContext ctx, DockerFindings findings) {
        String image = ctx.params().string("image");
        List<ContainerStory> candidates = findings.ofImage(image);
        if (candidates.stream().anyMatch(c -> c.everStarted() && DockerFindings.startedDetached(c))) {
            return;
        }
        if (candidates.isEmpty()) {
            throw fail("Erwartet: ein im Hintergrund (-d) gestarteter Container des Images " + image + ". Gefunden: kein Container dieses Images"
                            + others(findings, "de") + ".",
                    "Expected a container of image " + image + " started detached (-d), but found no container of that image"
                            + others(findings, "en") + ".");
        }
        Optional<ContainerStory> neverStarted = candidates.stream().filter(c -> !c.everStarted()).reduce((a, b) -> b);
        if (candidates.stream().noneMatch(ContainerStory::everStarted) && neverStarted.isPresent()) {
            String error = neverStarted.get().latestInspection().map(ContainerObserved::error).filter(e -> e != null && !e.isBlank())
                    .map(e -> " Docker meldete: " + e).orElse("");
            String errorEn = neverStarted.get().latestInspection().map(ContainerObserved::error).filter(e -> e != null && !e.isBlank())
                    .map(e -> " Docker said: " + e).orElse("");
            throw fail("Erwartet: ein gestarteter Container des Images " + image + ". Gefunden: " + DockerFindings.label(neverStarted.get())
                            + ", erstellt, aber nie gestartet." + error,
                    "Expected a started container of image " + image + ", but found " + DockerFindings.label(neverStarted.get())
                            + ", created but never started." + errorEn);
        }
        List<ContainerStory> foreground = candidates.stream().filter(ContainerStory::everStarted).toList();
        throw fail("Erwartet: ein im Hintergrund (-d) gestarteter Container des Images " + image + ". Gefunden: "
                        + DockerFindings.labels(foreground) + ", im Vordergrund gestartet (ohne -d).",
                "Expected a container of image " + image + " started detached (-d), but found "
                        + DockerFindings.labels(foreground) + ", started in the foreground (without -d).");
    }

    @Criterion("docker.nginx-port")
    void nginxPort(CriterionContext ctx) {
        BelievedEvidence.judge(ctx, findings -> nginxPort(ctx, findings));
    }

    private static void nginxPort(CriterionContext ctx, DockerFindings findings) {
        int hostPort = ctx.params().integer("hostPort");
        int containerPort = ctx.params().integer("containerPort");
        List<ContainerStory> detached = detached(ctx, findings);
        if (detached.stream().anyMatch(c -> DockerFindings.publishes(c, containerPort, hostPort))) {
            return;
        }
        ContainerStory last = detached.get(detached.size() - 1);
        String ports = DockerFindings.describePorts(last);
        String expected = hostPort + "->" + containerPort + "/tcp";
        if (last.inspections().isEmpty()) {
            throw fail("Erwartet: Container-Port " + containerPort + " auf Host-Port " + hostPort + " veröffentlicht. Die Port-Einstellungen von "
                            + DockerFindings.label(last) + " wurden nie gesehen: führen Sie \"labgrader check\" aus, solange der Container existiert.",
                    "Expected container port " + containerPort + " published on host port " + hostPort + ", but the port settings of "
                            + DockerFindings.label(last) + " were never seen: run \"labgrader check\" while the container exists.");
        }
        if (DockerFindings.onlyRequested(last, containerPort, hostPort)) {
            String published = last.inspections().stream().filter(ContainerObserved::running).reduce((a, b) -> b)
                    .map(i -> DockerFindings.describePorts(i.publishedPorts())).orElse("");
            throw fail("Erwartet: " + expected + " veröffentlicht. Gefunden bei " + DockerFindings.label(last) + ": mit -p angefordert, aber nicht veröffentlicht,"
                            + " solange er lief (veröffentlicht: " + (published.isEmpty() ? "nichts" : published) + "; z. B. wegen --network host).",
                    "Expected " + expected + " published, but " + DockerFindings.label(last) + " only requested it with -p and did not publish it"
                            + " while it ran (published: " + (published.isEmpty() ? "nothing" : published) + "; e.g. because of --network host).");
        }
        String foundDe = ports.isEmpty() ? "keine veröffentlichten Ports (-p fehlt)" : ports;
        String foundEn = ports.isEmpty() ? "no published ports (-p missing)" : ports;
        throw fail("Erwartet: " + expected + " (-p " + hostPort + ":" + containerPort + "). Gefunden bei " + DockerFindings.label(last) + ": " + foundDe + ".",
                "Expected " + expected + " (-p " + hostPort + ":" + containerPort + ") but found " + foundEn + " on " + DockerFindings.label(last) + ".");
    }

    @Criterion("docker.nginx-answers")
    void nginxAnswers(CriterionContext ctx) {
        BelievedEvidence.judge(ctx, findings -> nginxAnswers(ctx, findings));
    }

    private static void nginxAnswers(CriterionContext ctx, DockerFindings findings) {
        int hostPort = ctx.params().integer("hostPort");
        int containerPort = ctx.params().integer("containerPort");
        String expectedTitle = ctx.params().string("expectedTitle");
        List<ContainerStory> lab = detached(ctx, findings).stream()
                .filter(c -> DockerFindings.publishes(c, containerPort, hostPort)).toList();
        List<HttpProbed> answers = lab.stream().flatMap(c -> c.answers().stream())
                .filter(a -> a.hostPort() == hostPort)
                .sorted(Comparator.comparing(HttpProbed::at)).toList();
        java.util.function.Predicate<HttpProbed> right = a -> Integer.valueOf(200).equals(a.status()) && expectedTitle.equals(trim(a.title()));
        if (lab.stream().anyMatch(c -> c.answers().stream().anyMatch(a -> a.hostPort() == hostPort && right.test(a)
                && findings.answeredWhileServing(c, a)))) {
            return;
        }
        String expected = "HTTP 200 mit Titel \"" + expectedTitle + "\" auf Port " + hostPort;
        String expectedEn = "HTTP 200 with title \"" + expectedTitle + "\" on port " + hostPort;
        Optional<HttpProbed> untimely = answers.stream().filter(right).findFirst();
        if (untimely.isPresent()) {
            String at = untimely.get().at().toString();
            throw fail("Erwartet: " + expected + ", während der Container lief und den Port veröffentlichte. Gefunden: die Antwort von " + at
                            + " fällt in keine Zeit, in der er nach den Aufzeichnungen der Engine (Inspektionen, Ereignisse) lief und Port " + hostPort + " veröffentlichte.",
                    "Expected " + expectedEn + " while the container ran and published the port, but the answer of " + at
                            + " falls in no time when, by the engine's own record (inspections, events), it ran and published port " + hostPort + ".");
        }
        if (answers.isEmpty()) {
            throw fail("Erwartet: " + expected + ", während der Container lief. Gefunden: labgrader hat den Container nie laufend gesehen"
                            + " (\"labgrader watch\" lief nicht, und \"labgrader check\" wurde nicht aufgerufen, solange er lief).",
                    "Expected " + expectedEn + " while the container ran, but labgrader never saw it running"
                            + " (\"labgrader watch\" was not running, and \"labgrader check\" was not run while it ran).");
        }
        HttpProbed best = answers.stream().filter(a -> a.status() != null).reduce((a, b) -> b).orElse(answers.get(answers.size() - 1));
        if (best.status() == null) {
            throw fail("Erwartet: " + expected + ". Gefunden: keine Antwort von " + best.url() + " (" + best.error() + ").",
                    "Expected " + expectedEn + " but found no answer from " + best.url() + " (" + best.error() + ").");
        }
        String server = best.server() == null || best.server().isBlank() ? "" : ", Server: " + best.server();
        String title = best.title() == null || best.title().isBlank() ? "(kein Titel)" : "\"" + trim(best.title()) + "\"";
        String titleEn = best.title() == null || best.title().isBlank() ? "(no title)" : "\"" + trim(best.title()) + "\"";
        throw fail("Erwartet: " + expected + ". Gefunden: HTTP " + best.status() + " mit Titel " + title + server + " von " + best.url() + ".",
                "Expected " + expectedEn + " but found HTTP " + best.status() + " with title " + titleEn + server + " from " + best.url() + ".");
    }

    @Criterion("docker.nginx-stopped")
    void nginxStopped(CriterionContext ctx) {
        BelievedEvidence.judge(ctx, findings -> nginxStopped(ctx, findings));
    }

    private static void nginxStopped(CriterionContext ctx, DockerFindings findings) {
        List<StopVerdict> verdicts = detached(ctx, findings).stream().map(c -> StopVerdict.of(c, findings.timeline())).toList();
        if (verdicts.stream().anyMatch(StopVerdict::graceful)) {
            return;
        }
        Optional<StopVerdict> unknown = verdicts.stream().filter(v -> v.kind() == StopVerdict.Kind.UNKNOWN).findFirst();
        if (unknown.isPresent()) {
            String c = DockerFindings.label(unknown.get().container());
            throw new NotGradableException(LocalizedText.of(
                    "Wie der Container " + c + " beendet wurde, ist nicht belegt: die Docker-Ereignisse dazu fehlen"
                            + " (Docker wurde neu gestartet, oder mehr als 256 Ereignisse seit dem letzten \"labgrader check\")."
                            + " Wiederholen Sie Schritt 2 und 3, während \"labgrader watch\" läuft.",
                    "How container " + c + " ended is not on record: the Docker events that would show it are missing"
                            + " (Docker was restarted, or more than 256 events happened since the last \"labgrader check\")."
                            + " Repeat steps 2 and 3 while \"labgrader watch\" runs."));
        }
        StopVerdict last = verdicts.get(verdicts.size() - 1);
        String c = DockerFindings.label(last.container());
        switch (last.kind()) {
            case KILLED -> throw fail(
                    "Erwartet: ein geordnetes Stoppen mit \"docker stop\". Gefunden: " + c + " wurde mit SIGKILL getötet (" + last.detail() + "), ohne Stop-Ereignis.",
                    "Expected a graceful stop with \"docker stop\", but " + c + " was killed with SIGKILL (" + last.detail() + "), without a stop event.");
            case RUNNING -> throw fail(
                    "Erwartet: " + c + " gestoppt. Gefunden: er lief noch, als labgrader ihn zuletzt sah.",
                    "Expected " + c + " to be stopped, but it was still running when labgrader last saw it.");
            default -> throw fail(
                    "Erwartet: ein geordnetes Stoppen mit \"docker stop\". Gefunden: " + c + " endete ohne docker stop (" + last.detail() + ").",
                    "Expected a graceful stop with \"docker stop\", but " + c + " ended without docker stop (" + last.detail() + ").");
        }
    }

    @Criterion("docker.nginx-removed")
    void nginxRemoved(CriterionContext ctx) {
        BelievedEvidence.judge(ctx, findings -> nginxRemoved(ctx, findings));
    }

    private static void nginxRemoved(CriterionContext ctx, DockerFindings findings) {
        String image = ctx.params().string("image");
        DockerTimeline timeline = findings.timeline();
        List<ContainerStory> detached = detached(ctx, findings);
        Optional<ContainersListed> now = timeline.latestListing();
        if (now.isEmpty()) {
            throw new NotGradableException(LocalizedText.of(
                    "Die Nachweise enthalten keine Liste der Container. Führen Sie \"labgrader check\" aus.",
                    "The evidence holds no list of containers. Run \"labgrader check\"."));
        }
        ImageRef ref = ImageRef.parse(image);
        List<String> knownIds = findings.ofImage(image).stream().map(ContainerStory::id).toList();
        List<ContainersListed.Listed> remaining = now.get().containers().stream()
                .filter(l -> ref.sameAs(l.image()) || knownIds.contains(l.id())).toList();
        boolean removed = detached.stream().anyMatch(c -> c.hasEvent("destroy") || timeline.absentAfterSeen(c));
        if (removed && remaining.isEmpty()) {
            return;
        }
        if (!remaining.isEmpty()) {
            String list = remaining.stream().map(l -> "'" + l.name() + "' (" + l.state() + ")").reduce((a, b) -> a + ", " + b).orElse("");
            throw fail("Erwartet: kein Container des Images " + image + " mehr vorhanden. Gefunden: " + list + ".",
                    "Expected no container of image " + image + " left, but found " + list + ".");
        }
        ContainerStory last = detached.get(detached.size() - 1);
        throw fail("Erwartet: " + DockerFindings.label(last) + " entfernt (docker rm). Gefunden: labgrader hat ihn nie verschwinden sehen;"
                        + " führen Sie \"labgrader check\" nach dem Entfernen erneut aus.",
                "Expected " + DockerFindings.label(last) + " to be removed (docker rm), but labgrader never saw it disappear;"
                        + " run \"labgrader check\" again after removing it.");
    }

    private static List<ContainerStory> detached(CriterionContext ctx, DockerFindings findings) {
        String image = ctx.params().string("image");
        List<ContainerStory> detached = findings.ofImage(image).stream()
                .filter(c -> c.everStarted() && DockerFindings.startedDetached(c)).toList();
        if (detached.isEmpty()) {
            // requires docker.nginx-detached makes this unreachable, unless the rubric was edited
            throw fail("Erwartet: ein im Hintergrund gestarteter Container des Images " + image + ". Gefunden: keiner.",
                    "Expected a container of image " + image + " started detached, but found none.");
        }
        return detached;
    }

    private static boolean exitedWithZero(ContainerStory c) {
        if (c.events("die").stream().anyMatch(e -> Integer.valueOf(0).equals(e.exitCode()))) {
            return true;
        }
        return c.inspections().stream().anyMatch(i -> i.everStarted() && !i.running() && Integer.valueOf(0).equals(i.exitCode()));
    }

    private static String describeState(ContainerStory c) {
        Optional<ContainerObserved> last = c.latestInspection();
        if (last.isPresent() && last.get().running()) {
            return "running";
        }
        Optional<Integer> exit = c.events("die").stream().map(e -> e.exitCode()).filter(Objects::nonNull).reduce((a, b) -> b)
                .or(() -> last.map(ContainerObserved::exitCode));
        if (!c.everStarted()) {
            return "never started";
        }
        return exit.map(e -> "exit code " + e).orElse("exit code unknown");
    }

    private static String others(DockerFindings findings, String lang) {
        List<String> images = findings.timeline().containers().stream().map(ContainerStory::image)
                .filter(i -> i != null && !i.isBlank()).distinct().sorted().limit(5).toList();
        if (images.isEmpty()) {
            return "";
        }
        return (lang.equals("de") ? " (andere Images: " : " (other images: ") + String.join(", ", images) + ")";
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static CriterionFailed fail(String de, String en) {
        return new CriterionFailed(LocalizedText.of(de, en));
    }
}
