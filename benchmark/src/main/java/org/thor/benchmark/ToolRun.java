package org.thor.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.thor.kraft.KraftBroker;
import org.thor.kraft.TopicReader;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** One run's broker, file and sizes: each tool sends the file into a topic of its own. */
record ToolRun(KraftBroker broker, Path work, Path log, int lines, int lineBytes) {

    Result kcat(int round, Path kcat) throws Exception {
        String topic = topic("kcat", round);
        AtomicLong pid = new AtomicLong(-1);
        Timeline timeline = Timeline.start(broker, topic, () -> pid.get() < 0 ? 0 : ProcessStats.of(pid.get()).rssMegabytes());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(kcat.toString(), "-P", "-b", broker.bootstrapServers(), "-t", topic,
                "-l", log.toString()).redirectErrorStream(true).redirectOutput(work.resolve(topic + ".out").toFile()).start();
        pid.set(process.pid());
        ProcessStats peak = new ProcessStats(0, 0, 0);
        while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
            ProcessStats now = ProcessStats.of(process.pid());
            peak = now.peakRssMegabytes() > 0 ? now : peak; // the last figures before it exits
        }
        awaitCount(topic, start);
        Result result = result(round, "kcat (librdkafka defaults)", start, peak, timeline);
        verify(topic, true);
        return result;
    }

    Result producer(int round) throws Exception {
        String topic = topic("producer", round);
        Timeline timeline = Timeline.start(broker, topic, () -> 0);
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
        awaitCount(topic, start);
        Result result = result(round, "Java producer (acks=all, linger 5 ms, batch 256 KB)", start, null, timeline);
        verify(topic, true);
        return result;
    }

    Result worker(int round, String name, String classPath, Map<String, String> settings,
                  Map<String, String> connector) throws Exception {
        String topic = topic(name, round);
        try (StandaloneWorker worker = StandaloneWorker.start(work.resolve(topic), broker.bootstrapServers(), classPath, settings)) {
            ProcessStats before = worker.stats();
            Timeline timeline = Timeline.start(broker, topic, () -> worker.stats().rssMegabytes());
            long start = System.nanoTime();
            worker.createConnector(topic, connector);
            awaitCount(topic, start);
            Result result = result(round, name, start, worker.stats().since(before), timeline);
            verify(topic, !connector.get("connector.class").equals(PreparedRecordsConnector.class.getName()));
            return result;
        }
    }

    Result distribution(int round, String name, Path archive, Map<String, String> settings) throws Exception {
        return distribution(round, name, archive, System.getenv("EXTRA_JAVA_OPTS"), settings);
    }

    /** As above, the distribution's JVM given {@code extraJavaOpts} (null or empty: as shipped). */
    Result distribution(int round, String name, Path archive, String extraJavaOpts, Map<String, String> settings)
            throws Exception {
        String topic = topic(name, round);
        try (ThorDistribution thor = ThorDistribution.start(archive, work.resolve(topic), broker.bootstrapServers(), extraJavaOpts)) {
            ProcessStats idle = thor.stats();
            System.out.printf("round %d  %s: start to REST ready %.1f s, idle RSS %,d MB%n", round, name,
                    thor.startSeconds(), idle.rssMegabytes());
            Timeline timeline = Timeline.start(broker, topic, () -> thor.stats().rssMegabytes());
            long start = System.nanoTime();
            Map<String, String> connector = new LinkedHashMap<>(settings);
            connector.put("files", log.toString());
            connector.put("topic", topic);
            thor.deployConnector(topic, connector);
            awaitCount(topic, start);
            Result result = result(round, name, start, thor.stats().since(idle), timeline);
            verify(topic, true);
            return result;
        }
    }

    /**
     * With -Dbenchmark.verify=true (the short form in the build): the topic holds exactly
     * {@code lines} records, the file's lines in order where {@code fromFile}.
     */
    private void verify(String topic, boolean fromFile) {
        if (!Boolean.getBoolean("benchmark.verify")) {
            return;
        }
        int[] next = {0};
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            Consumer<ConsumerRecord<String, String>> check = record -> {
                if (next[0] >= lines || (fromFile && !record.value().equals(BenchmarkLog.line(next[0], lineBytes)))) {
                    throw new IllegalStateException(topic + ": record " + next[0] + " is '" + record.value()
                            + "', not line " + next[0] + " of the file");
                }
                next[0]++;
            };
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (next[0] < lines && System.nanoTime() < deadline) {
                reader.read(50_000, Duration.ofSeconds(5)).forEach(check);
            }
            reader.readUntilQuiet(Duration.ofSeconds(1)).forEach(check);
        }
        if (next[0] != lines) {
            throw new IllegalStateException(topic + " holds " + next[0] + " of the " + lines + " lines");
        }
    }

    private String topic(String name, int round) throws Exception {
        String topic = "bench-" + name.replaceAll("\\W+", "-").toLowerCase() + "-" + round;
        broker.createTopic(topic, 1);
        return topic;
    }

    private void awaitCount(String topic, long startNanos) throws Exception {
        long deadline = startNanos + TimeUnit.MINUTES.toNanos(10);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = broker.admin()) {
            while (System.nanoTime() < deadline) {
                long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
                if (end >= lines) {
                    return;
                }
                Thread.sleep(20); // polling the broker's end offset; the resolution this adds is 20 ms
            }
        }
        throw new IllegalStateException(topic + " did not reach " + lines + " records");
    }

    /** The result of a tool's run, its timeline stopped. */
    private Result result(int round, String name, long startNanos, ProcessStats stats, Timeline timeline)
            throws InterruptedException {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        timeline.close();
        return new Result(round, name, seconds, lines, (long) lines * lineBytes, stats, timeline.samples());
    }
}
