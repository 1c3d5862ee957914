package io.labgrader.ci;

import io.labgrader.testing.Commands;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/**
 * gitlab-ci-local, the real runner these tests run .gitlab-ci.yml with (scripts/prepare-gitlab-ci-local.sh installs
 * it). Where it is missing the tests are skipped, unless LABGRADER_REQUIRE_GITLAB_CI_LOCAL=1: then they fail.
 */
final class GitlabCiLocal {

    static final String REQUIRE = "LABGRADER_REQUIRE_GITLAB_CI_LOCAL";

    private GitlabCiLocal() {
    }

    /** Skips the calling test class (or fails it, where required) when gitlab-ci-local or rsync is missing. */
    static void assumeInstalled() {
        List<String> missing = new ArrayList<>();
        for (String tool : new String[]{"gitlab-ci-local", "rsync", "git"}) {
            if (onPath(tool) == null) {
                missing.add(tool);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = String.join(", ", missing) + " not found on PATH; run scripts/prepare-gitlab-ci-local.sh";
        if ("1".equals(System.getenv(REQUIRE))) {
            fail(message + " (" + REQUIRE + "=1 requires the pipeline tests)");
        }
        Assumptions.abort(message);
    }

    static Path onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Runs gitlab-ci-local in {@code repo}. Its shell jobs inherit this environment: they find the Java that runs
     * these tests first on PATH (so "java -jar labgrader.jar" runs on the same Java 17), and no DOCKER_HOST.
     */
    static Commands.Result run(Path repo, Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("gitlab-ci-local", "--no-color"));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        env.put("NO_COLOR", "1");
        // jobs see this process's environment: the engine a job uses is only the one its variables name
        env.put("DOCKER_HOST", "");
        return Commands.run(repo, env, timeout, command);
    }

    /** Makes {@code dir} a git repository with everything in it committed, as a clone on GitLab would be. */
    static void commitAll(Path dir, String remote) {
        git(dir, "init", "-q", "-b", "main");
        git(dir, "remote", "add", "origin", remote);
        git(dir, "add", "-A");
        git(dir, "-c", "user.name=Lab Student", "-c", "user.email=student@example.com", "commit", "-q", "-m", "lab");
    }

    private static void git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Commands.Result r = Commands.run(null, Map.of(), Duration.ofSeconds(60), command);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + r.all());
        }
    }

    /** The log lines a job printed, without gitlab-ci-local's "job > " prefix. */
    static List<String> jobOutput(Commands.Result result, String job) {
        List<String> lines = new ArrayList<>();
        for (String line : result.all().split("\n")) {
            if (line.startsWith(job + " ")) {
                String rest = line.substring(job.length()).stripLeading();
                if (rest.startsWith("> ")) {
                    lines.add(rest.substring(2));
                } else if (rest.equals(">")) {
                    lines.add("");
                }
            }
        }
        return lines;
    }
}
