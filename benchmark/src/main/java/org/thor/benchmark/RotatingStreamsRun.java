package org.thor.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.record.TimestampType;
import org.thor.kraft.KraftBroker;
import org.thor.kraft.TopicReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Several logs written at a steady rate each into one connector of the distribution at its shipped
 * defaults, each rotated every few seconds a different way (renamed to a dated name, renamed with
 * numbers shifted, copied and truncated): whether every line arrives once and in order per log,
 * and how long after the last line was written the last record landed.
 */
final class RotatingStreamsRun {

    record Streams(int written, int received, int missing, int duplicates, int outOfOrder, long lastRecordMillis) {

        @Override
        public String toString() {
            return String.format("%,d lines written, %,d records received: %,d missing, %,d twice, %,d out of order; "
                    + "the last record landed %,d ms after the last line was written", written, received, missing, duplicates,
                    outOfOrder, lastRecordMillis);
        }
    }

    private enum Rotation { DATE, NUMBERED, COPYTRUNCATE }

    private RotatingStreamsRun() {
    }

    static Streams measure(KraftBroker broker, Path work, Path archive, int streams, int linesPerSecond, int seconds,
                           int rotateSeconds, int lineBytes) throws Exception {
        String topic = "bench-streams";
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, TimestampType.LOG_APPEND_TIME.name)))).all().get();
        }
        List<Path> logs = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            Path log = work.resolve("streams").resolve("log" + i).resolve("app.log");
            Files.createDirectories(log.getParent());
            Files.createFile(log);
            logs.add(log);
            patterns.add(log + "*");
        }
        ExecutorService writers = Executors.newFixedThreadPool(streams);
        try (ThorDistribution thor = ThorDistribution.start(archive, work.resolve(topic), broker.bootstrapServers());
             TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            thor.deployConnector(topic, Map.of("files", String.join(",", patterns), "topic", topic));
            thor.awaitTaskRunning(topic, Duration.ofMinutes(2));
            List<Future<Long>> lastWrites = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                Path log = logs.get(i);
                Rotation rotation = Rotation.values()[i % Rotation.values().length];
                lastWrites.add(writers.submit(() -> writeRotating(log, rotation, linesPerSecond, seconds, rotateSeconds, lineBytes)));
            }
            long lastWritten = 0;
            for (Future<Long> last : lastWrites) {
                lastWritten = Math.max(lastWritten, last.get());
            }
            int lines = streams * linesPerSecond * seconds;
            Check check = new Check(patterns, linesPerSecond * seconds);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (check.received < lines && System.nanoTime() < deadline) {
                // in chunks: millions of records do not fit the benchmark's heap at once
                reader.read(50_000, Duration.ofSeconds(10)).forEach(check::add);
            }
            reader.readUntilQuiet(Duration.ofSeconds(3)).forEach(check::add);
            return check.result(lastWritten);
        } finally {
            writers.shutdownNow();
        }
    }

    /** Writes {@code seconds} of lines at the rate, rotating the log every {@code rotateSeconds}; the time of the last write. */
    private static long writeRotating(Path log, Rotation rotation, int linesPerSecond, int seconds, int rotateSeconds,
                                      int lineBytes) throws Exception {
        SteadyWriter writer = new SteadyWriter(log, linesPerSecond, lineBytes);
        long last = 0;
        for (int done = 0, round = 1; done < seconds; done += rotateSeconds, round++) {
            last = writer.write(linesPerSecond * Math.min(rotateSeconds, seconds - done));
            if (done + rotateSeconds < seconds) {
                rotate(log, rotation, round);
            }
        }
        return last;
    }

    private static void rotate(Path log, Rotation rotation, int round) throws Exception {
        switch (rotation) {
            case DATE -> Files.move(log, log.resolveSibling(log.getFileName() + String.format(".2026120%d-%06d", round % 10, round)));
            case NUMBERED -> {
                for (int i = round - 1; i >= 1; i--) {
                    Files.move(log.resolveSibling(log.getFileName() + "." + i), log.resolveSibling(log.getFileName() + "." + (i + 1)));
                }
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"));
            }
            case COPYTRUNCATE -> {
                Files.copy(log, log.resolveSibling(log.getFileName() + "." + round), StandardCopyOption.COPY_ATTRIBUTES);
                try (FileChannel file = FileChannel.open(log, StandardOpenOption.WRITE)) {
                    file.truncate(0);
                }
            }
        }
    }

    /** Per log (the record key is its pattern), the line numbers must come 0, 1, 2 … each once. */
    private static final class Check {
        private final Map<String, Integer> next = new HashMap<>();
        private final int perStream;
        int received;
        private int duplicates;
        private int outOfOrder;
        private long lastAppended;

        Check(List<String> patterns, int perStream) {
            patterns.forEach(pattern -> next.put(pattern, 0));
            this.perStream = perStream;
        }

        void add(ConsumerRecord<String, String> record) {
            received++;
            lastAppended = Math.max(lastAppended, record.timestamp());
            int expected = next.getOrDefault(record.key(), 0);
            int number = SteadyWriter.number(record.value());
            if (number == expected) {
                next.put(record.key(), expected + 1);
            } else if (number < expected) {
                duplicates++;
            } else {
                outOfOrder++;
                next.put(record.key(), number + 1);
            }
        }

        Streams result(long lastWritten) {
            int missing = next.values().stream().mapToInt(arrived -> perStream - arrived).sum();
            return new Streams(perStream * next.size(), received, missing, duplicates, outOfOrder,
                    received == 0 ? -1 : lastAppended - lastWritten);
        }
    }
}
