package io.labgrader.cli;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.hashing.Hashes;
import io.labgrader.evidence.Json;
import io.labgrader.live.LivePlace;
import io.labgrader.live.LiveSource;
import io.labgrader.live.LiveSources;
import io.labgrader.probe.process.CommandResult;
import io.labgrader.probe.process.ProcessCommandRunner;
import io.labgrader.probe.process.ProcessOptions;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Replays a student's exercise script (the lab's docker commands) against a Docker Engine while watching it, as
 * a student does the lab under {@code watch}, then grades. This is what a CI job runs: the evidence shows that
 * the commands work on a fresh engine (on GitLab, the job's own docker:dind service, named by DOCKER_HOST).
 * <p>
 * The script runs with bash, in the current folder, with no input, for at most {@code --timeout} seconds. Its
 * output (stdout and stderr, as one stream) is shown and kept in the evidence's raw/ folder, with the script
 * itself and a summary (exit code, time-out). Only what happens from the start of the replay counts as replayed;
 * the evidence already in the folder is kept and graded with it.
 */
@Command(addMethodSubcommands = false, name = "replay", mixinStandardHelpOptions = true,
        description = "Run an exercise script (the lab's docker commands) while watching Docker, keep its output "
                + "in the evidence, then grade. For CI jobs.")
final class ReplayCommand implements Callable<Integer> {

    /** What of the script's output is kept in the evidence; the rest is shown but not kept. */
    static final int MAX_KEPT_OUTPUT = 1024 * 1024;

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The exercise script, run with bash.")
    Path script;

    @Mixin
    CommonOptions.EvidenceOption evidence;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Stop the script after this many seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--port-deadline", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long to retry a freshly started container's ports (default: ${DEFAULT-VALUE}).")
    long portDeadlineSeconds;

    /** How the script ended. */
    record ScriptRun(String script, String scriptSha256, String engine, Instant started, Instant ended,
                     Integer exitCode, boolean timedOut, long timeoutSeconds, long outputBytes, boolean outputTruncated,
                     String output, String error) {
    }

    @Override
    public Integer call() throws RubricException, EvidenceException {
        if (!Files.isRegularFile(script)) {
            System.err.println("labgrader: " + script + ": " + (Files.exists(script) ? "not a file" : "no such file"));
            return ExitCodes.BAD_INPUT;
        }
        if (timeoutSeconds <= 0) {
            System.err.println("labgrader: --timeout must be a positive number of seconds, found " + timeoutSeconds);
            return ExitCodes.BAD_INPUT;
        }
        Rubric rubric = RubricSource.load(options.rubric, options.lab);
        Language language = options.language();
        Clock clock = Clock.systemUTC();
        EvidenceBundle bundle = evidence.open(rubric, clock);
        // only the replay counts as replayed: the engine's older history (another class, another job) is not read
        Instant floor = clock.instant();
        // the live sources (the Docker Engine), whatever the lab's probes: the VM part is not replayed, a CI job has
        // no hypervisor, and the script is about Docker
        List<WhileWatching.Reached> reached = new ArrayList<>();
        for (LiveSource source : LiveSources.all()) {
            List<? extends LivePlace> places = source.places();
            source.snapshot(bundle, places, "replay", floor).ifPresentOrElse(p -> reached.add(new WhileWatching.Reached(source, p)),
                    () -> System.err.println(Messages.CORE.get(language, "cli.replay.noEngine", places, script)));
        }
        boolean replayed = false;
        if (reached.size() == LiveSources.all().size()) {
            ScriptRun run = replay(bundle, reached, clock, floor, language);
            replayed = run.error() == null;
            keep(bundle, run);
            WhileWatching.lastLooks(reached, bundle, "replay", floor); // what is left at the end: removed or not
        }
        try {
            bundle.writeManifest();
        } catch (EvidenceException e) {
            System.err.println("labgrader: " + e.getMessage());
        }
        int graded = GradeAndReport.run(rubric, evidence.dir, options, clock, System.out, System.err);
        // a replay that could not happen proves nothing, whatever the evidence already held
        return replayed || graded == ExitCodes.BAD_INPUT ? graded : ExitCodes.NOTHING_GRADABLE;
    }

    /** Watches the engine while the script runs; returns how the script ended. */
    private ScriptRun replay(EvidenceBundle bundle, List<WhileWatching.Reached> reached, Clock clock, Instant floor,
                             Language language) {
        PrintStream log = System.err;
        String engine = reached.stream().map(r -> r.place().toString()).collect(Collectors.joining(", "));
        log.println(Messages.CORE.get(language, "cli.replay.running", script, timeoutSeconds, engine));
        ScriptRun run = WhileWatching.run(reached, bundle, floor, "replay", Duration.ofSeconds(portDeadlineSeconds),
                log, () -> runScript(reached, engine, clock, log),
                () -> new ScriptRun(script.toString(), null, engine, clock.instant(), clock.instant(), null,
                        false, timeoutSeconds, 0, false, "", "the engine stopped answering before the script started"));
        if (run.error() != null) {
            log.println("labgrader: " + script + ": " + run.error());
        } else if (run.timedOut()) {
            log.println(Messages.CORE.get(language, "cli.replay.timedOut", script, timeoutSeconds));
        } else {
            log.println(Messages.CORE.get(language, "cli.replay.ended", script, run.exitCode()));
        }
        return run;
    }

    /**
     * Runs the script with bash, in the environment that names the places being watched (for the Docker Engine:
     * DOCKER_HOST or DOCKER_CONTEXT, and LABGRADER_PORT_HOST, see DockerEndpoint), so that its docker commands and
     * labgrader see the same engine.
     */
    private ScriptRun runScript(List<WhileWatching.Reached> reached, String engine, Clock clock, PrintStream log) {
        Instant started = clock.instant();
        String sha256;
        try {
            sha256 = Hashes.sha256(Files.readAllBytes(script));
        } catch (IOException e) {
            return new ScriptRun(script.toString(), null, engine, started, clock.instant(), null, false,
                    timeoutSeconds, 0, false, "", "cannot run bash: " + e.getMessage());
        }
        Map<String, String> env = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        for (WhileWatching.Reached r : reached) {
            env.putAll(r.place().scriptEnvironment());
            removed.addAll(r.place().scriptEnvironmentRemoved());
        }
        // no input: a script waiting for a keypress must not hang the job; its output is shown as it comes
        CommandResult result = ProcessCommandRunner.run(List.of("bash", script.toAbsolutePath().toString()),
                Duration.ofSeconds(timeoutSeconds), ProcessOptions.script(env, removed, log::println, MAX_KEPT_OUTPUT));
        if (result.startError() != null) {
            return new ScriptRun(script.toString(), sha256, engine, started, clock.instant(), null, false,
                    timeoutSeconds, 0, false, "", "cannot run bash: " + result.startError());
        }
        Integer exit = result.timedOut() ? null : result.exitCode();
        return new ScriptRun(script.toString(), sha256, engine, started, clock.instant(), exit,
                result.timedOut(), timeoutSeconds, result.stdoutBytes(), result.truncated(), result.stdout(), null);
    }

    /** The script, its output as it said it, and how it ended, into the evidence's raw/ folder. */
    private void keep(EvidenceBundle bundle, ScriptRun run) {
        try {
            if (run.scriptSha256() != null) {
                bundle.saveRaw("replay-script-" + script.getFileName(), Files.readAllBytes(script));
            }
            String output = run.output() + (run.outputTruncated()
                    ? "\n[labgrader: output truncated after " + MAX_KEPT_OUTPUT + " of " + run.outputBytes() + " bytes]\n" : "");
            bundle.saveRaw("replay-output.txt", output.getBytes(StandardCharsets.UTF_8));
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("script", run.script());
            summary.put("scriptSha256", run.scriptSha256());
            summary.put("engine", run.engine());
            summary.put("started", run.started().toString());
            summary.put("ended", run.ended().toString());
            summary.put("exitCode", run.exitCode());
            summary.put("timedOut", run.timedOut());
            summary.put("timeoutSeconds", run.timeoutSeconds());
            summary.put("outputBytes", run.outputBytes());
            summary.put("outputTruncated", run.outputTruncated());
            summary.put("error", run.error());
            bundle.saveRaw("replay.json", Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
        } catch (IOException | RuntimeException e) {
            System.err.println("labgrader: cannot keep the replay's output in " + bundle.dir() + ": " + e.getMessage());
        }
    }
}
