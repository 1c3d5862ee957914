package io.labgrader.probe.vm;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.Observation;
import io.labgrader.evidence.Redactor;
import io.labgrader.evidence.vm.HypervisorNotFound;
import io.labgrader.evidence.vm.HypervisorObserved;
import io.labgrader.evidence.vm.VmProbeFailed.Problem;
import io.labgrader.evidence.vm.VmProbeFailed.Step;
import io.labgrader.evidence.vm.VmProbeFailed;
import io.labgrader.probe.process.CommandResult;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one probe works with during one run: the host, the time-bounded command runner, the bundle for raw
 * captures, and the observations it collects. Every command a probe runs goes through {@link #run}, which keeps
 * the output, records a failure saying exactly what was tried, and stops all further commands of the hypervisor
 * once one hung or the probe's time budget is used up.
 */
public final class ProbeContext {

    /** Files read here are settings files: a few kilobytes; far beyond that is not one. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private final String hypervisor;
    private final VmProbeSettings settings;
    private final EvidenceBundle bundle;
    private final Instant at;
    private final String source;
    private final long deadlineNanos;
    private final List<Observation> observations = new ArrayList<>();
    private boolean firstCallDone;
    private volatile String abandonedBecause;
    private volatile String current = "";
    private java.util.function.UnaryOperator<String> rawFilter = java.util.function.UnaryOperator.identity();

    ProbeContext(String hypervisor, VmProbeSettings settings, EvidenceBundle bundle, Instant at, String source) {
        this.hypervisor = hypervisor;
        this.settings = settings;
        this.bundle = bundle;
        this.at = at;
        this.source = source;
        this.deadlineNanos = System.nanoTime() + settings.perProbe().toNanos();
    }

    public HostEnvironment host() {
        return settings.host();
    }

    public Instant at() {
        return at;
    }

    public String source() {
        return source;
    }

    public String hypervisor() {
        return hypervisor;
    }

    public int maxVms() {
        return settings.maxVms();
    }

    public synchronized void record(Observation o) {
        observations.add(o);
    }

    synchronized List<Observation> observations() {
        return List.copyOf(observations);
    }

    /** What the probe is doing right now, for the message if it has to be stopped. */
    String current() {
        return current;
    }

    /** Set once a command hung: no further commands of this hypervisor are run. */
    public boolean abandoned() {
        return abandonedBecause != null;
    }

    public void found(String product, String version, String location, String how) {
        record(new HypervisorObserved(at, source, hypervisor, product, version, Redactor.redact(location), how));
    }

    public void notFound(List<String> looked) {
        record(new HypervisorNotFound(at, source, hypervisor, looked.stream().map(Redactor::redact).toList()));
    }

    /** Runs a command with the normal time bound; a failure is recorded. */
    public CommandResult run(Step step, String vm, String rawName, List<String> command) {
        return run(step, vm, rawName, command, null, true);
    }

    /** Runs a question to a guest: a refusal (no agent) is normal and not recorded, a hang is. */
    public CommandResult askGuest(String vm, String rawName, List<String> command) {
        return run(Step.GUEST, vm, rawName, command, settings.guestCall(), false);
    }

    /**
     * @param timeout        null for the normal bound (the longer first-call bound for the probe's first command)
     * @param recordFailures whether a non-zero exit is a failure worth recording (a timeout always is)
     * @return the result; when the probe was abandoned, a result with {@code startError} "skipped" and nothing run
     */
    public CommandResult run(Step step, String vm, String rawName, List<String> command, Duration timeout,
                             boolean recordFailures) {
        String line = CommandResult.commandLine(command);
        if (abandonedBecause != null) {
            return new CommandResult(command, -1, "", "", false, "skipped: " + abandonedBecause, false, 0);
        }
        Duration bound = timeout != null ? timeout : firstCallDone ? settings.call() : settings.firstCall();
        firstCallDone = true;
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            abandon("the time budget of " + settings.perProbe().toSeconds() + " s for " + hypervisor + " was used up");
            failed(step, vm, line, Problem.TIMEOUT, null, "not run: " + abandonedBecause, 0, null);
            return new CommandResult(command, -1, "", "", true, null, false, 0);
        }
        if (remaining < bound.toNanos()) {
            bound = Duration.ofNanos(remaining);
        }
        current = line;
        CommandResult result = settings.runner().run(command, bound);
        current = "";
        String raw = null;
        if (rawName != null && bundle != null && (!result.stdout().isEmpty() || !result.stderr().isEmpty())) {
            raw = saveRaw(rawName, result.stdout().isEmpty() ? result.stderr() : result.stdout());
            if (!result.stdout().isEmpty() && !result.stderr().isBlank()) {
                saveRaw(rawName + ".stderr", result.stderr());
            }
        }
        lastRaw = raw;
        if (result.timedOut()) {
            abandon(line + " did not finish within " + seconds(bound));
            failed(step, vm, line, Problem.TIMEOUT, null,
                    "did not finish within " + seconds(bound) + " and was stopped", result.millis(), raw);
        } else if (result.startError() != null) {
            failed(step, vm, line, Problem.NOT_STARTED, null, result.startError(), result.millis(), raw);
        } else if (result.exitCode() != 0 && recordFailures) {
            failed(step, vm, line, classify(result), result.exitCode(), result.errorSummary(), result.millis(), raw);
        }
        return result;
    }

    private String lastRaw;

    /** Bundle path of the last command's raw output, or null. */
    public String lastRaw() {
        return lastRaw;
    }

    void abandon(String why) {
        if (abandonedBecause == null) {
            abandonedBecause = why;
        }
    }

    public void failed(Step step, String vm, String tried, Problem problem, Integer exitCode, String detail,
                       long millis, String raw) {
        record(new VmProbeFailed(at, source, hypervisor, vm, step, Redactor.redact(tried), problem, exitCode,
                detail == null ? null : Redactor.redact(detail), millis, raw));
    }

    /** Keeps text as captured (home folders redacted by the bundle); returns its bundle path, or null. */
    public String saveRaw(String name, String text) {
        if (bundle == null || text == null) {
            return null;
        }
        return bundle.saveRaw(hypervisor + "-" + name, rawFilter.apply(text).getBytes(StandardCharsets.UTF_8));
    }

    /** Removes personal data a hypervisor's output may hold beyond home paths (e.g. guest user names). */
    public void rawFilter(java.util.function.UnaryOperator<String> filter) {
        this.rawFilter = filter;
    }

    /** Reads a settings file (bounded, UTF-8, else Windows-1252 as older VMware files are); a failure is recorded. */
    public String readFile(Step step, String vm, Path file) {
        return readFile(step, vm, file, true);
    }

    /** @param recordFailure false where another source already answered the question (a failure then decides nothing) */
    public String readFile(Step step, String vm, Path file, boolean recordFailure) {
        if (!recordFailure) {
            try {
                return Files.size(file) > MAX_FILE_BYTES ? null : decode(Files.readAllBytes(file));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                failed(step, vm, file.toString(), Problem.UNREADABLE, null, "larger than " + MAX_FILE_BYTES + " bytes", 0, null);
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            return decode(bytes);
        } catch (java.nio.file.AccessDeniedException e) {
            failed(step, vm, file.toString(), Problem.ACCESS_DENIED, null, "permission denied", 0, null);
        } catch (IOException | RuntimeException e) {
            failed(step, vm, file.toString(), Problem.UNREADABLE, null, String.valueOf(e.getMessage()), 0, null);
        }
        return null;
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    static Problem classify(CommandResult r) {
        String text = (r.stderr() + "\n" + r.stdout()).toLowerCase(Locale.ROOT);
        if (text.contains("permission denied") || text.contains("access denied") || text.contains("access is denied")
                || text.contains("authentication unavailable") || text.contains("not authorized")
                || text.contains("required permission")) {
            return Problem.ACCESS_DENIED;
        }
        if (text.contains("failed to connect") || text.contains("cannot connect") || text.contains("could not connect")
                || text.contains("is not running") || text.contains("connection refused")
                || text.contains("failed to create the virtualbox object") || text.contains("vboxsvc")) {
            return Problem.NOT_RUNNING;
        }
        return Problem.EXIT_CODE;
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
