package io.labgrader.labs.networks;

import io.labgrader.testing.Commands;
import io.labgrader.testing.LabDocker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.labgrader.testing.Commands.dockerOk;

/**
 * What a student of the lab "Docker networks and volumes" does on the real engine, under names unique to one test
 * (so that nothing another test or engineer made is touched), and the clean-up of everything it made.
 */
final class NetScene implements AutoCloseable {

    /** The page the student writes into the volume. */
    static final String OWN_PAGE = "<!DOCTYPE html><html><head><title>Meine eigene Seite</title></head>"
            + "<body><h1>Hallo aus dem Volume</h1></body></html>";
    static final String NGINX_HTML = "/usr/share/nginx/html";

    final String tag = "lg2-" + UUID.randomUUID().toString().substring(0, 6);
    final String network = tag + "-net";
    final String volume = tag + "-vol";
    private final List<String> containers = new ArrayList<>();
    private final List<String> volumes = new ArrayList<>();
    private final List<String> networks = new ArrayList<>();

    String name(String what) {
        return tag + "-" + what;
    }

    void createNetwork() {
        dockerOk("network", "create", network);
        networks.add(network);
    }

    void createVolume() {
        dockerOk("volume", "create", volume);
        volumes.add(volume);
    }

    /** The volume that "-v NAME:/path" creates on first use, without "docker volume create": removed by close() too. */
    void volumeCreatedByRun() {
        volumes.add(volume);
    }

    /** docker run -d --name NAME ARGS… IMAGE [COMMAND…]; the container's short id, as messages show it. */
    String run(String name, String image, String... argsThenCommand) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name));
        int split = Arrays.asList(argsThenCommand).indexOf("--");
        List<String> options = split < 0 ? Arrays.asList(argsThenCommand) : Arrays.asList(argsThenCommand).subList(0, split);
        List<String> command = split < 0 ? List.of() : Arrays.asList(argsThenCommand).subList(split + 1, argsThenCommand.length);
        args.addAll(options);
        args.add(image);
        args.addAll(command);
        containers.add(name);
        return dockerOk(args.toArray(String[]::new)).substring(0, 12);
    }

    /** Writes the student's own page into the running nginx's web folder (which is the volume). */
    void writeOwnPage(String nginx) {
        dockerOk("exec", nginx, "sh", "-c", "printf '%s' '" + OWN_PAGE + "' > " + NGINX_HTML + "/index.html");
    }

    /** A second container that keeps running: nginx's image with sleep as its command. */
    String client(String name, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("--", "sleep", "600"));
        return run(name, "nginx:latest", args.toArray(String[]::new));
    }

    void removeForce(String name) {
        dockerOk("rm", "-f", name);
    }

    static void awaitPage(int port) {
        LabDocker.awaitHttp(port, Duration.ofSeconds(20));
    }

    /** Removes what the scene made, containers first (a volume or network in use cannot be removed). */
    @Override
    public void close() {
        for (String c : containers) {
            Commands.docker("rm", "-f", "-v", c);
        }
        for (String v : volumes) {
            Commands.docker("volume", "rm", "-f", v);
        }
        for (String n : networks) {
            Commands.docker("network", "rm", n);
        }
    }
}
