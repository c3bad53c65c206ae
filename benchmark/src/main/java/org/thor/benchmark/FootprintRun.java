package org.thor.benchmark;

import org.thor.kraft.KraftBroker;
import org.thor.kraft.TopicReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the Thor distribution costs at rest and at a modest rate: one connector following
 * {@code streams} logs (one pattern each, each in a directory of its own), started with the given
 * {@code EXTRA_JAVA_OPTS} ({@code ""}: bin/setenv's shipped options). Once every log's first line is
 * in Kafka and 30 s have passed for the JVM to settle, its CPU (as a share of one core) and RSS over
 * {@code seconds} of quiet; then, where {@code linesPerSecond} is above 0, while every log is written
 * at that rate: over {@code seconds} that follow 30 s of writing (the JVM compiling the sending path),
 * with every line counted in Kafka.
 */
final class FootprintRun {

    private static final int SETTLE_SECONDS = 30;
    private static final long TICK_MILLIS = 100;

    /** CPU as a share of one core and RSS over a span. */
    record Span(int seconds, double cpuSeconds, long rssMegabytes) {

        double percentOfACore() {
            return 100 * cpuSeconds / seconds;
        }
    }

    /** {@code written} is null where nothing was written. */
    record Footprint(String jvmOptions, int streams, Span idle, int linesPerSecond, Span written, long linesSent) {

        @Override
        public String toString() {
            String text = String.format("%d idle streams for %d s: %.2f CPU s, %.2f %% of a core; RSS %,d MB", streams, idle.seconds(),
                    idle.cpuSeconds(), idle.percentOfACore(), idle.rssMegabytes());
            return written == null ? text : text + String.format("%nwritten at %d lines/s each for %d s: %.2f %% of a core; RSS %,d MB; %,d lines sent",
                    linesPerSecond, written.seconds(), written.percentOfACore(), written.rssMegabytes(), linesSent);
        }
    }

    private FootprintRun() {
    }

    static Footprint measure(KraftBroker broker, Path work, Path archive, String jvmOptions, int streams, int seconds,
                             int linesPerSecond) throws Exception {
        String topic = "bench-footprint-" + System.nanoTime();
        broker.createTopic(topic, 1);
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            Path log = Files.createDirectories(work.resolve(topic).resolve("logs").resolve("app-" + i)).resolve("app.log");
            Files.writeString(log, "the first line of log " + i + "\n");
            logs.add(log);
        }
        List<String> patterns = logs.stream().map(Path::toString).toList();
        try (ThorDistribution thor = ThorDistribution.start(archive, work.resolve(topic).resolve("thor"), broker.bootstrapServers(), jvmOptions);
             TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            thor.deployConnector(topic, Map.of("files", String.join(",", patterns), "topic", topic));
            awaitLines(reader, streams);
            // the JVM goes on compiling what the start ran for a while: that is not what idle costs
            TimeUnit.SECONDS.sleep(SETTLE_SECONDS);
            ProcessStats before = thor.stats();
            TimeUnit.SECONDS.sleep(seconds); // the quiet being measured
            Span idle = span(seconds, thor.stats().since(before));
            if (linesPerSecond <= 0) {
                return new Footprint(jvmOptions, streams, idle, 0, null, 0);
            }
            long written = writeAll(logs, linesPerSecond, SETTLE_SECONDS);
            before = thor.stats();
            written += writeAll(logs, linesPerSecond, seconds);
            Span busy = span(seconds, thor.stats().since(before));
            awaitLines(reader, (int) written);
            return new Footprint(jvmOptions, streams, idle, linesPerSecond, busy, written);
        }
    }

    private static Span span(int seconds, ProcessStats stats) {
        return new Span(seconds, stats.cpuSeconds(), stats.rssMegabytes());
    }

    /** For {@code seconds}, every 100 ms the lines due by then appended to each log; returns how many were written to them all. */
    private static long writeAll(List<Path> logs, int linesPerSecond, int seconds) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long written = 0;
        long due = (long) linesPerSecond * seconds;
        while (written < due) {
            long next = Math.min(due, (System.nanoTime() - start) * linesPerSecond / TimeUnit.SECONDS.toNanos(1));
            for (Path log : logs) {
                StringBuilder lines = new StringBuilder();
                for (long n = written; n < next; n++) {
                    lines.append(String.format("%d a line of %s at a modest rate%n", n, log.getParent().getFileName()));
                }
                if (!lines.isEmpty()) {
                    Files.writeString(log, lines, StandardOpenOption.APPEND);
                }
            }
            written = next;
            TimeUnit.MILLISECONDS.sleep(TICK_MILLIS); // the applications' pace
        }
        return written * logs.size();
    }

    private static void awaitLines(TopicReader reader, int lines) {
        int received = reader.read(lines, Duration.ofMinutes(2)).size();
        if (received < lines) {
            throw new IllegalStateException(received + " of the " + lines + " lines arrived");
        }
    }
}
