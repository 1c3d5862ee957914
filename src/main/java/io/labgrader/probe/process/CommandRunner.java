package io.labgrader.probe.process;

import java.time.Duration;
import java.util.List;

/** Runs a command with a hard time bound. Never throws for a failing command; the result says what happened. */
@FunctionalInterface
public interface CommandRunner {

    CommandResult run(List<String> command, Duration timeout);
}
