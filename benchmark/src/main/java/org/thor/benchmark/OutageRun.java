package org.thor.benchmark;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.thor.kraft.KraftBroker;
import org.thor.kraft.TopicReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The Thor distribution at its shipped defaults through a broker outage while a log is written at a
 * steady rate: how much its resident memory grows while nothing can be sent, and whether every
 * line arrives once the broker is back (a batch whose acknowledgement the outage cut off may come
 * twice: at least once).
 */
final class OutageRun {

    /** One second of the outage: the Karaf JVM's RSS and its heap, used and committed. */
    record Sample(int second, long rssMegabytes, long heapUsedMegabytes, long heapCommittedMegabytes) {
    }

    record Outage(int written, int received, int missing, boolean distinctInOrder, long rssBeforeMegabytes,
                  long peakRssDuringMegabytes, long rssGrowthMegabytes, double allInSecondsAfterLastWritten,
                  List<Sample> samples) {

        long peakHeapUsedMegabytes() {
            return samples.stream().mapToLong(Sample::heapUsedMegabytes).max().orElse(0);
        }

        long peakHeapCommittedMegabytes() {
            return samples.stream().mapToLong(Sample::heapCommittedMegabytes).max().orElse(0);
        }

        @Override
        public String toString() {
            return String.format("%,d lines written, %,d records received, %,d lines missing, distinct lines in order: %s%n"
                            + "RSS %,d MB before the outage, at most %,d MB during it: grew %,d MB; "
                            + "heap during it (sampled every second): at most %,d MB used, %,d MB committed%n"
                            + "every line in Kafka %.1f s after the last was written (10 s after the broker was back)", written, received, missing,
                    distinctInOrder, rssBeforeMegabytes, peakRssDuringMegabytes, rssGrowthMegabytes,
                    peakHeapUsedMegabytes(), peakHeapCommittedMegabytes(), allInSecondsAfterLastWritten);
        }
    }

    /** Follows the line numbers as records come: the next one expected, and those out of order. */
    private static final class LineCheck {
        int next;
        int received;
        int outOfOrder;

        void add(ConsumerRecord<String, String> record) {
            received++;
            int number = SteadyWriter.number(record.value());
            if (number == next) {
                next++;
            } else if (number > next) {
                outOfOrder++; // a line skipped: it may come later, out of order, or never
            }
            // number < next: sent again after a cut-off acknowledgement
        }
    }

    private OutageRun() {
    }

    static Outage measure(KraftBroker broker, Path work, Path archive, int linesPerSecond, int outageSeconds, int lineBytes)
            throws Exception {
        String topic = "bench-outage";
        broker.createTopic(topic, 1);
        Path log = work.resolve("outage").resolve("app.log");
        Files.createDirectories(log.getParent());
        Files.createFile(log);
        int before = linesPerSecond * 10;
        int during = linesPerSecond * outageSeconds;
        int after = linesPerSecond * 10;
        SteadyWriter writer = new SteadyWriter(log, linesPerSecond, lineBytes);
        ExecutorService writing = Executors.newSingleThreadExecutor();
        try (ThorDistribution thor = ThorDistribution.start(archive, work.resolve(topic), broker.bootstrapServers())) {
            thor.deployConnector(topic, Map.of("files", log.toString(), "topic", topic));
            thor.awaitTaskRunning(topic, Duration.ofMinutes(2));
            writer.write(before);
            long rssBefore = thor.stats().rssMegabytes();
            List<Sample> samples = new ArrayList<>();
            broker.stop();
            Future<Long> outage = writing.submit(() -> writer.write(during));
            try (HeapProbe heap = thor.heapProbe()) {
                while (!outage.isDone()) {
                    HeapProbe.Heap now = heap.heap();
                    samples.add(new Sample(samples.size(), thor.stats().rssMegabytes(), now.usedMegabytes(),
                            now.committedMegabytes()));
                    TimeUnit.SECONDS.sleep(1); // sampling once a second
                }
            }
            outage.get();
            long peak = Math.max(rssBefore, samples.stream().mapToLong(Sample::rssMegabytes).max().orElse(0));
            broker.start();
            writer.write(after);
            long wroteAll = System.nanoTime();
            int lines = before + during + after;
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
                LineCheck check = new LineCheck();
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                while (check.next < lines && System.nanoTime() < deadline) {
                    // in chunks: millions of records do not fit the benchmark's heap at once
                    reader.read(50_000, Duration.ofSeconds(10)).forEach(check::add);
                }
                double catchUp = (System.nanoTime() - wroteAll) / 1e9;
                reader.readUntilQuiet(Duration.ofSeconds(3)).forEach(check::add);
                return new Outage(lines, check.received, lines - check.next, check.outOfOrder == 0, rssBefore, peak,
                        peak - rssBefore, catchUp, samples);
            }
        } finally {
            writing.shutdownNow();
        }
    }
}
