package org.thor.file;

import org.thor.testing.LoopbackPorts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A stock Kafka Connect standalone worker ({@code ConnectStandalone}) in a child JVM on this
 * JVM's class path, so it can be killed like a real one. It finds the connector the way any worker
 * does with {@code plugin.discovery=service_load}: through META-INF/services in target/classes.
 */
final class ConnectWorker implements AutoCloseable {

    private final Path directory;
    private final int restPort;
    private final int jmxPort;
    private final String connectorName;
    private Process process;

    private ConnectWorker(Path directory, String connectorName) throws IOException {
        this.directory = directory;
        this.connectorName = connectorName;
        this.restPort = LoopbackPorts.free();
        this.jmxPort = LoopbackPorts.free();
    }

    /** Starts a worker whose offsets live under {@code directory} and waits until the connector's task runs. */
    static ConnectWorker start(Path directory, String bootstrapServers, Map<String, String> connector) throws IOException {
        ConnectWorker worker = new ConnectWorker(directory, connector.get("name"));
        worker.writeProperties(bootstrapServers, connector);
        worker.start();
        return worker;
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Djava.net.preferIPv4Stack=true",
                "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.connect.cli.ConnectStandalone",
                directory.resolve("worker.properties").toString(),
                directory.resolve("connector.properties").toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .failFast("the worker exited; see " + log(), () -> !process.isAlive())
                .until(() -> status().contains("\"tasks\":[{\"id\":0,\"state\":\"RUNNING\""));
    }

    /** Under target/ rather than the test's temporary directory, so it survives a failed run. */
    Path log() {
        return Path.of("target", "worker-logs", connectorName + ".log").toAbsolutePath();
    }

    int jmxPort() {
        return jmxPort;
    }

    /** The process dies at once (SIGKILL): no offset flush, no producer flush, nothing graceful. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String status() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + restPort + "/connectors/" + connectorName + "/status"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body().replace(" ", "");
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void writeProperties(String bootstrapServers, Map<String, String> connector) throws IOException {
        Files.createDirectories(directory);
        Files.createDirectories(log().getParent());
        Map<String, String> worker = new LinkedHashMap<>();
        worker.put("bootstrap.servers", bootstrapServers);
        worker.put("listeners", "http://127.0.0.1:" + restPort);
        worker.put("plugin.discovery", "service_load");
        worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        worker.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        worker.put("offset.storage.file.filename", directory.resolve("offsets").toString());
        worker.put("offset.flush.interval.ms", "1000");
        worker.put("producer.linger.ms", "5");
        worker.put("producer.batch.size", "262144");
        Files.writeString(directory.resolve("worker.properties"), properties(worker));
        Files.writeString(directory.resolve("connector.properties"), properties(connector));
    }

    private static String properties(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

}
