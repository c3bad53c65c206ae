package org.thor.itests;

import org.junit.jupiter.api.Test;
import org.thor.kraft.TopicReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets through the config providers the distribution declares, against a broker that speaks TLS
 * only: the worker reads its truststore password with the {@code dir} provider, connectors override
 * their producer's with the {@code file} provider, in a .cfg file and through REST, and one connector
 * has it written as a plain value. Every line arrives (a wrong password gets nothing through), and
 * the password shows nowhere: not in REST, thor:list, thor:status, config:list, karaf.log, nor the
 * .cfg file Thor writes back.
 */
class SecretsIT extends ThorStackTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private TlsKeys keys;

    @Override
    ThorStack boot() throws Exception {
        keys = TlsKeys.generate(Path.of("target", "secrets-keys-" + System.nanoTime()).toAbsolutePath());
        return ThorStack.bootDistributionWithTlsBroker("secrets", keys);
    }

    @Test
    void secretsFromProvidersAreUsedAndNeverShown() throws Exception {
        Path secrets = Files.createDirectories(karaf.home().resolve("etc/secrets"));
        Files.writeString(secrets.resolve("truststore-password"), keys.password());
        Files.write(secrets.resolve("kafka.properties"), List.of("truststore.password = " + keys.password()));
        String fromDir = "${dir:" + secrets + ":truststore-password}";
        String fromFile = "${file:" + secrets.resolve("kafka.properties") + ":truststore.password}";

        Map<String, String> worker = new LinkedHashMap<>();
        worker.put("bootstrap.servers", stack.broker().sslBootstrapServers());
        for (String client : List.of("", "producer.")) {
            worker.put(client + "security.protocol", "SSL");
            worker.put(client + "ssl.truststore.location", keys.trustStore().toString());
            worker.put(client + "ssl.truststore.type", "PKCS12");
        }
        // the producers get no password from the worker: each connector brings its own
        worker.put("ssl.truststore.password", fromDir);
        karaf.editConfig("org.thor.worker.cfg", worker);

        Path logs = Files.createDirectories(stack.work().resolve("logs-secrets"));
        String run = Long.toString(System.nanoTime());
        Map<String, String> topics = Map.of("from-file", "from-file-" + run, "through-rest", "through-rest-" + run,
                "plain", "plain-" + run);
        topics.keySet().forEach(name -> write(logs.resolve(name + ".log"), "first", "second"));
        karaf.writeConfig("org.thor.connector-from-file.cfg", Map.of("files", logs.resolve("from-file.log").toString(),
                "topic", topics.get("from-file"), "producer.override.ssl.truststore.password", fromFile));
        karaf.writeConfig("org.thor.connector-plain.cfg", Map.of("files", logs.resolve("plain.log").toString(),
                "topic", topics.get("plain"), "producer.override.ssl.truststore.password", keys.password()));
        await().atMost(WAIT).until(() -> karaf.rest().get("/connectors").body().contains("from-file"));
        ThorRest.Response created = karaf.rest().put("/connectors/through-rest/config", "{"
                + "\"connector.class\":\"org.thor.file.LogFileSourceConnector\","
                + "\"files\":\"" + logs.resolve("through-rest.log") + "\",\"topic\":\"" + topics.get("through-rest") + "\","
                + "\"producer.override.ssl.truststore.password\":\"" + fromFile + "\"}");
        assertEquals(201, created.status(), created.body());

        for (Map.Entry<String, String> topic : topics.entrySet()) {
            try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), topic.getValue())) {
                assertEquals(List.of("first", "second"), TopicReader.values(reader.read(2, WAIT)),
                        topic.getKey() + ": the producer reached the TLS listener with the password");
            }
        }

        ThorRest rest = karaf.rest();
        assertTrue(rest.get("/connectors/from-file/config").body().contains(fromFile), "REST shows the reference");
        assertTrue(rest.get("/connectors/plain/config").body().contains("\"producer.override.ssl.truststore.password\":\"[hidden]\""),
                "REST hides a password written as a value");
        String rewritten = Files.readString(karaf.home().resolve("etc/org.thor.connector-through-rest.cfg"));
        assertTrue(rewritten.contains(fromFile.replace(":", "\\:")) || rewritten.contains(fromFile), rewritten);

        // a client that reads the configuration, changes one key and writes it back keeps the password
        String plain = rest.get("/connectors/plain/config").body();
        ThorRest.Response changed = rest.put("/connectors/plain/config", plain.replaceFirst("^\\{", "{\"scan.interval.ms\":\"500\","));
        assertEquals(200, changed.status(), changed.body());
        await().atMost(WAIT).until(() -> rest.get("/connectors/plain/tasks").body().contains("\"scan.interval.ms\":\"500\""));
        write(logs.resolve("plain.log"), "third");
        try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), topics.get("plain"))) {
            assertEquals(List.of("first", "second", "third"), TopicReader.values(reader.read(3, WAIT)),
                    "the connector written back with [hidden] still has its password");
        }

        Map<String, String> shown = new LinkedHashMap<>();
        for (String name : topics.keySet()) {
            for (String path : List.of("/connectors/" + name, "/connectors/" + name + "/config", "/connectors/" + name + "/tasks")) {
                shown.put("GET " + path, rest.get(path).body());
            }
            shown.put("thor:status " + name, karaf.shell("thor:status " + name));
        }
        shown.put("GET /connectors?expand=info&expand=status", rest.get("/connectors?expand=info&expand=status").body());
        shown.put("thor:list", karaf.shell("thor:list"));
        shown.put("config:list of the worker", karaf.shell("config:list '(service.pid=org.thor.worker)'"));
        shown.put("etc/org.thor.connector-through-rest.cfg", rewritten);
        shown.put("karaf.log", karaf.log());
        shown.forEach((where, text) -> assertFalse(text.contains(keys.password()), "the password shows in " + where + ":\n" + text));
    }

    private static void write(Path log, String... lines) {
        try {
            Files.write(log, List.of(lines), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
