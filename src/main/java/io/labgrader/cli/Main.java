package io.labgrader.cli;

import io.labgrader.evidence.EvidenceException;
import io.labgrader.report.ConsoleEncoding;
import io.labgrader.report.ConsolePrintStream;
import io.labgrader.rubric.RubricException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.FileDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/** The labgrader command. */
@Command(addMethodSubcommands = false, name = "labgrader", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Grades the lab \"Docker vs. virtual machine\" from evidence of the real environment.")
public final class Main implements Runnable {

    /**
     * The subcommands, in the order of the help. Added by {@link #commandLine} rather than listed in @Command, so
     * that a run builds picocli's model of its own subcommand only: building all seven (reflection over their
     * options and mixins) was a fifth of a check's start. A class of its own, so that a check handed to the
     * {@link CheckServer} loads none of them.
     */
    private static final class Subcommands {
        static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

        static {
            // picocli looks for Groovy's Closure class (annotations holding closures) unless told not to: a failed
            // class lookup through the whole jar on every start, for a feature labgrader does not use. Its switch.
            if (System.getProperty("picocli.disable.closures") == null) {
                System.setProperty("picocli.disable.closures", "true");
            }
            ALL.put("check", CheckCommand::new);
            ALL.put("watch", WatchCommand::new);
            ALL.put("grade", GradeCommand::new);
            ALL.put("merge", MergeCommand::new);
            ALL.put("rubric", RubricCommand::new);
            ALL.put("labs", LabsCommand::new);
            ALL.put("replay", ReplayCommand::new);
            ALL.put("gradescope", GradescopeCommand::new);
        }
    }

    /** Set by the launcher when it has just asked the check server in vain (-Dlabgrader.server.asked=true). */
    static final String SERVER_ASKED = "labgrader.server.asked";

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        Timings.mark("java main");
        // a check goes to the labgrader kept running in the background when there is one; the first check starts it.
        // The POSIX launcher has asked the server already (CheckServerClient.main) when it says so
        Optional<CheckServerPlace> server = CheckServerPlace.forCheck(List.of(args));
        if (server.isPresent() && System.getProperty(SERVER_ASKED) == null) {
            OptionalInt served = CheckServerClient.forward(server.get(), args);
            if (served.isPresent()) {
                Timings.mark("served");
                System.exit(served.getAsInt());
            }
        }
        printInTheConsolesEncoding();
        Timings.mark("console encoding");
        int code = execute(args);
        server.ifPresent(CheckServer::startInBackground);
        System.exit(code);
    }

    /**
     * stdout and stderr in the encoding the JVM chose for them (the console's code page on Windows, the locale's
     * elsewhere), through streams that spell in ASCII what that encoding lacks instead of printing "?".
     * The Windows console is not switched to UTF-8 (SetConsoleOutputCP, possible through JNA): that cannot be tested
     * here, stays switched if labgrader is killed, and the console's font may lack ✔ anyway; printing in the
     * console's own code page is what can be relied on.
     */
    private static void printInTheConsolesEncoding() {
        ConsoleEncoding out = new ConsoleEncoding(ConsoleEncoding.charsetOf(System.out, "sun.stdout.encoding"));
        ConsoleEncoding err = new ConsoleEncoding(ConsoleEncoding.charsetOf(System.err, "sun.stderr.encoding"));
        System.out.flush();
        System.err.flush();
        System.setOut(ConsolePrintStream.of(FileDescriptor.out, out));
        System.setErr(ConsolePrintStream.of(FileDescriptor.err, err));
    }

    /** Runs the command and returns its exit code (for tests, without exiting the JVM). */
    public static int execute(String... args) {
        CommandLine cli = commandLine(args.length > 0 ? args[0] : null);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof RubricException rubricProblems) {
                return rubricError(rubricProblems); // what RubricSource.load throws out of a command's call()
            }
            if (e instanceof RubricSource.LabChoiceException choice) {
                System.err.println("labgrader: " + choice.getMessage()); // --lab of no lab, or with --rubric
                return ExitCodes.BAD_INPUT;
            }
            if (e instanceof EvidenceException evidenceProblem) {
                // the evidence folder cannot be opened or written (EvidenceOption.open): nothing can be graded
                System.err.println("labgrader: " + evidenceProblem.getMessage());
                return ExitCodes.NOTHING_GRADABLE;
            }
            // the last line of defence: a message, never a stack trace
            commandLine.getErr().println("labgrader: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            commandLine.getErr().println("labgrader: this is a fault in labgrader; please report it with the command you ran.");
            return ExitCodes.NOTHING_GRADABLE;
        });
        return cli.execute(args);
    }

    /**
     * The command line for a run whose first argument is {@code first}: with that subcommand only when it names
     * one (what else could picocli run?), else with all of them (help, a mistyped name, --version).
     */
    static CommandLine commandLine(String first) {
        Map<String, Supplier<Object>> all = Subcommands.ALL; // first: it switches picocli's closure lookup off
        CommandLine cli = new CommandLine(new Main());
        Supplier<Object> only = first == null ? null : all.get(first);
        if (only != null) {
            cli.addSubcommand(first, only.get());
        } else {
            all.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static int rubricError(RubricException e) {
        System.err.println("labgrader: the rubric is invalid:");
        e.problems().forEach(p -> System.err.println("  " + p));
        return ExitCodes.BAD_INPUT;
    }
}
