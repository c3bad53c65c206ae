package org.thor.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Thor distribution as an operator runs it: the archive unpacked, {@code etc/} edited only for
 * the broker and free ports, {@code bin/karaf server} started, a connector created by dropping its
 * {@code etc/org.thor.connector-NAME.cfg} file. Everything else is as shipped.
 */
final class ThorDistribution implements AutoCloseable {

    private final Path home;
    private final Process process;
    private final int restPort;
    private final double startSeconds;

    private ThorDistribution(Path home, Process process, int restPort, double startSeconds) {
        this.home = home;
        this.process = process;
        this.restPort = restPort;
        this.startSeconds = startSeconds;
    }

    /**
     * Unpacks {@code archive} under {@code directory}, points it at the broker and starts it with this
     * process's {@code EXTRA_JAVA_OPTS}; returns once REST answers.
     */
    static ThorDistribution start(Path archive, Path directory, String bootstrapServers) throws Exception {
        return start(archive, directory, bootstrapServers, System.getenv("EXTRA_JAVA_OPTS"));
    }

    /** As {@link #start(Path, Path, String)}, with {@code EXTRA_JAVA_OPTS} set to {@code extraJavaOpts} (null or empty: as shipped). */
    static ThorDistribution start(Path archive, Path directory, String bootstrapServers, String extraJavaOpts) throws Exception {
        Files.createDirectories(directory);
        run(List.of("tar", "-xzf", archive.toString(), "-C", directory.toString()));
        Path home;
        try (Stream<Path> unpacked = Files.list(directory)) {
            home = unpacked.filter(Files::isDirectory).findFirst().orElseThrow(() -> new IOException(archive + " holds no directory"));
        }
        int restPort = RestReady.freePort();
        Path etc = home.resolve("etc");
        set(etc.resolve("org.thor.worker.cfg"), Map.of("bootstrap.servers", bootstrapServers,
                "listeners", "http://127.0.0.1:" + restPort));
        set(etc.resolve("org.apache.karaf.shell.cfg"), Map.of("sshPort", Integer.toString(RestReady.freePort())));
        set(etc.resolve("org.apache.karaf.management.cfg"), Map.of("rmiRegistryPort", Integer.toString(RestReady.freePort()),
                "rmiServerPort", Integer.toString(RestReady.freePort())));
        long begin = System.nanoTime();
        ProcessBuilder karaf = new ProcessBuilder(home.resolve("bin").resolve("karaf").toString(), "server")
                .redirectErrorStream(true).redirectOutput(home.resolve("karaf.out").toFile());
        if (extraJavaOpts == null || extraJavaOpts.isBlank()) {
            karaf.environment().remove("EXTRA_JAVA_OPTS");
        } else {
            karaf.environment().put("EXTRA_JAVA_OPTS", extraJavaOpts);
        }
        Process process = karaf.start();
        RestReady.await(process, restPort, Duration.ofMinutes(3), home.resolve("data/log/karaf.log").toString());
        return new ThorDistribution(home, process, restPort, (System.nanoTime() - begin) / 1e9);
    }

    /** Seconds from {@code bin/karaf server} to the REST API answering {@code GET /connectors}. */
    double startSeconds() {
        return startSeconds;
    }

    /** Creates a connector the way an operator does: a file in {@code etc/}, written whole at once. */
    void deployConnector(String name, Map<String, String> config) throws IOException {
        Path file = home.resolve("etc").resolve("org.thor.connector-" + name + ".cfg");
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, config.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Returns once the connector's first task runs. */
    void awaitTaskRunning(String name, Duration timeout) throws Exception {
        RestReady.awaitAnswer(process, restPort, "/connectors/" + name + "/status",
                body -> body.contains("\"tasks\":[{\"id\":0,\"state\":\"RUNNING\""), timeout,
                home.resolve("data/log/karaf.log").toString());
    }

    /** The Karaf JVM's figures (bin/karaf runs it as its child). */
    ProcessStats stats() {
        return ProcessStats.of(jvm().pid());
    }

    /** The Karaf JVM's heap, read through the attach API. */
    HeapProbe heapProbe() throws Exception {
        return HeapProbe.attach(jvm().pid());
    }

    private ProcessHandle jvm() {
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElse(process.toHandle());
    }

    @Override
    public void close() throws Exception {
        ProcessHandle jvm = jvm();
        jvm.destroy();
        process.destroy();
        try {
            jvm.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            jvm.destroyForcibly();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Sets keys in a {@code .cfg} file, replacing their lines (commented or not) or adding them. */
    private static void set(Path cfg, Map<String, String> values) throws IOException {
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg)) : new ArrayList<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            lines.removeIf(line -> line.matches("\\s*#?\\s*" + java.util.regex.Pattern.quote(value.getKey()) + "\\s*[=:].*"));
            lines.add(value.getKey() + " = " + value.getValue());
        }
        Files.write(cfg, lines);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
