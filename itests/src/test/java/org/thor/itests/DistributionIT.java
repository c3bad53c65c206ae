package org.thor.itests;

import org.junit.jupiter.api.Test;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.thor.kraft.TopicReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Thor distribution as it is unpacked: it boots with Thor running and its configuration in etc/. */
class DistributionIT extends ThorStackTest {

    @Override
    ThorStack boot() throws Exception {
        return ThorStack.bootDistribution("distribution");
    }

    @Test
    void itBootsWithThorRunningAndTheFileConnectorListed() throws Exception {
        ThorRest rest = karaf.rest();

        assertTrue(rest.get("/connector-plugins").body().contains("org.thor.file.LogFileSourceConnector"));
        assertTrue(karaf.shell("feature:list -i").contains("thor "), "feature thor is installed");
    }

    // Pax Exam rewrites the files it edits, so the files as shipped are read from the archive.
    @Test
    void theArchiveShipsTheWorkerConfigurationAndBindsSshAndJmxToLoopback() throws Exception {
        String workerConfig = shipped("etc/org.thor.worker.cfg");
        String shell = shipped("etc/org.apache.karaf.shell.cfg");
        String management = shipped("etc/org.apache.karaf.management.cfg");

        assertTrue(workerConfig.contains("# The Kafka cluster the connectors write to."), "the worker configuration is there, commented");
        assertTrue(shell.contains("sshHost = 127.0.0.1"), shell);
        assertTrue(management.contains("rmiRegistryHost = 127.0.0.1") && management.contains("rmiServerHost = 127.0.0.1"));
    }

    @Test
    void theShippedProducerSettingsReachTheConnectorsProducerAndHeadersStayText() throws Exception {
        Path log = Files.createDirectories(stack.work().resolve("logs-shipped")).resolve("app.log");
        Files.write(log, List.of("first", "second", "third"));
        String topic = "shipped-" + System.nanoTime();
        karaf.writeConfig("org.thor.connector-shipped.cfg", Map.of("files", log.toString(), "topic", topic));

        List<ConsumerRecord<String, String>> records;
        try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), topic)) {
            records = reader.read(3, Duration.ofSeconds(120));
        }

        assertEquals(List.of("first", "second", "third"), TopicReader.values(records));
        ConsumerRecord<String, String> last = records.get(2);
        assertEquals(log.toString(), headerText(last, "thor.file.path"));
        assertEquals("13", headerText(last, "thor.file.offset"), "the line's first byte, as text");
        assertTrue(headerText(last, "thor.host").length() > 0, "the host's name");
        String producer = producerConfigOf("connector-producer-shipped-0");
        for (String setting : List.of("acks = -1", "batch.size = 262144", "compression.type = lz4",
                "delivery.timeout.ms = 2147483647")) {
            assertTrue(producer.contains("\t" + setting + "\n"), setting + " in " + producer);
        }
        assertTrue(activeIdempotentProducers(topic) > 0, "the broker keeps the state of an idempotent producer for " + topic);
    }

    /** Producers the broker tracks by producer id on the topic's partition: only idempotent (or transactional) ones. */
    private int activeIdempotentProducers(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers()))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return admin.describeProducers(List.of(partition)).partitionResult(partition).get().activeProducers().size();
        }
    }

    @Test
    void theShippedSetenvGivesASmallHeapUnlessTheOperatorSetsOne() throws Exception {
        Path setenv = Files.writeString(stack.work().resolve("setenv"), shipped("bin/setenv"));

        String shipped = extraJavaOpts(setenv, null);
        String chosen = extraJavaOpts(setenv, "-Xmx1g -Dwho=operator");

        assertEquals("-Xms32m -Xmx256m -XX:+UseSerialGC", shipped.trim());
        assertEquals("-Xmx1g -Dwho=operator", chosen.trim(), "an operator's heap replaces Thor's settings");
        assertEquals(shipped, extraJavaOpts(setenv, shipped), "sourced twice (bin/start, then bin/karaf), it adds nothing");
    }

    @Test
    void theShippedSetenvDropsAnInheritedClassPath() throws Exception {
        Path setenv = Files.writeString(stack.work().resolve("setenv-classpath"), shipped("bin/setenv"));

        String classPath = afterSetenv(setenv, "CLASSPATH", "/opt/app/lib/connect-runtime.jar", "${CLASSPATH-unset}");

        assertEquals("unset", classPath, "bin/karaf would put it in front of Karaf's own class path");
    }

    /** EXTRA_JAVA_OPTS after sourcing {@code setenv} as Karaf's scripts do, from {@code before}. */
    private static String extraJavaOpts(Path setenv, String before) throws Exception {
        return afterSetenv(setenv, "EXTRA_JAVA_OPTS", before, "$EXTRA_JAVA_OPTS");
    }

    /** What {@code shown} expands to after sourcing {@code setenv} with {@code variable} set to {@code value} (null: unset). */
    private static String afterSetenv(Path setenv, String variable, String value, String shown) throws Exception {
        ProcessBuilder shell = new ProcessBuilder("sh", "-c", ". \"$0\"; printf %s \"" + shown + "\"", setenv.toString());
        shell.environment().remove(variable);
        if (value != null) {
            shell.environment().put(variable, value);
        }
        Process process = shell.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    /**
     * The ProducerConfig values Connect logged for the producer {@code clientId}: Karaf's layout writes a
     * message's line breaks as {@code \\n} and keeps its first 500 characters only (up to {@code enable.i...}).
     */
    private String producerConfigOf(String clientId) throws IOException {
        String log = Files.readString(karaf.home().resolve("data/log/karaf.log")).replace("\\n", "\n");
        for (String block : log.split("ProducerConfig values:")) {
            java.util.regex.Matcher nextEntry = java.util.regex.Pattern.compile("\n\\d{4}-\\d{2}-\\d{2}").matcher(block);
            String values = nextEntry.find() ? block.substring(0, nextEntry.start() + 1) : block;
            if (values.contains("\tclient.id = " + clientId + "\n")) {
                return values;
            }
        }
        throw new AssertionError("karaf.log shows no producer " + clientId);
    }

    private static String headerText(ConsumerRecord<String, String> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String shipped(String file) throws IOException {
        Path archive = Path.of("..", "karaf-assembly", "target", "thor-" + ThorKaraf.THOR_VERSION + ".tar.gz");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().endsWith("/" + file)) {
                    return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(file + " is not in " + archive);
    }
}
