package io.labgrader.probe.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A program meant to outlive labgrader (the check server): started and left, not waited for. Its stdin is closed and
 * its output goes to a log file, so it holds nothing of the terminal; what bounds its life is the program itself
 * (the check server ends after its idle time), not a timeout here as for {@link ProcessCommandRunner}'s commands.
 */
public final class DetachedProcess {

    private DetachedProcess() {
    }

    /** Starts {@code command} in this process's working folder and environment, output and errors into {@code log}. */
    public static void start(List<String> command, Path log) throws IOException {
        new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))) // only started on Linux and macOS
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectErrorStream(true)
                .start();
    }
}
