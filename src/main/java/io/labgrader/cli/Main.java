package io.labgrader.cli;

import io.labgrader.evidence.EvidenceException;
import io.labgrader.rubric.RubricException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The labgrader command. */
@Command(name = "labgrader", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Grades the lab \"Docker vs. virtual machine\" from evidence of the real environment.",
        subcommands = {CheckCommand.class, WatchCommand.class, GradeCommand.class, MergeCommand.class, RubricCommand.class,
                ReplayCommand.class, GradescopeCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command and returns its exit code (for tests, without exiting the JVM). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof RubricException rubricProblems) {
                return rubricError(rubricProblems); // what RubricSource.load throws out of a command's call()
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

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    private static int rubricError(RubricException e) {
        System.err.println("labgrader: the rubric is invalid:");
        e.problems().forEach(p -> System.err.println("  " + p));
        return ExitCodes.BAD_INPUT;
    }
}
