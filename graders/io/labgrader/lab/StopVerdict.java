package io.labgrader.lab;

import io.labgrader.evidence.docker.ContainerEventObserved;
import io.labgrader.evidence.docker.ContainerObserved;
import io.labgrader.evidence.docker.ContainerStory;
import io.labgrader.evidence.docker.DockerTimeline;
import io.labgrader.rubric.LocalizedText;

import java.util.List;
import java.util.Optional;

/** How a container's last run ended, as far as the evidence can tell. */
record StopVerdict(Kind kind, ContainerStory container, LocalizedText detail) {

    enum Kind {
        /** a stop event: docker stop was used */
        STOPPED,
        /** killed (SIGKILL, exit 137): docker rm -f or docker kill */
        KILLED,
        /** ended otherwise, e.g. crashed with another exit code */
        ENDED_OTHERWISE,
        /** still running when last seen */
        RUNNING,
        /** it ended or vanished, and the events that would say how are gone (engine restarted, history overflowed) */
        UNKNOWN
    }

    boolean graceful() {
        return kind == Kind.STOPPED;
    }

    static StopVerdict of(ContainerStory c, DockerTimeline timeline) {
        List<ContainerEventObserved> after = DockerFindings.eventsAfterLastStart(c);
        String cli = timeline.podman() ? "podman" : "docker";
        // a restart also emits stop, then start again: only events after the last start say how the last run ended
        if (after.stream().anyMatch(e -> e.kind().equals("stop"))) {
            return new StopVerdict(Kind.STOPPED, c, LocalizedText.same(""));
        }
        Optional<ContainerEventObserved> die = after.stream().filter(e -> e.kind().equals("die")).findFirst();
        boolean destroyed = after.stream().anyMatch(e -> e.kind().equals("destroy"));
        boolean killEvent = after.stream().anyMatch(e -> e.kind().equals("kill"));
        if (die.isPresent()) {
            boolean sigkill = after.stream().anyMatch(e -> e.kind().equals("kill") && isSigkill(e.signal()))
                    || Integer.valueOf(137).equals(die.get().exitCode());
            if (sigkill) {
                // docker rm -f sends SIGKILL itself (with a kill event); podman rm -f sends the stop signal first and
                // kills only after its timeout, without a kill event: there a kill event means podman kill
                boolean byRemoval = destroyed && !(timeline.podman() && killEvent);
                return new StopVerdict(Kind.KILLED, c, LocalizedText.same(cli + (byRemoval ? " rm -f" : " kill")));
            }
            if (timeline.podman() && !killEvent && Integer.valueOf(0).equals(die.get().exitCode())) {
                // Podman emits its stop event only when it wins a race with the container's own clean-up, which a
                // server that exits at once on its stop signal usually wins (containers/podman libpod/container_internal.go
                // stop: "state changed ... discontinuing stop procedure", before newContainerEvent(events.Stop)).
                // Exit 0 with no kill is what "podman stop" leaves; "podman rm -f" also sends the stop signal and
                // waits first (podman-rm --time), so it is a graceful stop as well.
                return new StopVerdict(Kind.STOPPED, c, LocalizedText.same(""));
            }
            return new StopVerdict(Kind.ENDED_OTHERWISE, c, LabText.text("docker.state.exitCode", die.get().exitCode()));
        }
        Optional<ContainerObserved> last = c.latestInspection();
        if (last.isPresent() && !last.get().running() && last.get().everStarted()) {
            Integer exit = last.get().exitCode();
            if (Integer.valueOf(0).equals(exit)) {
                // exit 0 is what docker stop gives, but also what a restarting engine gives its containers:
                // without the events, a pass here could be false
                return new StopVerdict(Kind.UNKNOWN, c, LocalizedText.same(""));
            }
            if (Integer.valueOf(137).equals(exit)) {
                return new StopVerdict(Kind.KILLED, c, LocalizedText.same(cli + " kill"));
            }
            return new StopVerdict(Kind.ENDED_OTHERWISE, c, LabText.text("docker.state.exitCode", exit));
        }
        if (destroyed || timeline.absentAfterSeen(c)) {
            return new StopVerdict(Kind.UNKNOWN, c, LocalizedText.same(""));
        }
        return new StopVerdict(Kind.RUNNING, c, LocalizedText.same(""));
    }

    private static boolean isSigkill(String signal) {
        return signal != null && (signal.equals("9") || signal.equalsIgnoreCase("SIGKILL") || signal.equalsIgnoreCase("KILL"));
    }
}
