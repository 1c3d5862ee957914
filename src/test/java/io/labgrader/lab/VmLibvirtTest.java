package io.labgrader.lab;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.vm.HypervisorObserved;
import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmInventory;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmObserved;
import io.labgrader.evidence.vm.VmProbeFailed;
import io.labgrader.evidence.vm.VmState;
import io.labgrader.evidence.vm.VmSummary;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.probe.process.CommandResult;
import io.labgrader.probe.process.ProcessCommandRunner;
import io.labgrader.probe.vm.VmProbeSettings;
import io.labgrader.probe.vm.VmProbing;
import io.labgrader.probe.vm.VmTestKit;
import io.labgrader.rubric.Rubric;
import io.labgrader.testing.Await;
import io.labgrader.testing.Commands;
import io.labgrader.testing.Labgrader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.labgrader.probe.vm.VmTestKit.outcomes;
import static io.labgrader.probe.vm.VmTestKit.result;
import static io.labgrader.probe.vm.VmTestKit.rubric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Real libvirt + QEMU (scripts/prepare-libvirt.sh installs and starts them): domains with Ubuntu and non-Ubuntu
 * libosinfo metadata, on the NAT network "default" and on an isolated network, and one booted guest whose QEMU guest
 * agent reports Ubuntu (scripts/build-agent-guest.sh). Each is probed through VmProbing into a real evidence bundle,
 * graded, and graded again offline after the domains are gone. Everything defined here is undefined again.
 *
 * <p>Without libvirt these tests are skipped, unless LABGRADER_REQUIRE_LIBVIRT=1 (CI), where they fail.
 */
@DisplayName("VM grading on real libvirt + QEMU")
class VmLibvirtTest {

    static final String URI = "qemu:///system";
    static final ProcessCommandRunner RUN = new ProcessCommandRunner(Map.of("LC_ALL", "C.UTF-8"));

    @TempDir
    Path tmp;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> domains = new ArrayList<>();
    private final List<String> networks = new ArrayList<>();

