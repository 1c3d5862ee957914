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
import java.util.Map;
import java.util.function.Supplier;

/** The labgrader command. */
@Command(addMethodSubcommands = false, name = "labgrader", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Grades the lab \"Docker vs. virtual machine\" from evidence of the real environment.")
public final class Main implements Runnable {

    /**
     * The subcommands, in the order of the help. Added by {@link #commandLine} rather than listed in @Command, so
     * that a run builds picocli's model of its own subcommand only: building all seven (reflection over their
     * options and mixins) was a fifth of a check's start.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        // picocli looks for Groovy's Closure class (annotations holding closures) unless told not to: a failed class
        // lookup through the whole jar on every start, for a feature labgrader does not use. Its documented switch.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        SUBCOMMANDS.put("check", CheckCommand::new);
        SUBCOMMANDS.put("watch", WatchCommand::new);
        SUBCOMMANDS.put("grade", GradeCommand::new);
        SUBCOMMANDS.put("merge", MergeCommand::new);
        SUBCOMMANDS.put("rubric", RubricCommand::new);
        SUBCOMMANDS.put("labs", LabsCommand::new);
        SUBCOMMANDS.put("replay", ReplayCommand::new);
        SUBCOMMANDS.put("gradescope", GradescopeCommand::new);
    }

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        Timings.mark("java main");
        printInTheConsolesEncoding();
        Timings.mark("console encoding");
        System.exit(execute(args));
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
        CommandLine cli = new CommandLine(new Main());
        Supplier<Object> only = first == null ? null : SUBCOMMANDS.get(first);
        if (only != null) {
            cli.addSubcommand(first, only.get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
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
