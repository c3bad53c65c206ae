package org.thor.file;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.kraft.TopicReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Multiline events in a real worker against a real broker: a Java application's log with stack
 * traces, rotated by rename as it is written; every event arrives once, whole, in order.
 */
class WorkerMultilineTest {

    @RegisterExtension
    static final ClassBroker broker = new ClassBroker();

    @TempDir
    Path dir;

    @Test
    void stackTracesArriveWholeOnceAndInOrderAcrossRotations() throws Exception {
        int eventsPerFile = 3_000;
        int files = 5;
        String topic = "multiline-" + System.nanoTime();
        broker.createTopic(topic, 1);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path log = logs.resolve("app.log");
        Map<String, String> connector = WorkerDeliveryTest.connector(topic, logs, Map.of(
                "files", logs + "/app.log*",
                LogFileSourceConfig.MULTILINE_PATTERN_CONFIG, JavaLogEvents.STACK_TRACE_PATTERN,
                LogFileSourceConfig.MULTILINE_TIMEOUT_CONFIG, "500"));
        try (ConnectWorker worker = ConnectWorker.start(dir.resolve("worker"), broker.bootstrapServers(), connector);
             TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            for (int file = 0; file < files; file++) {
                if (file > 0) {
                    Files.move(log, logs.resolve("app.log." + file));
                }
                JavaLogEvents.appendEvents(log, file * eventsPerFile, (file + 1) * eventsPerFile, 30);
            }
            int events = files * eventsPerFile;
            List<ConsumerRecord<String, String>> records = reader.read(events, Duration.ofMinutes(2));
            records.addAll(reader.readUntilQuiet(Duration.ofSeconds(2)));
            List<String> expected = JavaLogEvents.events(0, events, 30);
            List<String> received = TopicReader.values(records);
            Delivery.Counts counts = Delivery.count(expected, received);
            System.out.printf("multiline in a worker: %d events (%d with a 33-line stack trace) in %d rotated files:"
                    + " %d records, lost %d, duplicated %d, out of order %d%n", events, events / 3, files,
                    counts.received(), counts.lost(), counts.duplicated(), counts.outOfOrder());
            Delivery.assertSameSequence(expected, received);
            assertEquals(events, received.size());
        }
    }
}
