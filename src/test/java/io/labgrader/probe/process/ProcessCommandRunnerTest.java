package io.labgrader.probe.process;

import io.labgrader.probe.vm.VmTestKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The time-bounded command runner")
class ProcessCommandRunnerTest {

    private final ProcessCommandRunner runner = new ProcessCommandRunner(Map.of("LC_ALL", "C.UTF-8"));

    @Test
    @DisplayName("a hanging command is stopped at its bound, and so are its children")
    void hangKilled(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path hang = VmTestKit.script(dir, "hang", "sleep 300 &\necho $! > '" + pidFile + "'\necho started\nwait");
        long start = System.nanoTime();
        CommandResult r = runner.run(List.of(hang.toString()), Duration.ofSeconds(2));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.timedOut()).isTrue();
        assertThat(r.ok()).isFalse();
        assertThat(r.stdout()).isEqualTo("started\n");
        assertThat(millis).isLessThan(8000);
        long child = Long.parseLong(Files.readString(pidFile).strip());
        Thread.sleep(200);
        assertThat(VmTestKit.gone(child)).as("the child sleep was killed").isTrue();
    }

    @Test
    @DisplayName("a failing command: exit code and stderr are kept")
    void failing(@TempDir Path dir) {
        Path fail = VmTestKit.script(dir, "fail", "echo 'VBoxManage: error: Failed to create the VirtualBox object!' >&2\nexit 1");
        CommandResult r = runner.run(List.of(fail.toString()), Duration.ofSeconds(5));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.timedOut()).isFalse();
        assertThat(r.errorSummary()).isEqualTo("VBoxManage: error: Failed to create the VirtualBox object!");
    }

    @Test
    @DisplayName("a command that does not exist is reported, not thrown")
    void missing(@TempDir Path dir) {
        CommandResult r = runner.run(List.of(dir.resolve("nope").toString()), Duration.ofSeconds(5));
        assertThat(r.startError()).isNotNull();
        assertThat(r.ok()).isFalse();
    }

    @Test
    @DisplayName("output beyond the bound is read and dropped, so the command cannot block")
    void bounded(@TempDir Path dir) {
        Path chatty = VmTestKit.script(dir, "chatty", "head -c 6000000 /dev/zero | tr '\\0' 'x'\necho done >&2");
        CommandResult r = runner.run(List.of(chatty.toString()), Duration.ofSeconds(20));
        assertThat(r.exitCode()).isZero();
        assertThat(r.truncated()).isTrue();
        assertThat(r.stdout()).hasSize(ProcessCommandRunner.MAX_STDOUT);
        assertThat(r.stderr()).isEqualTo("done\n");
    }

    @Test
    @DisplayName("stdin is closed: a command waiting for input gets end-of-file at once")
    void stdinClosed(@TempDir Path dir) {
        Path reader = VmTestKit.script(dir, "reader", "cat; echo eof");
        CommandResult r = runner.run(List.of(reader.toString()), Duration.ofSeconds(5));
        assertThat(r.stdout()).isEqualTo("eof\n");
        assertThat(r.millis()).isLessThan(5000);
    }

    @Test
    @DisplayName("a command that ends but leaves a child holding its output does not hold up the runner")
    void backgroundChild(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("bg.pid");
        Path leaver = VmTestKit.script(dir, "leaver", "sleep 300 &\necho $! > '" + pidFile + "'\necho bye");
        try {
            CommandResult r = runner.run(List.of(leaver.toString()), Duration.ofSeconds(10));
            assertThat(r.exitCode()).isZero();
            assertThat(r.stdout()).isEqualTo("bye\n");
            assertThat(r.millis()).isLessThan(8000);
        } finally {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    @DisplayName("a hypervisor's own service below a hung command is not killed with it")
    void servicesSpared(@TempDir Path dir) throws Exception {
        assertThat(ProcessTrees.isServiceCommand("/usr/lib/virtualbox/VBoxSVC")).isTrue();
        assertThat(ProcessTrees.isServiceCommand("C:\\Program Files\\Oracle\\VirtualBox\\VBoxSVC.exe")).isTrue();
        assertThat(ProcessTrees.isServiceCommand("/usr/bin/qemu-system-x86_64")).isTrue();
        assertThat(ProcessTrees.isServiceCommand("/usr/bin/sleep")).isFalse();
        assertThat(ProcessTrees.isServiceCommand("/usr/bin/VBoxManage")).isFalse();
        // a hung command that started "VBoxSVC": the command dies at its bound, the service lives on
        Path service = dir.resolve("VBoxSVC");
        Files.copy(Path.of("/bin/sleep"), service);
        service.toFile().setExecutable(true);
        Path pidFile = dir.resolve("svc.pid");
        Path hang = VmTestKit.script(dir, "VBoxManage", "'" + service + "' 300 &\necho $! > '" + pidFile + "'\nsleep 300");
        CommandResult r = runner.run(List.of(hang.toString()), Duration.ofSeconds(2));
        assertThat(r.timedOut()).isTrue();
        ProcessHandle svc = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).orElseThrow();
        try {
            Thread.sleep(200);
            assertThat(svc.isAlive()).as("VBoxSVC survives").isTrue();
        } finally {
            svc.destroyForcibly();
        }
    }

    @Test
    @DisplayName("a script: stderr merged into stdout, each line handed on as it comes, the kept part bounded, all bytes counted")
    void scriptOutput(@TempDir Path dir) {
        Path chatty = VmTestKit.script(dir, "chatty", "echo one\necho two >&2\necho \"$LABGRADER_X-${HOME_GONE:-unset}\"");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CommandResult r = ProcessCommandRunner.run(List.of(chatty.toString()), Duration.ofSeconds(5),
                ProcessOptions.script(Map.of("LABGRADER_X", "x"), Set.of("HOME_GONE"), lines::add, 8));
        assertThat(r.exitCode()).isZero();
        assertThat(lines).containsExactly("one", "two", "x-unset");
        assertThat(r.stdout()).as("the first 8 bytes kept").isEqualTo("one\ntwo\n");
        assertThat(r.stdoutBytes()).isEqualTo("one\ntwo\nx-unset\n".length());
        assertThat(r.truncated()).isTrue();
    }

    @Test
    @DisplayName("a script that overran its time gets TERM first, so its trap runs, and its children are gone after")
    void scriptStoppedGracefully(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path trapped = dir.resolve("trapped");
        // the trap writes to a file: Process.destroy() closes the pipes, so what the script prints after TERM is lost
        Path hang = VmTestKit.script(dir, "hang", "trap 'echo terminated > \"" + trapped + "\"; exit 143' TERM\n"
                + "sleep 300 &\necho $! > '" + pidFile + "'\necho started\nwait");
        CommandResult r = ProcessCommandRunner.run(List.of(hang.toString()), Duration.ofSeconds(2),
                ProcessOptions.script(Map.of(), Set.of(), line -> { }, 1024));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.stdout()).isEqualTo("started\n");
        assertThat(trapped).as("the script's TERM trap ran").hasContent("terminated");
        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(VmTestKit.gone(child)).as("the child sleep was stopped").isTrue();
    }
}
