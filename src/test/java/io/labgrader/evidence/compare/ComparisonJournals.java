package io.labgrader.evidence.compare;

import io.labgrader.evidence.Observation;
import io.labgrader.evidence.docker.ContainerEventObserved;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.docker.ImagesListed;
import io.labgrader.evidence.http.HttpProbed;
import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.GuestReport;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmObserved;
import io.labgrader.evidence.vm.VmState;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Journals as the probes write them (same records, same fields), for the model's and the writers' rules; the real
 * engine and real libvirt write them in ComparisonLiveTest and ComparisonLibvirtTest.
 */
public final class ComparisonJournals {

    public static final Instant T = Instant.parse("2026-11-28T10:00:00Z");
    public static final String NGINX_ID = "a".repeat(64);
    public static final String HELLO_ID = "b".repeat(64);

    private ComparisonJournals() {
    }

    /** A finished lab seen by watch: hello-world ran 1.25 s, nginx answered 412 ms after its start, a VirtualBox VM. */
    public static List<Observation> finishedLab(String nginxName) {
        return List.of(
                new EngineObserved(T, "watch", "unix:///var/run/docker.sock", "20.10.24", "1.41", "linux", "amd64",
                        "6.1.0-18-amd64", "Debian GNU/Linux 12 (bookworm)", "ID", "raw/version.json"),
                new ImagesListed(T, "watch", List.of(new ImagesListed.Image("sha256:1", List.of("nginx:latest"), 196_000_000L),
                        new ImagesListed.Image("sha256:2", List.of("hello-world:latest"), 13_256L))),
                event(0, "create", HELLO_ID, "hello-world", "eager_hello"),
                event(100_000_000, "start", HELLO_ID, "hello-world", "eager_hello"),
                event(1_250_000_000, "die", HELLO_ID, "hello-world", "eager_hello"),
                event(5_000_000_000L, "start", NGINX_ID, "nginx:latest", nginxName),
                // a check's answer minutes later is no start time, and the watch's first answer is
                probe(T.plusSeconds(300), "check", 8080),
                probe(T.plusMillis(5_400), "watch", 8080),
                probe(T.plusMillis(5_900), "watch", 8080),
                new ContainerStatsObserved(T.plusSeconds(6), "watch", NGINX_ID, nginxName, "nginx:latest", 12_000_000L,
                        2_000_000L, 24L << 30, 2, 0L, 0L, 0L, "raw/stats-aaaaaaaaaaaa.json"),
                new VmObserved(T.plusSeconds(60), "check", "virtualbox", "7.1.4", "ubuntu", "6294f16b-4f05-4430-afb9-773bdb237aec",
                        VmState.RUNNING, "running", "Ubuntu (64-bit)", "Ubuntu_64",
                        new GuestReport("VirtualBox Guest Additions 7.1.4", null, "Linux", null, null, "6.8.0-45-generic",
                                "#45-Ubuntu SMP", "7.1.4", T.plusSeconds(50), Map.of("GuestAdditionsRunLevel", "2")),
                        4096L, 2, List.of(new VmDisk("SATA-0-0", "VDI", 25L << 30, 9L << 30, null)), List.of(),
                        List.of(new BootSign(BootSign.Kind.RUNNING, "state running", T.minusSeconds(120))), null,
                        List.of("VBoxManage showvminfo --machinereadable"), List.of()));
    }

    static ContainerEventObserved event(long afterNanos, String action, String id, String image, String name) {
        long nano = T.getEpochSecond() * 1_000_000_000L + afterNanos;
        return new ContainerEventObserved(Instant.ofEpochSecond(0, nano), "watch", nano, action, id, image, name, null, null);
    }

    static HttpProbed probe(Instant at, String source, int port) {
        return new HttpProbed(at, source, NGINX_ID, "http://localhost:" + port + "/", port, 200, "nginx/1.22.1",
                "Welcome to nginx!", "text/html", 615, false, null, 12, null);
    }
}
