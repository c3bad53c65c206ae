package org.thor.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.thor.kraft.KraftBroker;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Lines/s from one log file of N lines into a loopback broker, three ways in one run against the
 * same broker: a plain Java producer, Thor's connector in a stock Connect standalone worker, and
 * Kafka's FileStreamSource (Connect 4.3.0) in one. Both workers get the same producer settings.
 * <p>
 * Usage: {@code Benchmark [lines] [lineBytes] [rounds]}; system property {@code filestream.classpath}
 * names a file holding the 4.3.0 class path (see run.sh).
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int lineBytes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        // a fresh directory per run: a worker's stored offsets would say the file was read already
        Path work = Path.of("target", "bench", Long.toString(System.currentTimeMillis())).toAbsolutePath();
        Files.createDirectories(work);
        Path log = work.resolve("logs").resolve("app.log");
        writeLog(log, lines, lineBytes);
        String fileStreamClassPath = System.getProperty("filestream.classpath") == null ? null
                : Files.readString(Path.of(System.getProperty("filestream.classpath"))).trim();

        List<String> results = new ArrayList<>();
        try (KraftBroker broker = KraftBroker.start(work.resolve("broker-" + System.nanoTime()))) {
            for (int round = 1; round <= rounds; round++) {
                if (wanted("producer")) {
                    results.add(result(round, "Java producer (linger 5 ms, batch 256 KB)", lines,
                            producer(broker, "producer-" + round, log), -1));
                }
                if (wanted("thor")) {
                    results.add(connect(round, "Thor LogFileSourceConnector", broker, work, lines,
                        System.getProperty("java.class.path"), Map.of(
                                "connector.class", "org.thor.file.LogFileSourceConnector",
                                "files", log.toString())));
                }
                if (fileStreamClassPath != null && wanted("filestream")) {
                    results.add(connect(round, "Kafka FileStreamSource 4.3.0", broker, work, lines,
                            fileStreamClassPath, Map.of(
                                    "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                                    "file", log.toString())));
                }
            }
        }
        System.out.printf("%n%,d lines of %d bytes, file -> loopback KRaft broker (Kafka 4.4.0), %d cores%n",
                lines, lineBytes, Runtime.getRuntime().availableProcessors());
        results.forEach(System.out::println);
    }

    /** -Dbenchmark.only=thor (or producer, filestream) runs one of the three, e.g. for profiling. */
    private static boolean wanted(String name) {
        String only = System.getProperty("benchmark.only");
        return only == null || only.equals(name);
    }

    private static String connect(int round, String name, KraftBroker broker, Path work, int lines,
                                  String classPath, Map<String, String> connector) throws Exception {
        String topic = "bench-" + name.replaceAll("\\W+", "-").toLowerCase() + "-" + round;
        broker.createTopic(topic, 1);
        try (StandaloneWorker worker = StandaloneWorker.start(work.resolve(topic), broker.bootstrapServers(), classPath)) {
            long start = System.nanoTime();
            worker.createConnector(topic, connector);
            awaitCount(broker, topic, lines, TimeUnit.MINUTES.toNanos(10));
            double seconds = (System.nanoTime() - start) / 1e9;
            return result(round, name, lines, seconds, worker.peakRssMegabytes());
        }
    }

    private static double producer(KraftBroker broker, String topic, Path log) throws IOException {
        broker.createTopic(topic, 1);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(), new StringSerializer());
             BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                producer.send(new ProducerRecord<>(topic, line));
            }
            producer.flush();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void awaitCount(KraftBroker broker, String topic, long count, long timeoutNanos) throws Exception {
        long deadline = System.nanoTime() + timeoutNanos;
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = broker.admin()) {
            while (System.nanoTime() < deadline) {
                long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
                if (end >= count) {
                    return;
                }
                Thread.sleep(50); // polling the broker's end offset; the resolution this adds is 50 ms
            }
        }
        throw new IllegalStateException(topic + " did not reach " + count + " records");
    }

    private static String result(int round, String name, int lines, double seconds, long rssMegabytes) {
        return String.format("round %d  %-42s %7.2f s  %,9.0f lines/s%s", round, name, seconds, lines / seconds,
                rssMegabytes < 0 ? "" : String.format("  worker peak RSS %,d MB", rssMegabytes));
    }

    private static void writeLog(Path log, int lines, int lineBytes) throws IOException {
        Files.createDirectories(log.getParent());
        String filler = "x".repeat(Math.max(0, lineBytes - 1 - 40));
        try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                String head = String.format("2026-11-25T10:00:00.000Z INFO %09d ", i);
                String line = (head + filler).substring(0, Math.min(lineBytes - 1, head.length() + filler.length()));
                out.write(line);
                out.write('\n');
            }
        }
    }
}
