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
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Append-to-Kafka latency in the Thor distribution at its shipped defaults: a log written at a
 * steady rate, each line stamped with its write time, into a topic whose records the broker stamps
 * with their append time ({@code LogAppendTime}); a line's latency is the difference.
 */
final class LatencyRun {

    /** What came of it: the latencies sorted, in milliseconds, and whether every line came once, in order. */
    record Latencies(int written, int received, boolean onceInOrder, long[] sortedMillis, long[] afterFirstSecondMillis,
                     long lastRecordAfterLastLineMillis) {

        long percentile(double p) {
            return percentile(sortedMillis, p);
        }

        static long percentile(long[] sorted, double p) {
            return sorted.length == 0 ? -1 : sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1))];
        }

        @Override
        public String toString() {
            return String.format("%,d lines written, %,d received, every line once and in order: %s%n"
                            + "latency p50 %d ms, p99 %d ms, max %d ms (lines written after the first second, once the JVM "
                            + "has compiled the path: p50 %d ms, p99 %d ms, max %d ms); last record %d ms after the last line",
                    written, received, onceInOrder, percentile(50), percentile(99), percentile(100),
                    percentile(afterFirstSecondMillis, 50), percentile(afterFirstSecondMillis, 99),
                    percentile(afterFirstSecondMillis, 100), lastRecordAfterLastLineMillis);
        }
    }

    private LatencyRun() {
    }

    static Latencies measure(KraftBroker broker, Path work, Path archive, int linesPerSecond, int seconds, int lineBytes)
            throws Exception {
        String topic = "bench-latency";
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, TimestampType.LOG_APPEND_TIME.name)))).all().get();
        }
        Path log = work.resolve("latency").resolve("app.log");
        int lines = linesPerSecond * seconds;
        try (ThorDistribution thor = ThorDistribution.start(archive, work.resolve(topic), broker.bootstrapServers())) {
            Files.createDirectories(log.getParent());
            Files.createFile(log);
            thor.deployConnector(topic, Map.of("files", log.toString(), "topic", topic));
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
                thor.awaitTaskRunning(topic, Duration.ofMinutes(2));
                long lastWritten = new SteadyWriter(log, linesPerSecond, lineBytes).write(lines);
                List<ConsumerRecord<String, String>> records = reader.read(lines, Duration.ofMinutes(5));
                records.addAll(reader.readUntilQuiet(Duration.ofSeconds(2)));
                long[] latencies = records.stream().mapToLong(LatencyRun::latency).sorted().toArray();
                long firstWritten = records.isEmpty() ? 0 : SteadyWriter.writtenMillis(records.get(0).value());
                long[] afterFirstSecond = records.stream().filter(r -> SteadyWriter.writtenMillis(r.value()) >= firstWritten + 1000)
                        .mapToLong(LatencyRun::latency).sorted().toArray();
                boolean onceInOrder = records.size() == lines;
                for (int i = 0; onceInOrder && i < records.size(); i++) {
                    onceInOrder = SteadyWriter.number(records.get(i).value()) == i;
                }
                long lastRecord = records.isEmpty() ? -1 : records.get(records.size() - 1).timestamp() - lastWritten;
                return new Latencies(lines, records.size(), onceInOrder, latencies, afterFirstSecond, lastRecord);
            }
        }
    }

    private static long latency(ConsumerRecord<String, String> record) {
        return record.timestamp() - SteadyWriter.writtenMillis(record.value());
    }
}
