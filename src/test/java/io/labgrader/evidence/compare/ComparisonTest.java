package io.labgrader.evidence.compare;

import io.labgrader.evidence.Observation;
import io.labgrader.evidence.docker.ContainerEventObserved;
import io.labgrader.lab.module.ComparisonText;
import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison is derived from the journal: the figures, their sources, and a missing figure instead of a guess. */
class ComparisonTest {

    @Test
    void aFinishedLabGivesEachFigureFromItsObservation() {
        Comparison c = Comparison.of(ComparisonJournals.finishedLab("web"));

        Figure start = c.figure("container.start-to-answer").orElseThrow();
        // start event at T+5 s; the first watch answer at T+5.4 s, plus its 12 ms round trip
        assertThat(start.number()).as("start to first answer in ms").isEqualTo(412.0);
        assertThat(start.source()).contains("docker event start").contains("(watch)");
        assertThat(c.figure("container.hello-world-life").orElseThrow().number()).isEqualTo(1250.0);
        // docker stats shows usage without the inactive page cache: 12 MB - 2 MB
        assertThat(c.figure("container.memory").orElseThrow().number()).isEqualTo(10_000_000.0);
        assertThat(c.figure("container.cpu").orElseThrow().unit()).isEqualTo(Figure.Unit.CPUS_SHARED);
        assertThat(c.figure("image.hello-world").orElseThrow().number()).isEqualTo(13_256.0);
        assertThat(c.figure("container.kernel").orElseThrow().text()).isEqualTo("6.1.0-18-amd64");
        assertThat(c.figure("vm.memory").orElseThrow().number()).isEqualTo(4096.0 * 1024 * 1024);
        assertThat(c.figure("vm.cpus").orElseThrow().number()).isEqualTo(2.0);
        assertThat(c.figure("vm.kernel").orElseThrow().text()).isEqualTo("6.8.0-45-generic");
        assertThat(c.figure("vm.last-start").orElseThrow().at()).isEqualTo(ComparisonJournals.T.minusSeconds(120));
        assertThat(c.figure("vm.guest-report").orElseThrow().text()).isEqualTo("VirtualBox Guest Additions 7.1.4, run level 2");
        assertThat(c.containerStartObserved()).isTrue();
        assertThat(c.vmStartObserved()).isTrue();
    }

    @Test
    void whatATooldoesNotOfferIsAMissingFigureWithANote() {
        Figure guestMemory = Comparison.of(ComparisonJournals.finishedLab("web")).figure("vm.memory.guest").orElseThrow();
        assertThat(guestMemory.present()).isFalse();
        assertThat(ComparisonText.note(guestMemory, Language.EN)).contains("VBoxManage metrics");
        assertThat(ComparisonText.note(guestMemory, Language.DE)).contains("VBoxManage metrics");
    }

    @Test
    void anAnswerSeenOnlyByACheckIsNoStartTime() {
        List<Observation> onlyCheck = ComparisonJournals.finishedLab("web").stream()
                .filter(o -> !(o instanceof io.labgrader.evidence.http.HttpProbed p) || p.source().equals("check")).toList();
        Comparison c = Comparison.of(onlyCheck);
        Figure start = c.figure("container.start-to-answer").orElseThrow();
        assertThat(start.present()).as("expected no start time from a check minutes later, but found %s", start.number()).isFalse();
        assertThat(ComparisonText.note(start, Language.EN)).contains("labgrader watch");
        assertThat(c.containerStartObserved()).isFalse();
    }

    @Test
    void aRepeatedEventCountsOnceAndNothingObservedIsEmpty() {
        List<Observation> twice = new java.util.ArrayList<>(ComparisonJournals.finishedLab("web"));
        twice.addAll(twice.stream().filter(ContainerEventObserved.class::isInstance).toList());
        assertThat(Comparison.of(twice).figure("container.hello-world-life").orElseThrow().number()).isEqualTo(1250.0);
        assertThat(Comparison.of(List.of()).isEmpty()).isTrue();
        assertThat(Comparison.of(List.of()).numbers()).isEmpty();
    }
}
