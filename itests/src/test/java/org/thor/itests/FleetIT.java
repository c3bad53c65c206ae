package org.thor.itests;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.thor.kraft.TopicReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fleet as an operator runs it: the Thor distribution with {@code etc/org.thor.fleet.cfg}
 * enabled (host {@code web-1}, label {@code web}), configurations pushed by a plain Kafka producer,
 * as kcat would, and by {@code thor:fleet}; what the Thor runs is checked through its REST API, its
 * status through the status topic and {@code thor:fleet status}, its collection by the lines in Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int LINES = 2_000;
    private static final String HOST = "web-1";
    // ShellTable draws with box characters on a terminal that has them, with '|' elsewhere
    private static final String BAR = "\\s*[│|]\\s*";

    private final String run = Long.toString(System.nanoTime());
    private final String configTopic = "fleet-config-" + run;
    private final String statusTopic = "fleet-status-" + run;
    private ThorStack stack;
    private ThorKaraf karaf;
    private ThorRest rest;
    private KafkaProducer<String, String> producer;
    private Path logs;

    @BeforeAll
    void bootTheDistributionAsAFleetMember() throws Exception {
        stack = ThorStack.bootDistribution("fleet");
        karaf = stack.karaf();
        rest = karaf.rest();
        logs = Files.createDirectories(stack.work().resolve("logs"));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
        assertTrue(Files.readString(karaf.home().resolve("etc/org.thor.fleet.cfg")).contains("fleet.enabled = false"),
                "the distribution ships the fleet disabled");
        karaf.editConfig("org.thor.fleet.cfg", Map.of("fleet.enabled", "true", "fleet.host", HOST, "fleet.labels", "web",
                "fleet.config.topic", configTopic, "fleet.status.topic", statusTopic, "fleet.status.interval.ms", "2000"));
        await("the first status of " + HOST).atMost(WAIT).ignoreExceptions().until(() -> status().contains("\"host\":\"" + HOST + "\""));
    }

    @AfterAll
    void stopEverything() {
        if (producer != null) {
            producer.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aPushToALabelOfTheHostRunsTheConnectorAndEveryLineArrives() throws Exception {
        String topic = "weblog-" + run;
        Path log = logs.resolve("web.log");
        List<String> lines = IntStream.range(0, LINES).mapToObj(n -> "web line " + n).toList();
        Files.write(log, lines);

        long offset = push("label:web/weblog", "{\"files\":\"" + log + "\",\"topic\":\"" + topic + "\"}");

        await().atMost(WAIT).until(() -> rest.get("/connectors/weblog/status").body().contains("\"state\":\"RUNNING\""));
        assertEquals(lines, read(topic, LINES), "every line once, in order");
        awaitApplied(offset);
        assertTrue(status().matches("(?s).*\"weblog\":\\{\"target\":\"label:web\",\"offset\":" + offset + ",\"state\":\"RUNNING\".*"),
                status());
    }

    @Test
    @Order(2)
    void aPushToALabelTheHostLacksIsNotRun() throws Exception {
        long offset = push("label:db/dblog", "{\"files\":\"" + logs.resolve("db.log") + "\",\"topic\":\"db-" + run + "\"}");

        awaitApplied(offset);
        assertFalse(rest.get("/connectors").body().contains("dblog"));
        assertFalse(status().contains("dblog"));
    }

    @Test
    @Order(3)
    void aBadConfigurationIsRejectedAndThePreviousVersionKeepsRunning() throws Exception {
        String before = rest.get("/connectors/weblog/config").body();

        long misspelt = push("label:web/weblog", "{\"files\":\"" + logs.resolve("web.log") + "\",\"topic\":\"weblog-" + run
                + "\",\"fromat\":\"json\"}");

        awaitApplied(misspelt);
        String status = status();
        assertTrue(status.contains("unknown key 'fromat'"), status);
        assertEquals(before, rest.get("/connectors/weblog/config").body(), "the previous version stays");
        assertTrue(rest.get("/connectors/weblog/status").body().contains("\"state\":\"RUNNING\""));
        assertTrue(karaf.log().contains("Fleet record label:web/weblog (offset " + misspelt + ") not applied to connector weblog"));

        long secret = push("all/secret", "{\"files\":\"" + logs.resolve("s.log") + "\",\"topic\":\"s-" + run
                + "\",\"producer.override.ssl.truststore.password\":\"changeit\"}");
        awaitApplied(secret);
        assertTrue(status().contains("producer.override.ssl.truststore.password: a secret may not travel"), status());
        assertTrue(status().matches("(?s).*\"secret\":\\{[^}]*\"state\":\"REJECTED\".*"), status());
        assertFalse(rest.get("/connectors").body().contains("secret"));
    }

    @Test
    @Order(4)
    void aLocalConfigurationWinsOverTheFleetsAndTheConflictIsReported() throws Exception {
        String localTopic = "local-" + run;
        karaf.writeConfig("org.thor.connector-both.cfg", Map.of("files", logs.resolve("both.log").toString(), "topic", localTopic));
        await().atMost(WAIT).until(() -> rest.get("/connectors/both/status").body().contains("\"state\":\"RUNNING\""));

        long offset = push("all/both", "{\"files\":\"" + logs.resolve("both.log") + "\",\"topic\":\"fleet-" + run + "\"}");

        awaitApplied(offset);
        assertTrue(Pattern.compile("the local configuration \\S*/etc/org.thor.connector-both.cfg wins over the fleet's record all/both")
                .matcher(status()).find(), status());
        assertTrue(rest.get("/connectors/both/config").body().contains(localTopic));
        assertTrue(karaf.log().contains("wins over the fleet's record all/both"));
    }

    @Test
    @Order(5)
    void theShellPushesListsShowsTheHostsAndDeletes() throws Exception {
        String pushed = karaf.shell("thor:fleet push --target host:" + HOST + " shelled files=" + logs.resolve("shell.log")
                + " topic=shell-" + run);
        Matcher offset = Pattern.compile("Pushed host:" + HOST + "/shelled at offset (\\d+)").matcher(pushed);
        assertTrue(offset.find(), pushed);
        await().atMost(WAIT).until(() -> rest.get("/connectors/shelled/status").body().contains("\"state\":\"RUNNING\""));
        awaitApplied(Long.parseLong(offset.group(1)));

        String list = karaf.shell("thor:fleet list");
        assertTrue(Pattern.compile("host:" + HOST + BAR + "shelled" + BAR + offset.group(1) + BAR + "files=").matcher(list).find(), list);
        assertTrue(Pattern.compile("label:db" + BAR + "dblog").matcher(list).find(), list);

        String hosts = karaf.shell("thor:fleet status");
        assertTrue(Pattern.compile(HOST + BAR + "\\d+ s ago" + BAR + offset.group(1) + BAR + "3" + BAR + "1").matcher(hosts).find(), hosts);

        String deleted = karaf.shell("thor:fleet delete --target host:" + HOST + " shelled");
        assertTrue(deleted.contains("Deleted host:" + HOST + "/shelled"), deleted);
        await().atMost(WAIT).until(() -> !rest.get("/connectors").body().contains("shelled"));
    }

    @Test
    @Order(6)
    void aTombstoneDeletesTheConnector() throws Exception {
        long offset = send("label:web/weblog", null);

        await().atMost(WAIT).until(() -> !rest.get("/connectors").body().contains("\"weblog\""));
        awaitApplied(offset);
        assertFalse(status().contains("\"weblog\""), status());
    }

    private long push(String key, String json) throws Exception {
        return send(key, json);
    }

    private long send(String key, String value) throws Exception {
        return producer.send(new ProducerRecord<>(configTopic, key, value)).get().offset();
    }

    private void awaitApplied(long offset) {
        await("applied offset " + offset).atMost(WAIT).until(() -> appliedOffset() >= offset);
    }

    private long appliedOffset() {
        Matcher applied = Pattern.compile("\"appliedOffset\":(-?\\d+)").matcher(status());
        return applied.find() ? Long.parseLong(applied.group(1)) : -1;
    }

    /** The last status the host wrote, as JSON. */
    private String status() {
        Map<String, String> last = new HashMap<>();
        try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), statusTopic)) {
            for (ConsumerRecord<String, String> record : reader.readUntilQuiet(Duration.ofMillis(500))) {
                last.put(record.key(), record.value());
            }
        }
        return last.getOrDefault(HOST, "");
    }

    private List<String> read(String topic, int count) {
        List<String> received = new ArrayList<>();
        try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), topic)) {
            received.addAll(TopicReader.values(reader.read(count, WAIT)));
            received.addAll(TopicReader.values(reader.readUntilQuiet(Duration.ofSeconds(2))));
        }
        return received;
    }
}
