package org.thor.file;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.thor.kraft.TopicReader;
import org.thor.testing.Logrotate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real logrotate (copytruncate, compress, delaycompress) every 10,000 lines while an
 * application logs 20,000 lines/s through one append handle it never reopens, in a real worker
 * against a real broker: every line arrives once and in order. logrotate runs between two of the
 * application's writes: a write landing between the end of logrotate's copy and its truncation is
 * lost by logrotate itself (it is in no file), which no reader can help; everything else, the
 * reader racing logrotate's copy, truncation, gzip and renames, is what this test is about.
 */
class LogrotateTest {

    private static final int LINES = 200_000;
    private static final int LINES_PER_WRITE = 1_000;
    private static final int LINES_PER_ROTATION = 10_000;

    @RegisterExtension
    static final ClassBroker broker = new ClassBroker();

    @TempDir
    Path dir;

    /** @param glob the pattern under the log's directory: the copies matched, or the exact path (copies found beside it) */
    @ParameterizedTest
    @ValueSource(strings = {"app.log*", "app.log"})
    void everyLineArrivesOnceAndInOrderUnderCopytruncateCompressDelaycompress(String glob) throws Exception {
        Path program = Logrotate.find().orElse(null);
        assumeTrue(program != null, Logrotate.INSTALL_HINT);
        String topic = "logrotate-real-" + System.nanoTime();
        broker.createTopic(topic, 1);
        // logrotate refuses to rotate in a directory that group or others may write, whatever the umask made it
        Path logs = Files.createDirectories(dir.resolve("logs"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path log = logs.resolve("app.log");
        Logrotate logrotate = Logrotate.copytruncate(program, log, dir.resolve("logrotate"));
        Map<String, String> connector = WorkerDeliveryTest.connector(topic, logs, Map.of());
        connector.put("files", logs + "/" + glob);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try (ConnectWorker worker = ConnectWorker.start(dir.resolve("worker"), broker.bootstrapServers(), connector);
             TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            Future<?> application = threads.submit(() -> {
                logrotate.appendAndRotate(log, LogFiles::line, LINES, LINES_PER_WRITE, LINES_PER_ROTATION,
                        Duration.ofMillis(50));
                return null;
            });
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                records.addAll(reader.read(1, Duration.ofMillis(200)));
                return application.isDone();
            });
            application.get();
            records.addAll(reader.read(LINES - records.size(), Duration.ofMinutes(1)));
            records.addAll(reader.readUntilQuiet(Duration.ofSeconds(3)));

            List<String> expected = LogFiles.lines(0, LINES);
            List<String> received = TopicReader.values(records);
            Delivery.Counts counts = Delivery.count(expected, received);
            System.out.printf("logrotate copytruncate+compress+delaycompress, files=" + glob + ": %d lines, lost %d, duplicated %d, out of order %d%n",
                    counts.received(), counts.lost(), counts.duplicated(), counts.outOfOrder());
            Delivery.assertSameSequence(expected, received);
        } finally {
            threads.shutdownNow();
        }
    }
}
