package org.thor.file;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.thor.kraft.TopicReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connector in a real Connect worker against a real broker, with lines written across rolled files. */
class WorkerDeliveryTest {

    private static final int WRITER_CHUNK = 5_000;
    private static final long WRITER_PAUSE_MILLIS = 100;
    /** At most: the writer also spends time writing each chunk. */
    private static final long WRITER_LINES_PER_SECOND = WRITER_CHUNK * 1000 / WRITER_PAUSE_MILLIS;


    @RegisterExtension
    static final ClassBroker broker = new ClassBroker();

    @TempDir
    Path dir;

    @Test
    void millionLinesAcrossRolledFilesArriveOnceAndInOrder() throws Exception {
        int lines = 1_000_000;
        String topic = "million-" + System.nanoTime();
        broker.createTopic(topic, 3);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        long start = System.nanoTime();
        try (ConnectWorker worker = ConnectWorker.start(dir.resolve("worker"), broker.bootstrapServers(),
                connector(topic, logs, Map.of()));
             TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            RollingWriter writer = new RollingWriter(logs, lines, 100_000, 20_000, 5);
            writer.startThread();
            List<ConsumerRecord<String, String>> records = new ArrayList<>(reader.read(lines, Duration.ofMinutes(3)));
            double seconds = (System.nanoTime() - start) / 1e9;
            records.addAll(reader.readUntilQuiet(Duration.ofSeconds(2)));
            System.out.printf("%d lines file->Kafka through a Connect worker in %.1f s (%.0f lines/s)%n",
                    records.size(), seconds, records.size() / seconds);
            assertTrue(writer.done());
            Delivery.assertSameSequence(LogFiles.lines(0, lines), TopicReader.values(records));
            assertEquals(1, records.stream().map(ConsumerRecord::partition).distinct().count(),
                    "one stream's lines land in one partition");
        }
    }

    @Test
    void killedWorkerLosesNoLine() throws Exception {
        int lines = 1_000_000;
        String topic = "killed-" + System.nanoTime();
        broker.createTopic(topic, 1);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Map<String, String> connector = connector(topic, logs, Map.of());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            // about 50,000 lines/s, slower than the worker, so that the kill falls mid-way through the writing
            RollingWriter writer = new RollingWriter(logs, lines, 100_000, WRITER_CHUNK, WRITER_PAUSE_MILLIS);
            long sentBeforeKill;
            try (ConnectWorker worker = ConnectWorker.start(dir.resolve("worker"), broker.bootstrapServers(), connector);
                 Admin admin = broker.admin()) {
                writer.startThread();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> endOffset(admin, topic) >= lines / 3);
                worker.kill();
                sentBeforeKill = endOffset(admin, topic);
            }
            int writtenBeforeKill = writer.written.get();
            try (ConnectWorker worker = ConnectWorker.start(dir.resolve("worker"), broker.bootstrapServers(), connector)) {
                await().atMost(Duration.ofMinutes(3)).until(() -> {
                    records.addAll(reader.read(1, Duration.ofMillis(200)));
                    return writer.done() && records.size() >= lines;
                });
                records.addAll(reader.readUntilQuiet(Duration.ofSeconds(3)));
            }
            int duplicates = Delivery.assertInOrderWithOneReplay(LogFiles.lines(0, lines), TopicReader.values(records));
            System.out.printf("killed the worker (SIGKILL) when %d of %d lines were in the topic and %d written: "
                    + "no line lost, %d lines sent twice%n", sentBeforeKill, lines, writtenBeforeKill, duplicates);
            assertTrue(sentBeforeKill < lines, "the kill came after everything was sent");
            // Connect stores offsets every offset.flush.interval.ms (1 s here), so the lines acknowledged
            // since the last flush come again: at most what the writer wrote in about two intervals,
            // not everything sent before the kill (a restart from the start would be over a third of the lines)
            long bound = 2 * WRITER_LINES_PER_SECOND;
            assertTrue(duplicates <= bound, duplicates + " lines sent twice, more than the " + bound
                    + " the writer wrote in two offset flush intervals; " + sentBeforeKill + " were in the topic at the kill");
        }
    }

    private static long endOffset(Admin admin, String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
    }

    static Map<String, String> connector(String topic, Path logs, Map<String, String> extra) {
        Map<String, String> connector = new HashMap<>();
        connector.put("name", "thor-" + topic);
        connector.put("connector.class", LogFileSourceConnector.class.getName());
        connector.put("tasks.max", "1");
        connector.put("files", logs + "/app.log.*");
        connector.put("topic", topic);
        connector.put("close.inactive.ms", "2000");
        connector.putAll(extra);
        return connector;
    }
}
