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
import org.thor.kraft.KraftBroker;
import org.thor.kraft.TopicReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fleet of three Thor distributions on one broker, each with its own ports and data, labelled
 * {@code web}, {@code web} and {@code db}, managed as an operator would: configurations pushed by a
 * plain Kafka producer (as kcat would) and by {@code thor:fleet}; what each Thor runs is checked
 * through its REST API, its status through the status topic and {@code thor:fleet status}, its
 * collection by the lines in Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int LINES = 2_000;
    private static final Map<String, String> LABELS = new LinkedHashMap<>(Map.of("web-1", "web", "web-2", "web", "db-1", "db"));
    // ShellTable draws with box characters on a terminal that has them, with '|' elsewhere
    private static final String BAR = "\\s*[│|]\\s*";

    private final String run = Long.toString(System.nanoTime());
    private final String configTopic = "fleet-config-" + run;
    private final String statusTopic = "fleet-status-" + run;
    private final Map<String, ThorKaraf> hosts = new LinkedHashMap<>();
    private Path work;
    private Path logs;
    private KraftBroker broker;
    private KafkaProducer<String, String> producer;

    @BeforeAll
    void bootThreeDistributionsAsFleetMembers() throws Exception {
        work = Files.createDirectories(Path.of("target", "fleet-" + run).toAbsolutePath());
        logs = Files.createDirectories(work.resolve("logs"));
        broker = KraftBroker.start(work.resolve("broker"));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
        for (Map.Entry<String, String> host : LABELS.entrySet()) {
            ThorKaraf karaf = ThorKaraf.bootDistribution(work.resolve(host.getKey()), broker.bootstrapServers());
            hosts.put(host.getKey(), karaf);
            await(host.getKey() + "'s REST API").atMost(WAIT).until(karaf.rest()::answers);
            assertTrue(Files.readString(karaf.home().resolve("etc/org.thor.fleet.cfg")).contains("fleet.enabled = false"),
                    "the distribution ships the fleet disabled");
            karaf.editConfig("org.thor.fleet.cfg", Map.of("fleet.enabled", "true", "fleet.host", host.getKey(),
                    "fleet.labels", host.getValue(), "fleet.config.topic", configTopic, "fleet.status.topic", statusTopic,
                    "fleet.status.interval.ms", "2000"));
        }
        await("the first status of every host").atMost(WAIT).ignoreExceptions().until(() -> statuses().keySet().equals(LABELS.keySet()));
    }

    @AfterAll
    void stopEverything() {
        if (producer != null) {
            producer.close();
        }
        hosts.values().forEach(ThorKaraf::close);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void aPushToLabelWebRunsOnTheTwoWebHostsAndNotOnDbAndEveryLineArrives() throws Exception {
        String topic = "weblog-" + run;
        Path log = logs.resolve("web.log");
        List<String> lines = IntStream.range(0, LINES).mapToObj(n -> "web line " + n).toList();
        Files.write(log, lines);

        long offset = send("label:web/weblog", "{\"files\":\"" + log + "\",\"topic\":\"" + topic + "\"}");

        awaitRunning("weblog", "web-1", "web-2");
        awaitApplied(offset);
        assertFalse(rest("db-1").get("/connectors").body().contains("weblog"));
        // both web hosts read the same file here; on their own machines each reads its own
        Map<String, Long> received = read(topic, 2 * LINES).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(lines.stream().collect(Collectors.toMap(Function.identity(), line -> 2L)), received, "every line, once from each web host");
        for (String host : List.of("web-1", "web-2")) {
            assertTrue(statuses().get(host).matches("(?s).*\"weblog\":\\{\"target\":\"label:web\",\"offset\":" + offset
                    + ",\"state\":\"RUNNING\".*"), statuses().get(host));
        }
        assertFalse(statuses().get("db-1").contains("weblog"));
    }

    @Test
    @Order(2)
    void fleetStatusListsTheThreeHostsWithTheirAppliedOffset() throws Exception {
        long offset = send("label:db/dblog", "{\"files\":\"" + logs.resolve("db.log") + "\",\"topic\":\"db-" + run + "\"}");
        awaitApplied(offset);

        String status = hosts.get("web-2").shell("thor:fleet status");

        for (String host : LABELS.keySet()) {
            assertTrue(Pattern.compile(host + BAR + "\\d+ s ago" + BAR + offset + BAR).matcher(status).find(), status);
        }
        String list = hosts.get("db-1").shell("thor:fleet list");
        assertTrue(Pattern.compile("label:db" + BAR + "dblog" + BAR + offset).matcher(list).find(), list);
        assertTrue(Pattern.compile("label:web" + BAR + "weblog").matcher(list).find(), list);
        awaitRunning("dblog", "db-1");
        assertFalse(rest("web-1").get("/connectors").body().contains("dblog"));
    }

    @Test
    @Order(3)
    void aBadConfigurationPushedToAllIsRejectedEverywhereAndThePreviousVersionKeepsRunning() throws Exception {
        String common = "{\"files\":\"" + logs.resolve("common.log") + "\",\"topic\":\"common-" + run + "\"";
        send("all/common", common + "}");
        awaitRunning("common", LABELS.keySet().toArray(String[]::new));
        Map<String, String> before = new HashMap<>();
        for (String host : LABELS.keySet()) {
            before.put(host, rest(host).get("/connectors/common/config").body());
        }

        long misspelt = send("all/common", common + ",\"fromat\":\"json\"}");
        long secret = send("all/secret", "{\"files\":\"" + logs.resolve("s.log") + "\",\"topic\":\"s-" + run
                + "\",\"producer.override.ssl.truststore.password\":\"changeit\"}");

        awaitApplied(secret);
        for (String host : LABELS.keySet()) {
            String status = statuses().get(host);
            assertTrue(status.contains("unknown key 'fromat'"), status);
            assertTrue(status.contains("producer.override.ssl.truststore.password: a secret may not travel"), status);
            assertTrue(status.matches("(?s).*\"secret\":\\{[^}]*\"state\":\"REJECTED\".*"), status);
            assertEquals(before.get(host), rest(host).get("/connectors/common/config").body(), "the previous version stays on " + host);
            assertTrue(rest(host).get("/connectors/common/status").body().contains("\"state\":\"RUNNING\""));
            assertTrue(hosts.get(host).log().contains("Fleet record all/common (offset " + misspelt + ") not applied to connector common"));
        }
    }

    @Test
    @Order(4)
    void aHostStoppedDuringAPushAppliesItWhenStarted() throws Exception {
        ThorKaraf db = hosts.get("db-1");
        db.stop();

        long offset = send("label:db/dblog", "{\"files\":\"" + logs.resolve("db.log") + "\",\"topic\":\"db-" + run
                + "\",\"tasks.max\":\"1\",\"read.from\":\"end\"}");
        db.startAgain();

        await("db-1 back").atMost(WAIT).until(db.rest()::answers);
        await().atMost(WAIT).until(() -> rest("db-1").get("/connectors/dblog/config").body().contains("\"read.from\":\"end\""));
        awaitApplied(offset);
    }

    @Test
    @Order(5)
    void aLocalConfigurationWinsOverTheFleetsOnItsHostAndTheConflictIsReported() throws Exception {
        String localTopic = "local-" + run;
        hosts.get("web-2").writeConfig("org.thor.connector-both.cfg", Map.of("files", logs.resolve("both.log").toString(), "topic", localTopic));
        awaitRunning("both", "web-2");

        long offset = send("label:web/both", "{\"files\":\"" + logs.resolve("both.log") + "\",\"topic\":\"fleet-" + run + "\"}");

        awaitApplied(offset);
        awaitRunning("both", "web-1");
        assertTrue(rest("web-1").get("/connectors/both/config").body().contains("fleet-" + run));
        assertTrue(rest("web-2").get("/connectors/both/config").body().contains(localTopic));
        assertTrue(Pattern.compile("the local configuration \\S*/etc/org.thor.connector-both.cfg wins over the fleet's record label:web/both")
                .matcher(statuses().get("web-2")).find(), statuses().get("web-2"));
        assertTrue(hosts.get("web-2").log().contains("wins over the fleet's record label:web/both"));
    }

    @Test
    @Order(6)
    void theShellPushesToOneHostAndDeletes() throws Exception {
        ThorKaraf web1 = hosts.get("web-1");
        String pushed = web1.shell("thor:fleet push --target host:db-1 shelled files=" + logs.resolve("shell.log") + " topic=shell-" + run);
        Matcher offset = Pattern.compile("Pushed host:db-1/shelled at offset (\\d+)").matcher(pushed);
        assertTrue(offset.find(), pushed);

        awaitRunning("shelled", "db-1");
        awaitApplied(Long.parseLong(offset.group(1)));
        assertFalse(rest("web-1").get("/connectors").body().contains("shelled"));

        String deleted = web1.shell("thor:fleet delete --target host:db-1 shelled");
        assertTrue(deleted.contains("Deleted host:db-1/shelled"), deleted);
        await().atMost(WAIT).until(() -> !rest("db-1").get("/connectors").body().contains("shelled"));
    }

    @Test
    @Order(7)
    void aTombstoneDeletesTheConnectorEverywhere() throws Exception {
        send("label:web/weblog", null);
        long offset = send("all/common", null);

        for (String host : LABELS.keySet()) {
            await().atMost(WAIT).until(() -> !rest(host).get("/connectors").body().matches(".*\"(weblog|common)\".*"));
        }
        awaitApplied(offset);
        statuses().values().forEach(status -> assertFalse(status.contains("\"common\""), status));
    }

    private long send(String key, String value) throws Exception {
        return producer.send(new ProducerRecord<>(configTopic, key, value)).get().offset();
    }

    private ThorRest rest(String host) {
        return hosts.get(host).rest();
    }

    private void awaitRunning(String connector, String... onHosts) {
        for (String host : onHosts) {
            await(connector + " on " + host).atMost(WAIT)
                    .until(() -> rest(host).get("/connectors/" + connector + "/status").body().contains("\"state\":\"RUNNING\""));
        }
    }

    private void awaitApplied(long offset) {
        await("every host applied offset " + offset).atMost(WAIT).until(() -> {
            Map<String, String> statuses = statuses();
            return LABELS.keySet().stream().allMatch(host -> appliedOffset(statuses.getOrDefault(host, "")) >= offset);
        });
    }

    private static long appliedOffset(String status) {
        Matcher applied = Pattern.compile("\"appliedOffset\":(-?\\d+)").matcher(status);
        return applied.find() ? Long.parseLong(applied.group(1)) : -1;
    }

    /** The last status each host wrote, as JSON, by host. */
    private Map<String, String> statuses() {
        Map<String, String> last = new HashMap<>();
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), statusTopic)) {
            for (ConsumerRecord<String, String> record : reader.readUntilQuiet(Duration.ofMillis(500))) {
                last.put(record.key(), record.value());
            }
        }
        return last;
    }

    private List<String> read(String topic, int count) {
        List<String> received = new ArrayList<>();
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            received.addAll(TopicReader.values(reader.read(count, WAIT)));
            received.addAll(TopicReader.values(reader.readUntilQuiet(Duration.ofSeconds(2))));
        }
        return received;
    }
}
