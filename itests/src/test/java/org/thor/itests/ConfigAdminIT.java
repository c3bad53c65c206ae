package org.thor.itests;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Configuration admin drives the connectors, as an operator meets it: one file
 * {@code etc/org.thor.connector-NAME.cfg} per connector, created, edited and deleted live; connectors
 * made through the REST API land in {@code etc/} too; a bad file is reported and stops nothing; a
 * restart of the worker or of the runtime bundle brings every connector back with its offsets. A
 * "steady" connector runs through it all, and its numbers must show no gap and no duplicate
 * wherever only other connectors change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigAdminIT {

    private static final String COUNTER = "org.thor.counting.CountingSourceConnector";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final String run = Long.toString(System.nanoTime());
    private Path work;
    private ThorStack stack;
    private KraftBroker broker;
    private ThorKaraf karaf;
    private ThorRest rest;
    private final Numbers steady = new Numbers();

    @BeforeAll
    void bootKarafWithTheCountingConnector() throws Exception {
        stack = ThorStack.boot("configadmin");
        work = stack.work();
        broker = stack.broker();
        karaf = stack.karaf();
        rest = karaf.rest();
        stack.installTestBundle("counting-connector");
        await().atMost(WAIT).until(() -> rest.get("/connector-plugins").body().contains(COUNTER));
    }

    @AfterAll
    void stopEverything() {
        steady.close();
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aFileInEtcCreatesItsConnector() throws Exception {
        writeConnector("steady", Map.of("connector.class", COUNTER, "topic", "steady-" + run, "records.per.second", "200"));

        await().atMost(WAIT).until(() -> rest.get("/connectors/steady/status").body().contains("\"state\":\"RUNNING\""));
        steady.open(broker, "steady-" + run);
        steady.readAtLeast(200);
        steady.assertConsecutive("the steady connector counts from 0");
        assertTrue(karaf.log().contains("Connector steady created from "), "the deployer says where it came from");
    }

    @Test
    @Order(2)
    void anEditReconfiguresOnlyThatConnectorAndItsTasksResumeFromTheirOffsets() throws Exception {
        String topic = "edited-" + run;
        writeConnector("edited", Map.of("connector.class", COUNTER, "topic", topic, "records.per.second", "100"));
        try (Numbers edited = new Numbers()) {
            edited.open(broker, topic);
            edited.readAtLeast(100);

            writeConnector("edited", Map.of("connector.class", COUNTER, "topic", topic, "records.per.second", "300"));
            await().atMost(WAIT).until(() -> rest.get("/connectors/edited/config").body().contains("\"records.per.second\":\"300\""));
            edited.readAtLeast(edited.size() + 300);
            edited.assertNoGap("the edited connector resumed from its committed offset");
            assertTrue(edited.duplicates() < 300, "it did not count again from 0: " + edited.duplicates() + " duplicates");
        }

        steady.readAtLeast(steady.size() + 200);
        steady.assertConsecutive("the other connector did not blink while one was edited");
    }

    @Test
    @Order(3)
    void eachTopicEditMovesTheConnectorToTheNewTopic() throws Exception {
        // file install looks at etc/ once a second, so one edit says little: five, each to a new topic
        List<Long> millis = new ArrayList<>();
        String previousTopic = null;
        for (int edit = 1; edit <= 5; edit++) {
            String newTopic = "edited-moved-" + edit + "-" + run;
            long firstInNewTopic;
            try (TopicReader moved = new TopicReader(broker.bootstrapServers(), newTopic)) {
                long written = System.currentTimeMillis();
                writeConnector("edited", Map.of("connector.class", COUNTER, "topic", newTopic, "records.per.second", "300"));

                List<ConsumerRecord<String, String>> first = moved.read(1, WAIT);
                assertFalse(first.isEmpty(), "records arrive in the new topic");
                firstInNewTopic = first.get(0).timestamp();
                millis.add(firstInNewTopic - written);
            }
            if (previousTopic != null) {
                try (TopicReader previous = new TopicReader(broker.bootstrapServers(), previousTopic)) {
                    long late = previous.readUntilQuiet(Duration.ofSeconds(2)).stream()
                            .filter(r -> r.timestamp() > firstInNewTopic).count();
                    assertEquals(0, late, "records still went to " + previousTopic + " after the edit moved the connector");
                }
            }
            previousTopic = newTopic;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("Redeploy after a connector file edit (file written to first record in the new topic), 5 edits: "
                + "min %d ms, median %d ms, max %d ms %s%n", sorted.get(0), sorted.get(2), sorted.get(4), millis);
        steady.readAtLeast(steady.size() + 100);
        steady.assertConsecutive("the other connector did not blink");
    }

    @Test
    @Order(4)
    void deletingTheFileDeletesTheConnector() throws Exception {
        Files.delete(etc("edited"));

        await().atMost(WAIT).until(() -> !rest.get("/connectors").body().contains("\"edited\""));
        assertEquals(404, rest.get("/connectors/edited").status());
        steady.readAtLeast(steady.size() + 100);
        steady.assertConsecutive("the other connector did not blink");
    }

    @Test
    @Order(5)
    void aConnectorMadeThroughRestIsWrittenToConfigurationAdminAndEtcWithoutASecondRestart() throws Exception {
        String topic = "viarest-" + run;
        ThorRest.Response created = rest.put("/connectors/viarest/config",
                "{\"connector.class\":\"" + COUNTER + "\",\"topic\":\"" + topic + "\",\"tasks.max\":\"1\"}");
        assertEquals(201, created.status(), created.body());

        await().atMost(WAIT).until(() -> Files.exists(etc("viarest")) && Files.readString(etc("viarest")).contains(topic));
        String listed = karaf.shell("config:list '(service.factoryPid=org.thor.connector)'");
        assertTrue(listed.contains("viarest"), listed);
        assertTrue(listed.contains(topic), listed);

        ThorRest.Response changed = rest.put("/connectors/viarest/config",
                "{\"connector.class\":\"" + COUNTER + "\",\"topic\":\"" + topic + "\",\"tasks.max\":\"1\",\"records.per.second\":\"50\"}");
        assertEquals(200, changed.status(), changed.body());
        await().atMost(WAIT).until(() -> Files.readString(etc("viarest")).contains("records.per.second = 50")
                || Files.readString(etc("viarest")).contains("records.per.second=50"));
        await().atMost(WAIT).until(() -> karaf.shell("config:list '(service.factoryPid=org.thor.connector)'").contains("records.per.second = 50"));

        String log = karaf.log();
        assertTrue(log.contains("Connector viarest created through REST"), "the write-back says what it did");
        assertFalse(log.contains("Connector viarest created from") || log.contains("Connector viarest reconfigured from"),
                "the write-back did not come back as a second deployment");

        assertEquals(204, rest.delete("/connectors/viarest").status());
        await().atMost(WAIT).until(() -> !Files.exists(etc("viarest")));
        await().atMost(WAIT).until(() -> !karaf.shell("config:list '(service.factoryPid=org.thor.connector)'").contains("viarest"));
        assertEquals(404, rest.get("/connectors/viarest").status(), "the connector stays deleted");
    }

    @Test
    @Order(6)
    void aBadConfigurationIsReportedWithFileAndKeyAndStopsNothing() throws Exception {
        writeConnector("broken", Map.of("connector.class", COUNTER, "topic", "broken-" + run, "records.per.second", "99999"));
        writeConnector("ghost", Map.of("connector.class", "org.nowhere.GhostConnector", "topic", "ghost-" + run));
        // no connector.class: a log-file connector, which needs files
        writeConnector("nofiles", Map.of("topic", "nofiles-" + run));
        // an invalid edit of a running connector: the running version stays
        writeConnector("steady", Map.of("connector.class", COUNTER, "topic", "steady-" + run, "records.per.second", "many"));

        await().atMost(WAIT).until(() -> karaf.log().contains("org.thor.connector-broken.cfg: records.per.second"));
        await().atMost(WAIT).until(() -> karaf.log().contains("org.thor.connector-ghost.cfg: connector.class"));
        await().atMost(WAIT).until(() -> karaf.log().contains("org.thor.connector-nofiles.cfg: files: Missing required configuration"));
        await().atMost(WAIT).until(() -> karaf.log().contains("org.thor.connector-steady.cfg: records.per.second"));
        assertTrue(karaf.log().contains("The previous configuration keeps running"));

        String status = karaf.shell("thor:status broken");
        assertTrue(status.contains("FAILED"), status);
        assertTrue(status.contains("org.thor.connector-broken.cfg: records.per.second: Invalid value 99999"), status);
        String steadyStatus = karaf.shell("thor:status steady");
        assertTrue(steadyStatus.contains("RUNNING") && steadyStatus.contains("org.thor.connector-steady.cfg: records.per.second"), steadyStatus);
        String list = karaf.shell("thor:list");
        assertTrue(list.lines().anyMatch(line -> line.startsWith("ghost") && line.contains("FAILED") && line.contains("configuration rejected")), list);
        assertTrue(rest.get("/connectors/steady/config").body().contains("\"records.per.second\":\"200\""), "steady runs as before");

        steady.readAtLeast(steady.size() + 200);
        steady.assertConsecutive("a bad file beside it, and a bad edit of its own, did not stop the steady connector");

        writeConnector("steady", Map.of("connector.class", COUNTER, "topic", "steady-" + run, "records.per.second", "200"));
        await().atMost(WAIT).until(() -> !karaf.shell("thor:status steady").contains("Config error"));
        Files.delete(etc("broken"));
        Files.delete(etc("ghost"));
        Files.delete(etc("nofiles"));
        await().atMost(WAIT).until(() -> !karaf.shell("thor:list").contains("ghost"));
        steady.readAtLeast(steady.size() + 100);
        steady.assertConsecutive("putting the good file back found the connector running it and left it alone");
    }

    @Test
    @Order(7)
    void aWorkerConfigurationEditRestartsTheWorkerAndEveryConnectorComesBackWithItsOffsets() throws Exception {
        rest.put("/connectors/kept/config", "{\"connector.class\":\"" + COUNTER + "\",\"topic\":\"kept-" + run + "\"}");
        await().atMost(WAIT).until(() -> Files.exists(etc("kept")));
        int port = LoopbackPorts.free();
        ThorRest moved = new ThorRest(port);
        long before = System.nanoTime();
        karaf.editConfig("org.thor.worker.cfg", "listeners", "http://127.0.0.1:" + port);

        await().atMost(WAIT).until(() -> moved.get("/connectors/steady/status").body().contains("\"state\":\"RUNNING\""));
        System.out.printf("Worker restart after an org.thor.worker.cfg edit (file written to connectors running on the new port): %.2f s%n",
                (System.nanoTime() - before) / 1e9);
        rest = moved;
        assertTrue(rest.get("/connectors").body().contains("\"kept\""), rest.get("/connectors").body());
        steady.readAtLeast(steady.size() + 300);
        steady.assertNoGap("the steady connector resumed from its committed offset");
        assertTrue(steady.duplicates() < 400, steady.duplicates() + " duplicates");
    }

    @Test
    @Order(8)
    void restartingTheRuntimeBundleBringsEveryConnectorBackWithItsOffsets() throws Exception {
        long before = System.nanoTime();
        karaf.shell("bundle:restart org.thor.runtime");

        await().atMost(WAIT).until(() -> rest.get("/connectors/steady/status").body().contains("\"state\":\"RUNNING\"")
                && rest.get("/connectors/kept/status").body().contains("\"state\":\"RUNNING\""));
        System.out.printf("Runtime bundle restart (bundle:restart to every connector running again): %.2f s%n",
                (System.nanoTime() - before) / 1e9);
        int duplicatesBefore = steady.duplicates();
        steady.readAtLeast(steady.size() + 300);
        steady.assertNoGap("the steady connector came back from configuration admin and resumed from its offset");
        assertTrue(steady.duplicates() - duplicatesBefore < 400, steady.duplicates() + " duplicates");
        try (TopicReader kept = new TopicReader(broker.bootstrapServers(), "kept-" + run)) {
            List<String> values = TopicReader.values(kept.read(500, WAIT));
            assertTrue(values.size() > 100, "the REST-made connector came back: " + values.size());
            long distinct = values.stream().distinct().count();
            assertEquals(Long.parseLong(values.stream().max(java.util.Comparator.comparingLong(Long::parseLong)).orElseThrow()) + 1, distinct,
                    "it resumed from its offset, with no gap");
        }
    }

    @Test
    @Order(9)
    void aFilesEditOfALogFileConnectorFollowsTheNewFiles() throws Exception {
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path first = Files.writeString(logs.resolve("first.log"), "a1\na2\n");
        Path second = Files.writeString(logs.resolve("second.log"), "b1\nb2\n");
        String topic = "lines-" + run;
        // no connector.class: a connector file is a log-file connector unless it says otherwise
        writeConnector("lines", Map.of("files", first.toString(), "topic", topic));

        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            assertEquals(List.of("a1", "a2"), TopicReader.values(reader.read(2, WAIT)));
            writeConnector("lines", Map.of("files", second.toString(), "topic", topic));
            assertEquals(List.of("b1", "b2"), TopicReader.values(reader.read(2, WAIT)), "the new files are read, the old one no more");
            Files.writeString(first, "a3\n", java.nio.file.StandardOpenOption.APPEND);
            Files.writeString(second, "b3\n", java.nio.file.StandardOpenOption.APPEND);
            assertEquals(List.of("b3"), TopicReader.values(reader.read(1, WAIT)));
        }
    }

    /**
     * The case: a stream's pattern widened in its .cfg file from app.log to app.log*, after
     * app.log was read and renamed once. Positions are stored by directory, not by pattern: neither
     * the renamed file nor app.log is sent again.
     */
    @Test
    @Order(10)
    void wideningALogFileConnectorsPatternSendsNothingAgain() throws Exception {
        Path logs = Files.createDirectories(work.resolve("widened"));
        Path log = logs.resolve("app.log");
        String topic = "widened-" + run;
        List<String> written = new ArrayList<>();
        appendNumbered(log, written, 1000);
        writeConnector("widened", Map.of("files", log.toString(), "topic", topic));
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            assertEquals(written, TopicReader.values(reader.read(1000, WAIT)));
            Files.move(log, logs.resolve("app.log.1"));
            appendNumbered(log, written, 500);
            assertEquals(written.subList(1000, 1500), TopicReader.values(reader.read(500, WAIT)));

            writeConnector("widened", Map.of("files", logs + "/app.log*", "topic", topic));
            // the task of the new configuration has started: what it would send again it sends now
            await().atMost(WAIT).until(() -> rest.get("/connectors/widened/tasks").body().contains("app.log*")
                    && rest.get("/connectors/widened/status").body().matches("(?s).*\"tasks\":\\[\\{[^}]*\"state\":\"RUNNING\".*"));
            appendNumbered(log, written, 10);
            List<String> after = new ArrayList<>(TopicReader.values(reader.read(10, WAIT)));
            after.addAll(TopicReader.values(reader.readUntilQuiet(Duration.ofSeconds(3))));
            assertEquals(written.subList(1500, 1510), after, "after the edit, only the lines written since");
        }
    }

    private static void appendNumbered(Path log, List<String> written, int count) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String line = "widened line " + written.size();
            written.add(line);
            text.append(line).append('\n');
        }
        Files.writeString(log, text, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private Path etc(String connector) {
        return karaf.home().resolve("etc").resolve("org.thor.connector-" + connector + ".cfg");
    }

    private void writeConnector(String name, Map<String, String> config) throws IOException {
        karaf.writeConfig("org.thor.connector-" + name + ".cfg", config);
    }

    /** The numbers a counting connector wrote to its topic, read as they come. */
    static final class Numbers implements AutoCloseable {

        private final List<Long> values = new ArrayList<>();
        private TopicReader reader;

        void open(KraftBroker broker, String topic) {
            reader = new TopicReader(broker.bootstrapServers(), topic);
        }

        int size() {
            return values.size();
        }

        void readAtLeast(int count) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                TopicReader.values(reader.read(count - values.size(), Duration.ofSeconds(5))).forEach(value -> values.add(Long.parseLong(value)));
            }
            assertTrue(values.size() >= count, "only " + values.size() + " of " + count + " records arrived");
        }

        /** Exactly 0, 1, 2 … in order: no gap, no duplicate. */
        void assertConsecutive(String message) {
            assertEquals(LongStream.range(0, values.size()).boxed().toList(), values, message);
        }

        /** Every number from 0 to the highest, some perhaps more than once. */
        void assertNoGap(String message) {
            long highest = values.stream().mapToLong(Long::longValue).max().orElse(-1);
            assertEquals(highest + 1, values.stream().distinct().count(), message);
        }

        int duplicates() {
            return values.size() - (int) values.stream().distinct().count();
        }

        @Override
        public void close() {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
