package org.thor.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.thor.kraft.KraftBroker;
import org.thor.kraft.TopicReader;
import org.thor.testing.LoopbackPorts;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The foundation, as an operator meets it: Karaf with {@code feature:install thor}, the Connect REST
 * API on the configured port, a connector bundle installed at run time, a live edit of
 * {@code etc/org.thor.worker.cfg}, and a clean stop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundationIT {

    private static final String COUNTER = "org.thor.counting.CountingSourceConnector";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final String topic = "counted-" + System.nanoTime();
    private ThorStack stack;
    private KraftBroker broker;
    private ThorKaraf karaf;
    private ThorRest rest;
    private TopicReader reader;
    private final List<String> received = new ArrayList<>();
    private String counterBundleId;

    @BeforeAll
    void bootKarafAgainstABroker() throws Exception {
        long bootStart = System.nanoTime();
        stack = ThorStack.boot("foundation");
        broker = stack.broker();
        karaf = stack.karaf();
        rest = karaf.rest();
        System.out.printf("Karaf boot to REST ready: %.1f s%n", (System.nanoTime() - bootStart) / 1e9);
    }

    @AfterAll
    void stopEverything() {
        if (reader != null) {
            reader.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theRestApiAnswersOnTheConfiguredPort() throws Exception {
        ThorRest.Response connectors = rest.get("/connectors");
        assertEquals(200, connectors.status());
        assertEquals("[]", connectors.body());
        assertTrue(rest.get("/").body().contains("\"version\":\"4.4.0\""), rest.get("/").body());
        assertTrue(rest.get("/connector-plugins").body().contains("org.thor.file.LogFileSourceConnector"));
    }

    @Test
    @Order(2)
    void aConnectorBundleInstalledAtRunTimeIsListedAndProducesIntoKafka() throws Exception {
        counterBundleId = stack.installTestBundle("counting-connector");

        await().atMost(WAIT).until(() -> rest.get("/connector-plugins").body().contains(COUNTER));
        ThorRest.Response created = rest.put("/connectors/counter/config",
                "{\"connector.class\":\"" + COUNTER + "\",\"topic\":\"" + topic + "\",\"tasks.max\":\"1\"}");
        assertEquals(201, created.status(), created.body());

        reader = new TopicReader(broker.bootstrapServers(), topic);
        readAtLeast(300);
        assertEquals(numbers(0, received.size()), received, "the numbers arrive in order, none missing");
    }

    @Test
    @Order(3)
    void aNewWorkerConfigurationTakesEffectLiveAndKeepsOffsets() throws Exception {
        int newPort = LoopbackPorts.free();
        ThorRest moved = new ThorRest(newPort);
        long before = System.nanoTime();
        karaf.editConfig("org.thor.worker.cfg", "listeners", "http://127.0.0.1:" + newPort);

        await().atMost(WAIT).until(() -> moved.get("/connectors").body().contains("counter"));
        System.out.printf("Worker restart after a configuration edit: %.1f s%n", (System.nanoTime() - before) / 1e9);
        assertEquals(-1, rest.get("/connectors").status(), "the old port is closed");
        rest = moved;

        int beforeRestart = received.size();
        readAtLeast(beforeRestart + 300);
        long last = Long.parseLong(received.get(received.size() - 1));
        List<Long> distinct = received.stream().map(Long::parseLong).distinct().sorted().toList();
        assertEquals(LongStream.rangeClosed(0, last).boxed().toList(), distinct, "no number is missing");
        long duplicates = received.size() - distinct.size();
        System.out.printf("Numbers sent again after the worker restart: %d%n", duplicates);
        assertTrue(duplicates <= 400, "the counter resumed from its committed offset, not from 0: " + duplicates + " duplicates");
    }

    @Test
    @Order(4)
    void anInvalidWorkerConfigurationIsReportedAndTheRunningWorkerKeepsGoing() throws Exception {
        karaf.editConfig("org.thor.worker.cfg", "offset.flush.interval.ms", "soon");

        await("an error naming the key").atMost(WAIT)
                .until(() -> karaf.log().contains("Invalid value soon for configuration offset.flush.interval.ms"));
        int before = received.size();
        readAtLeast(before + 100);
        assertEquals(200, rest.get("/connectors/counter/status").status());
        karaf.editConfig("org.thor.worker.cfg", "offset.flush.interval.ms", "1000");
    }

    @Test
    @Order(5)
    void aBusyPortIsReportedAndLeavesNothingHalfStarted() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            karaf.editConfig("org.thor.worker.cfg", "listeners", "http://127.0.0.1:" + taken.getLocalPort());

            await().atMost(WAIT).until(() -> karaf.log().contains("The Thor worker did not start"));
            assertTrue(karaf.log().contains(":" + taken.getLocalPort()), "the error names the listener");
            assertEquals(-1, rest.get("/connectors").status(), "the previous worker stopped for the new configuration");
            assertNoWorkerThreads();
        }
        int port = LoopbackPorts.free();
        karaf.editConfig("org.thor.worker.cfg", "listeners", "http://127.0.0.1:" + port);
        rest = new ThorRest(port);
        await().atMost(WAIT).until(() -> rest.get("/connectors").body().contains("counter"));
    }

    @Test
    @Order(6)
    void uninstallingTheConnectorBundleRemovesItsPluginAndConnector() throws Exception {
        karaf.shell("bundle:uninstall " + counterBundleId);

        // the worker restarts without the bundle's plugins: wait until REST answers, then it must not list it
        await().atMost(WAIT).until(() -> rest.get("/connector-plugins").status() == 200);
        ThorRest.Response plugins = rest.get("/connector-plugins");
        assertEquals(200, plugins.status(), "REST answers after the bundle is gone");
        assertFalse(plugins.body().contains(COUNTER), "the plugin is gone from /connector-plugins");
        await().atMost(WAIT).until(() -> rest.get("/connectors").body().equals("[]"));
        received.addAll(TopicReader.values(reader.readUntilQuiet(Duration.ofSeconds(3))));
        assertTrue(reader.read(1, Duration.ofSeconds(3)).isEmpty(), "the counter stopped with its bundle");
        assertFalse(karaf.log().contains("ClassNotFoundException: " + COUNTER));
    }

    @Test
    @Order(7)
    void stoppingTheRuntimeBundleFreesThePortAndStopsItsThreads() throws Exception {
        karaf.shell("bundle:stop org.thor.runtime");

        assertEquals(-1, rest.get("/connectors").status(), "the REST port is free");
        assertNoWorkerThreads();
        assertFalse(karaf.shell("shell:threads --list").contains("thor-worker-control"));
    }

    private void assertNoWorkerThreads() throws Exception {
        String threads = karaf.shell("shell:threads --list");
        for (String name : List.of("kafka-producer-network-thread", "task-thread-", "qtp",
                "kafka-admin-client-thread", "StandaloneHerder", "OffsetBackingStore", "connector-thread-")) {
            assertFalse(threads.contains(name), "a thread " + name + " is left:\n" + threads);
        }
    }

    private void readAtLeast(int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            received.addAll(TopicReader.values(reader.read(count - received.size(), Duration.ofSeconds(5))));
        }
        assertTrue(received.size() >= count, "only " + received.size() + " of " + count + " records arrived");
    }

    private static List<String> numbers(long from, int count) {
        return LongStream.range(from, from + count).mapToObj(Long::toString).toList();
    }
}
