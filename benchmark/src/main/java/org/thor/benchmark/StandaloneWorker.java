package org.thor.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A Connect standalone worker in a child JVM with no connector yet; connectors come through REST. */
final class StandaloneWorker implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private StandaloneWorker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Producer settings for a tuned worker: batches of up to 256 KB, lingering 5 ms to fill them. */
    static final Map<String, String> TUNED = Map.of("producer.linger.ms", "5", "producer.batch.size", "262144");

    /** A worker with Connect's defaults but for {@code settings} (e.g. {@link #TUNED}). */
    static StandaloneWorker start(Path directory, String bootstrapServers, String classPath, Map<String, String> settings)
            throws Exception {
        Files.createDirectories(directory);
        int port = RestReady.freePort();
        Map<String, String> worker = new TreeMap<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "listeners", "http://127.0.0.1:" + port,
                "plugin.discovery", "service_load",
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                "offset.storage.file.filename", directory.resolve("offsets").toString(),
                "offset.flush.interval.ms", "1000"));
        worker.putAll(settings);
        Path properties = directory.resolve("worker.properties");
        Files.writeString(properties, worker.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        String options = System.getProperty("worker.jvm.options", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-cp", classPath, "org.apache.kafka.connect.cli.ConnectStandalone", properties.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("worker.log").toFile())
                .start();
        RestReady.await(process, port, Duration.ofMinutes(2), directory.resolve("worker.log").toString());
        return new StandaloneWorker(process, port);
    }

    void createConnector(String name, Map<String, String> config) throws Exception {
        Map<String, String> all = new TreeMap<>(config);
        all.put("tasks.max", "1");
        all.put("topic", name);
        String json = all.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/connectors/" + name + "/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Creating " + name + " failed: " + response.body());
        }
    }

    /** The worker JVM's figures. */
    ProcessStats stats() {
        return ProcessStats.of(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
