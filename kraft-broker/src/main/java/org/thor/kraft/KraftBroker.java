package org.thor.kraft;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.thor.testing.LoopbackPorts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), run in a child
 * JVM from the Kafka jars on this JVM's class path, listening on 127.0.0.1 only.
 * <p>
 * The ports are chosen once, so {@link #stop()} followed by {@link #start()} brings the same broker
 * back with its data, as after an outage.
 */
public final class KraftBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;
    private final int brokerPort;
    private final int controllerPort;
    private final String clusterId = Uuid.randomUuid().toString();
    /** A second listener, over TLS, with this key store; null for none. */
    private final Ssl ssl;
    private Process process;
    private boolean formatted;

    /** A TLS listener's port and the PKCS12 key store (with its password) that holds the broker's key. */
    public record Ssl(int port, Path keyStore, String password) {
    }

    private KraftBroker(Path directory, int brokerPort, Ssl ssl) throws IOException {
        this.directory = directory;
        this.brokerPort = brokerPort;
        this.controllerPort = LoopbackPorts.free();
        this.ssl = ssl;
    }

    /** A broker on a free port whose files live under {@code directory}; not started yet. */
    public static KraftBroker create(Path directory) throws IOException {
        return new KraftBroker(directory, LoopbackPorts.free(), null);
    }

    /**
     * A broker that also listens over TLS (on a free port, with the key in {@code keyStore}, PKCS12),
     * beside its plaintext listener; started.
     */
    public static KraftBroker startWithSsl(Path directory, Path keyStore, String password) throws IOException {
        KraftBroker broker = new KraftBroker(directory, LoopbackPorts.free(), new Ssl(LoopbackPorts.free(), keyStore, password));
        broker.start();
        return broker;
    }

    /** host:port of the TLS listener. */
    public String sslBootstrapServers() {
        if (ssl == null) {
            throw new IllegalStateException("This broker has no TLS listener");
        }
        return "127.0.0.1:" + ssl.port();
    }

    /** A broker on the given port whose files live under {@code directory}; not started yet. */
    public static KraftBroker create(Path directory, int brokerPort) throws IOException {
        return new KraftBroker(directory, brokerPort, null);
    }

    /** Creates a broker under {@code directory} and starts it. */
    public static KraftBroker start(Path directory) throws IOException {
        KraftBroker broker = create(directory);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public int port() {
        return brokerPort;
    }

    public Path logFile() {
        return directory.resolve("broker.log");
    }

    /** Starts the broker process and returns once it answers metadata requests. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        Path properties = writeServerProperties();
        if (!formatted) {
            format(properties);
            formatted = true;
        }
        process = java("kafka.Kafka", properties.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        awaitReady();
    }

    /** Stops the broker process gracefully (a controlled shutdown), keeping its data. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    /** Creates a topic, waiting until the broker confirms it. */
    public void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topic " + topic, e);
        }
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }

    private Path writeServerProperties() throws IOException {
        Files.createDirectories(directory);
        String loopback = "127.0.0.1";
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + loopback + ":" + controllerPort,
                "listeners=PLAINTEXT://" + loopback + ":" + brokerPort + ",CONTROLLER://" + loopback + ":" + controllerPort
                        + (ssl == null ? "" : ",SSL://" + loopback + ":" + ssl.port()),
                "advertised.listeners=PLAINTEXT://" + loopback + ":" + brokerPort + (ssl == null ? "" : ",SSL://" + loopback + ":" + ssl.port()),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SSL:SSL",
                ssl == null ? "" : "listener.name.ssl.ssl.keystore.location=" + ssl.keyStore().toAbsolutePath(),
                ssl == null ? "" : "listener.name.ssl.ssl.keystore.password=" + ssl.password(),
                ssl == null ? "" : "listener.name.ssl.ssl.key.password=" + ssl.password(),
                ssl == null ? "" : "listener.name.ssl.ssl.keystore.type=PKCS12",
                "log.dirs=" + directory.resolve("data").toAbsolutePath(),
                "num.partitions=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Path file = directory.resolve("server.properties");
        Files.writeString(file, properties, StandardCharsets.UTF_8);
        return file;
    }

    private void format(Path properties) throws IOException {
        Process formatter = java("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "-t", clusterId, "-c", properties.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        try {
            if (!formatter.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                formatter.destroyForcibly();
                throw new IOException("Formatting the KRaft storage failed; see " + logFile());
            }
        } catch (InterruptedException e) {
            formatter.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while formatting the KRaft storage", e);
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("The broker exited with code " + process.exitValue() + "; see " + logFile());
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not listening yet: ask again until the deadline
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IOException("Interrupted while waiting for the broker", e);
        }
        stop();
        throw new IOException("The broker was not ready within " + READY_TIMEOUT + "; see " + logFile());
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Djava.net.preferIPv4Stack=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

}
