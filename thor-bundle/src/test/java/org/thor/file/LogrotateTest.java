package org.thor.file;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.kraft.KraftBroker;
import org.thor.kraft.TopicReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real logrotate (copytruncate, compress, delaycompress) every 10,000 lines while an
 * application logs 20,000 lines/s through one append handle it never reopens, in a real worker
 * against a real broker: every line arrives once and in order. logrotate runs beside the
 * application, not between its writes, as cron would run it. So logrotate itself can lose a write
 * that lands between the end of its copy and its truncation (its fsync of the copy lies between
 * them, slow on a busy disk); the test then fails, and its output says those lines are in no file.
 */
class LogrotateTest {

    private static final int LINES = 200_000;
    private static final int LINES_PER_WRITE = 1_000;
    private static final int LINES_PER_ROTATION = 10_000;

    private static KraftBroker broker;

    @TempDir
    static Path brokerDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KraftBroker.start(brokerDir);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyLineArrivesOnceAndInOrderUnderCopytruncateCompressDelaycompress() throws Exception {
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
        connector.put("files", logs + "/app.log*");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (ConnectWorker worker = ConnectWorker.start(dir.resolve("worker"), broker.bootstrapServers(), connector);
             TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            Future<?> application = threads.submit(() -> {
                log(log, logrotate, threads);
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
            System.out.printf("logrotate copytruncate+compress+delaycompress: %d lines, lost %d, duplicated %d, out of order %d%n",
                    counts.received(), counts.lost(), counts.duplicated(), counts.outOfOrder());
            if (!received.equals(expected)) {
                reportDifference(expected, records, logs, worker);
            }
            Delivery.assertSameSequence(expected, received);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The application: one append handle, never reopened; asks for a rotation every 10,000 lines and goes on. */
    private static void log(Path log, Logrotate logrotate, ExecutorService threads) throws Exception {
        List<Future<?>> rotations = new ArrayList<>();
        try (FileChannel out = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < LINES; i++) {
                chunk.append(LogFiles.line(i)).append('\n');
                if ((i + 1) % LINES_PER_WRITE == 0) {
                    out.write(ByteBuffer.wrap(chunk.toString().getBytes(StandardCharsets.UTF_8)));
                    chunk.setLength(0);
                    if ((i + 1) % LINES_PER_ROTATION == 0 && i + 1 < LINES) {
                        rotations.add(threads.submit(() -> {
                            logrotate.rotate();
                            return null;
                        }));
                    }
                    Thread.sleep(50); // the application's pace (20,000 lines/s), not a synchronisation
                }
            }
        }
        for (Future<?> rotation : rotations) {
            rotation.get();
        }
    }

    /**
     * Tells lines that logrotate itself lost (written between the end of its copy and its
     * truncation, so in no file now) from lines that are on disk but did not arrive, and shows
     * where the records on either side of the first gap were read from.
     */
    private static void reportDifference(List<String> expected, List<ConsumerRecord<String, String>> records, Path logs,
            ConnectWorker worker) throws IOException {
        List<String> received = TopicReader.values(records);
        Set<String> arrived = new HashSet<>(received);
        Set<String> onDisk = linesUnder(logs);
        List<String> lost = expected.stream().filter(line -> !arrived.contains(line)).toList();
        List<String> inNoFile = lost.stream().filter(line -> !onDisk.contains(line)).toList();
        int gap = 0;
        while (gap < received.size() && received.get(gap).equals(expected.get(gap))) {
            gap++;
        }
        Set<String> written = new HashSet<>(expected);
        List<String> neverWritten = records.stream().filter(r -> !written.contains(r.value())).map(LogrotateTest::source).toList();
        System.out.printf("lost lines: %d in no file under %s (logrotate's own loss), %d on disk; lost: %s .. %s;"
                        + " around the first gap: %s | %s; records that match no written line: %s; worker log: %s%n",
                inNoFile.size(), logs, lost.size() - inNoFile.size(), lost.isEmpty() ? "-" : lost.get(0),
                lost.isEmpty() ? "-" : lost.get(lost.size() - 1),
                gap > 0 ? source(records.get(gap - 1)) : "-", gap < records.size() ? source(records.get(gap)) : "-",
                neverWritten, worker.log());
    }

    private static String source(ConsumerRecord<String, String> record) {
        return record.value() + " from " + header(record, LogFileSourceTask.PATH_HEADER)
                + " at byte " + header(record, LogFileSourceTask.OFFSET_HEADER);
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Set<String> linesUnder(Path logs) throws IOException {
        Set<String> lines = new HashSet<>();
        try (var files = Files.list(logs)) {
            for (Path file : files.toList()) {
                try (InputStream in = file.toString().endsWith(".gz")
                        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
                    lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
                }
            }
        }
        return lines;
    }
}