    @BeforeAll
    static void libvirtAvailable() {
        CommandResult version = virsh(Duration.ofSeconds(120), "version");
        if (!version.ok()) {
            String why = "libvirt is not available (" + version.commandLine() + ": "
                    + (version.timedOut() ? "timed out" : version.startError() != null ? version.startError() : version.errorSummary())
                    + "); run scripts/prepare-libvirt.sh first";
            if ("1".equals(System.getenv("LABGRADER_REQUIRE_LIBVIRT"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        // what an interrupted earlier run may have left behind
        for (String name : virsh(Duration.ofSeconds(30), "list", "--all", "--name").stdout().split("\\R")) {
            if (name.strip().startsWith("lgtest-")) {
                virsh(Duration.ofSeconds(30), "destroy", name.strip());
                virsh(Duration.ofSeconds(30), "undefine", name.strip());
            }
        }
        for (String name : virsh(Duration.ofSeconds(30), "net-list", "--all", "--name").stdout().split("\\R")) {
            if (name.strip().startsWith("lgtest-")) {
                virsh(Duration.ofSeconds(30), "net-destroy", name.strip());
                virsh(Duration.ofSeconds(30), "net-undefine", name.strip());
            }
        }
    }

    @AfterEach
    void undefineWhatWasDefined() throws Exception {
        for (String d : domains) {
            virsh(Duration.ofSeconds(30), "destroy", d);
            virsh(Duration.ofSeconds(30), "undefine", d);
            Files.deleteIfExists(Path.of("/var/log/libvirt/qemu", d + ".log"));
        }
        for (String n : networks) {
            virsh(Duration.ofSeconds(30), "net-destroy", n);
            virsh(Duration.ofSeconds(30), "net-undefine", n);
        }
    }

    // ------------------------------------------------------------------------------------------------- tests

    @Test
    @DisplayName("a guest typed generic Linux whose QEMU guest agent reports Ubuntu: everything passes, live and offline")
    void guestAgentReportsUbuntu() throws Exception {
        Path guest = agentGuest();
        String name = "lgtest-agent-" + tag;
        define(domainXml(name, "http://libosinfo.org/linux/2022", "<kernel>" + guest.resolve("vmlinuz") + "</kernel><initrd>"
                        + guest.resolve("initrd.img") + "</initrd><cmdline>console=ttyS0 panic=-1 quiet</cmdline>", null,
                "<interface type='network'><source network='default'/><model type='virtio'/></interface>"
                        + "<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>"
                        + "<serial type='pty'/><console type='pty'/>", 256));
        long booting = System.nanoTime();
        check(virsh(Duration.ofSeconds(60), "start", name));
        waitForAgent(name, Duration.ofSeconds(120));
        System.out.printf("libvirt test: guest agent of %s answered after %.1f s%n", name, (System.nanoTime() - booting) / 1e9);

        String agentSaid = virsh(Duration.ofSeconds(15), "guestinfo", name, "--os").stdout();
        String libvirtSaid = virsh(Duration.ofSeconds(15), "dominfo", name).stdout();
        Path evidence = probe();
        VmObserved vm = only(evidence, name);
        assertThat(vm.state()).isEqualTo(VmState.RUNNING);
        assertThat(vm.declaredOs()).isEqualTo("linux 2022");
        assertThat(vm.declaredOsId()).isEqualTo("http://libosinfo.org/linux/2022");
        assertThat(vm.guest().via()).isEqualTo("QEMU guest agent");
        assertThat(vm.guest().osId()).isEqualTo("ubuntu");
        assertThat(vm.guest().prettyName()).isEqualTo("Ubuntu 24.04.1 LTS");
        assertThat(vm.nics()).extracting(VmNic::mode).containsExactly(NicMode.NAT);

        Rubric rubric = rubric(tmp, List.of("libvirt"), null);
        GradeResult live = VmTestKit.grade(rubric, evidence);
        assertThat(vmOutcomes(live)).as(outcomes(live)).containsOnly(Outcome.PASSED);

        undefineWhatWasDefined();
        domains.clear();
        GradeResult offline = VmTestKit.grade(rubric, evidence);
        assertThat(VmGraderTest.comparable(offline)).isEqualTo(VmGraderTest.comparable(live));
        ComparisonLibvirt.assertFigures(live, offline, name, agentSaid, libvirtSaid);
    }

    @Test
    @DisplayName("Ubuntu typed on the NAT network, Debian on an isolated network: modes, disks, and a guest never installed")
    void natAndIsolated() throws Exception {
        String isolated = isolatedNetwork();
        String ubuntu = "lgtest-ubuntu-" + tag;
        String debian = "lgtest-debian-" + tag;
        Path disk = tmp.resolve(ubuntu + ".qcow2");
        check(RUN.run(List.of("qemu-img", "create", "-q", "-f", "qcow2", disk.toString(), "4G"), Duration.ofSeconds(30)));
        define(domainXml(ubuntu, "http://ubuntu.com/ubuntu/24.04", null, disk,
                "<interface type='network'><source network='default'/><model type='virtio'/></interface>", 2048));
        define(domainXml(debian, "http://debian.org/debian/12", null, null,
                "<interface type='network'><source network='" + isolated + "'/><model type='virtio'/></interface>", 1024));

        Path evidence = probe();
        VmObserved u = only(evidence, ubuntu);
        assertThat(u.declaredOs()).isEqualTo("ubuntu 24.04");
        assertThat(u.declaredOsId()).isEqualTo("http://ubuntu.com/ubuntu/24.04");
        assertThat(u.state()).isEqualTo(VmState.OFF);
        assertThat(u.rawState()).startsWith("shut off");
        assertThat(u.memoryMb()).isEqualTo(2048);
        assertThat(u.nics()).extracting(VmNic::mode, VmNic::rawMode).containsExactly(tuple(NicMode.NAT, "network/default (forward nat)"));
        assertThat(u.disks()).extracting(VmDisk::format, VmDisk::capacityBytes).containsExactly(tuple("qcow2", 4L << 30));
        assertThat(u.guest()).isNull();
        VmObserved d = only(evidence, debian);
        assertThat(d.nics()).extracting(VmNic::mode, VmNic::rawMode)
                .containsExactly(tuple(NicMode.HOST_ONLY, "network/" + isolated + " (forward (none))"));

        // the report's view of the same evidence
        List<VmSummary> summaries = VmInventory.summaries(VmTestKit.read(evidence).observations()).stream()
                .filter(s -> s.name().endsWith(tag)).toList();
        assertThat(summaries).extracting(VmSummary::name).containsExactly(debian, ubuntu);
        assertThat(summaries.get(1).text()).matches("libvirt/KVM \\(libvirt [0-9.]+, QEMU [0-9.]+\\) · '" + ubuntu + "' · shut off \\(\\w+\\) \\(off\\)"
                + " · declared ubuntu 24.04 \\[http://ubuntu.com/ubuntu/24.04\\] · guest - · 2048 MB · 2 CPUs · disks qcow2 4.0 GiB \\(.*\\) · network 0: NAT \\(default\\)");

        GradeResult live = VmTestKit.grade(rubric(tmp, List.of("libvirt"), null), evidence);
        assertThat(vmOutcomes(live)).as(outcomes(live))
                .containsExactly(Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.FAILED, Outcome.PASSED);
        assertThat(result(live, "vm.guest-installed").message().en()).endsWith("but found '" + ubuntu + "' declared"
                + " ubuntu 24.04 [http://ubuntu.com/ubuntu/24.04] but never started (no log, no report of the guest); the type chosen in the wizard alone shows no installation.");

        GradeResult byDefault = VmTestKit.grade(rubric(tmp, List.of("virtualbox", "vmware"), null), evidence);
        assertThat(result(byDefault, "vm.hypervisor").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result(byDefault, "vm.hypervisor").message().en()).matches("Expected VirtualBox or VMware installed, but found only"
                + " libvirt/KVM \\(libvirt [0-9.]+, QEMU [0-9.]+\\), which this rubric does not count\\.");

        undefineWhatWasDefined();
        domains.clear();
        networks.clear();
        GradeResult offline = VmTestKit.grade(rubric(tmp, List.of("libvirt"), null), evidence);
        assertThat(VmGraderTest.comparable(offline)).isEqualTo(VmGraderTest.comparable(live));
    }

    @Test
    @DisplayName("watch looks at the VMs again when it ends: a VM defined while watch runs is graded, live and in the report")
    void vmDefinedWhileWatching() throws Exception {
        Commands.Result engine = Commands.docker("version");
        if (engine.exitCode() != 0) {
            String why = "watch needs a Docker Engine (scripts/prepare-docker.sh): " + engine.stderr();
            if ("1".equals(System.getenv("LABGRADER_REQUIRE_LIBVIRT"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        Path dir = Files.createDirectories(tmp.resolve("student"));
        Labgrader labgrader = new Labgrader(dir);
        Files.writeString(dir.resolve("rubric.yml"), Files.readString(dir.resolve("rubric.yml"))
                .replace("hypervisors: &hypervisors [virtualbox, vmware]", "hypervisors: &hypervisors [libvirt]"));
        String vm = "lgtest-watch-" + tag;

        Process watch = labgrader.start("watch", "--lang", "en", "--duration", "300");
        try {
            Await.fileContains(dir.resolve("watch.err"), "watching", Duration.ofSeconds(60));
            assertThat(Files.readString(dir.resolve("evidence/journal.jsonl"))).doesNotContain(vm);
            define(domainXml(vm, "http://ubuntu.com/ubuntu/24.04", null, null,
                    "<interface type='network'><source network='default'/><model type='virtio'/></interface>", 2048));
            Commands.run(null, Map.of(), Duration.ofSeconds(10), List.of("kill", "-INT", String.valueOf(watch.pid())));
            assertThat(watch.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("watch ends after Ctrl-C").isTrue();
        } finally {
            watch.destroyForcibly();
        }

        com.fasterxml.jackson.databind.JsonNode report = labgrader.report();
        assertThat(report.path("vms").toString()).contains(vm);
        assertThat(Labgrader.outcomes(report)).containsEntry("vm.hypervisor", "PASSED").containsEntry("vm.exists", "PASSED")
                .containsEntry("vm.ubuntu-guest", "PASSED");
        assertThat(Files.readString(dir.resolve("watch.out"))).contains(vm);
    }

    @Test
    @DisplayName("Ubuntu VMs only on an isolated network or without any adapter fail vm.network when only NAT counts")
    void isolatedOrNoNetwork() throws Exception {
        String isolated = isolatedNetwork();
        String onIsolated = "lgtest-iso-" + tag;
        String without = "lgtest-nonet-" + tag;
        define(domainXml(onIsolated, "http://ubuntu.com/ubuntu/22.04", null, null,
                "<interface type='network'><source network='" + isolated + "'/><model type='virtio'/></interface>", 1024));
        define(domainXml(without, "http://ubuntu.com/ubuntu/24.04", null, null, "", 1024));

        Path evidence = probe();
        assertThat(only(evidence, without).nics()).isEmpty();
        GradeResult hostOnlyCounts = VmTestKit.grade(rubric(tmp, List.of("libvirt"), null), evidence);
        assertThat(result(hostOnlyCounts, "vm.network").outcome()).isEqualTo(Outcome.PASSED);

        GradeResult natOnly = VmTestKit.grade(rubric(tmp, List.of("libvirt"), List.of("nat")), evidence);
        assertThat(result(natOnly, "vm.network").outcome()).as(outcomes(natOnly)).isEqualTo(Outcome.FAILED);
        assertThat(result(natOnly, "vm.network").message().en()).startsWith("Expected a network adapter in NAT mode, but found ")
                .contains("adapter 0: host-only (network/" + isolated + " (forward (none))) on '" + onIsolated + "'")
                .contains("no network adapter on '" + without + "'");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** Probes this machine as "labgrader check" does, into a fresh bundle. */
    private Path probe() {
        Path evidence = tmp.resolve("evidence-" + System.nanoTime());
        long start = System.nanoTime();
        VmProbing.check(VmTestKit.bundle(evidence, Clock.systemUTC()), "check", VmProbeSettings.defaults());
        System.out.printf("libvirt test: VmProbing.check took %.1f s%n", (System.nanoTime() - start) / 1e9);
        Evidence e = VmTestKit.read(evidence);
        assertThat(e.all(HypervisorObserved.class)).extracting(HypervisorObserved::hypervisor).contains("libvirt");
        assertThat(e.all(VmProbeFailed.class)).filteredOn(f -> f.hypervisor().equals("libvirt")).isEmpty();
        return evidence;
    }

    private static VmObserved only(Path evidence, String name) {
        List<VmObserved> found = VmTestKit.read(evidence).all(VmObserved.class).stream().filter(v -> v.name().equals(name)).toList();
        assertThat(found).as("domain " + name + " recorded once").hasSize(1);
        return found.get(0);
    }

    private static List<Outcome> vmOutcomes(GradeResult r) {
        return r.criteria().stream().filter(c -> c.section().equals("vm")).map(c -> c.outcome()).toList();
    }

    private String isolatedNetwork() throws Exception {
        String name = "lgtest-net-" + tag;
        Path xml = tmp.resolve(name + ".xml");
        Files.writeString(xml, "<network><name>" + name + "</name><bridge name='lgbr" + tag.substring(0, 6) + "' stp='on' delay='0'/></network>");
        check(virsh(Duration.ofSeconds(30), "net-define", xml.toString()));
        networks.add(name);
        return name;
    }

    private void define(String xml) throws Exception {
        String name = xml.substring(xml.indexOf("<name>") + 6, xml.indexOf("</name>"));
        Path file = tmp.resolve(name + ".xml");
        Files.writeString(file, xml);
        check(virsh(Duration.ofSeconds(30), "define", file.toString()));
        domains.add(name);
    }

    /**
     * A TCG domain (KVM cannot boot Linux on these machines) without a {@code <cpu>} element, with libosinfo
     * metadata like virt-install writes it.
     */
    static String domainXml(String name, String osinfo, String directBoot, Path disk, String devices, int memoryMib) {
        return "<domain type='qemu'><name>" + name + "</name>"
                + "<metadata><libosinfo:libosinfo xmlns:libosinfo=\"http://libosinfo.org/xmlns/libvirt/domain/1.0\">"
                + "<libosinfo:os id=\"" + osinfo + "\"/></libosinfo:libosinfo></metadata>"
                + "<memory unit='MiB'>" + memoryMib + "</memory><vcpu>" + (memoryMib >= 2048 ? 2 : 1) + "</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type>" + (directBoot == null ? "<boot dev='hd'/>" : directBoot) + "</os>"
                + "<devices>"
                + (disk == null ? "" : "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + disk
                + "'/><target dev='vda' bus='virtio'/></disk>")
                + devices + "</devices></domain>";
    }

    /** The kernel and initramfs whose agent reports Ubuntu; built (once, then cached) by scripts/build-agent-guest.sh. */
    private static Path agentGuest() {
        Path script = Path.of(System.getProperty("basedir", ".")).resolve("scripts/build-agent-guest.sh");
        CommandResult built = RUN.run(List.of("bash", script.toString()), Duration.ofMinutes(5));
        check(built);
        Path dir = Path.of(built.stdout().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(dir.resolve("vmlinuz")).isRegularFile();
        assertThat(dir.resolve("initrd.img")).isRegularFile();
        return dir;
    }

    private static void waitForAgent(String name, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        CommandResult last = null;
        while (System.nanoTime() < deadline) {
            last = virsh(Duration.ofSeconds(15), "guestinfo", name, "--os");
            if (last.ok() && last.stdout().contains("os.id")) {
                return;
            }
            Thread.sleep(1000);
        }
        fail("the guest agent of " + name + " did not answer within " + bound.toSeconds() + " s: " + (last == null ? "" : last.errorSummary()));
    }

    static CommandResult virsh(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("virsh", "-c", URI));
        command.addAll(List.of(args));
        return RUN.run(command, timeout);
    }

    private static void check(CommandResult r) {
        if (!r.ok()) {
            fail(r.commandLine() + " failed: " + (r.timedOut() ? "timed out" : r.errorSummary()));
        }
    }
}
