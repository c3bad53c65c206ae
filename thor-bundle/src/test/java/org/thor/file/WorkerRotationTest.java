package org.thor.file;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.thor.kraft.TopicReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * logrotate every 10,000 lines while the application logs 20,000 lines/s (a rotation every half
 * second), in a real worker: the two kinds that Kafka's FileStreamSource loses most lines under
 * lose none here, and repeat none.
 */
class WorkerRotationTest {

    @RegisterExtension
    static final ClassBroker broker = new ClassBroker();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(RotatingWriter.Mode.class)
    void everyLineArrivesOnceAndInOrderUnderLogrotate(RotatingWriter.Mode mode) throws Exception {
        int lines = 200_000;
        String topic = "logrotate-" + mode.name().toLowerCase() + "-" + System.nanoTime();
        broker.createTopic(topic, 1);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Map<String, String> connector = WorkerDeliveryTest.connector(topic, logs, Map.of());
        connector.put("files", logs + "/app.log*");
        try (ConnectWorker worker = ConnectWorker.start(dir.resolve("worker"), broker.bootstrapServers(), connector);
             TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            RotatingWriter writer = new RotatingWriter(logs.resolve("app.log"), mode, lines, 10_000, 1_000);
            writer.startThread();
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofMinutes(3)).until(() -> {
                records.addAll(reader.read(1, Duration.ofMillis(200)));
                return writer.done() && records.size() >= lines;
            });
            records.addAll(reader.readUntilQuiet(Duration.ofSeconds(3)));
            List<String> expected = LogFiles.lines(0, lines);
            List<String> received = TopicReader.values(records);
            Delivery.Counts counts = Delivery.count(expected, received);
            System.out.printf("%s every 10,000 lines at 20,000 lines/s: %d lines written, %d arrived, lost %d, duplicated %d,"
                    + " out of order %d%n", mode, lines, counts.received(), counts.lost(), counts.duplicated(), counts.outOfOrder());
            Delivery.assertSameSequence(expected, received);
        }
    }
}
