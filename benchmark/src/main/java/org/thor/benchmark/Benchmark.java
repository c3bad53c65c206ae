package org.thor.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.thor.kraft.KraftBroker;
import org.thor.kraft.TopicReader;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lines/s from one log file of N lines into a loopback broker, every way in one run against the
 * same broker: kcat (where installed), a plain Java producer, Kafka's FileStreamSource (Connect
 * 4.3.0) at Connect's defaults and tuned, the Connect ceiling (prepared records, tuned worker),
 * Thor's connector in a tuned standalone worker, and the Thor distribution at its shipped defaults.
 * <p>
 * Usage: {@code Benchmark [lines] [lineBytes] [rounds]}; system properties: {@code filestream.classpath}
 * names a file holding the 4.3.0 class path, {@code thor.distribution} the distribution's archive
 * (see run.sh), {@code benchmark.only} one tool's name to run it alone.
 */
public final class Benchmark {

    private static final String THOR_DISTRIBUTION = "Thor distribution, shipped defaults";
    private static final String THOR_STANDALONE = "Thor, standalone worker, tuned";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("latency")) {
            latency(args);
            return;
        }
        if (args.length > 0 && args[0].equals("outage")) {
            outage(args);
            return;
        }
        if (args.length > 0 && args[0].equals("idle")) {
            idle(args);
            return;
        }
        if (args.length > 0 && args[0].equals("footprint")) {
            footprint(args);
            return;
        }
        if (args.length > 0 && args[0].equals("streams")) {
            streams(args);
            return;
        }
        if (args.length > 0 && args[0].equals("formats")) {
            formats(args);
            return;
        }
        if (args.length > 0 && args[0].equals("ab")) {
            ab(args);
            return;
        }
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int lineBytes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path work = runDirectory();
        String fileStreamClassPath = System.getProperty("filestream.classpath") == null ? null
                : Files.readString(Path.of(System.getProperty("filestream.classpath"))).trim();
        String distribution = System.getProperty("thor.distribution");
        List<Result> results = throughput(work, lines, lineBytes, rounds, fileStreamClassPath, distribution);
        System.out.printf("%n%,d lines of %d bytes, file -> loopback KRaft broker (Kafka 4.4.0), %d cores%n",
                lines, lineBytes, Runtime.getRuntime().availableProcessors());
        System.out.println(Result.HEADING);
        results.forEach(System.out::println);
        printRatios(results, rounds);
        Result.writeCsv(results, work.resolve("results.csv"));
        Charts.throughput(results, String.format("%,d lines of %d bytes into a loopback broker", lines, lineBytes), work.resolve("charts"));
        Charts.overTime(results, work.resolve("charts"));
    }

    /**
     * Every tool in turn, {@code rounds} times, on one broker and one file of {@code lines} lines;
     * FileStreamSource only with its class path, the distribution only with its archive, kcat only
     * where it is installed. With {@code -Dbenchmark.verify=true} each topic is read back and must
     * hold every line of the file once, in order.
     */
    static List<Result> throughput(Path work, int lines, int lineBytes, int rounds, String fileStreamClassPath,
                                   String distribution) throws Exception {
        Files.createDirectories(work);
        Path log = work.resolve("logs").resolve("app.log");
        writeLog(log, lines, lineBytes);
        Optional<Path> kcat = onPath("kcat");
        List<Result> results = new ArrayList<>();
        try (KraftBroker broker = KraftBroker.start(work.resolve("broker-" + System.nanoTime()))) {
            Run run = new Run(broker, work, log, lines, lineBytes);
            for (int round = 1; round <= rounds; round++) {
                if (kcat.isPresent() && wanted("kcat")) {
                    results.add(run.kcat(round, kcat.get()));
                }
                if (wanted("producer")) {
                    results.add(run.producer(round));
                }
                if (fileStreamClassPath != null && wanted("filestream")) {
                    Map<String, String> fileStream = Map.of(
                            "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector", "file", log.toString());
                    results.add(run.worker(round, "FileStreamSource 4.3.0, Connect defaults", fileStreamClassPath, Map.of(), fileStream));
                    results.add(run.worker(round, "FileStreamSource 4.3.0, tuned", fileStreamClassPath, StandaloneWorker.TUNED, fileStream));
                }
                String classPath = System.getProperty("java.class.path");
                if (wanted("ceiling")) {
                    results.add(run.worker(round, "Connect ceiling (prepared records), tuned", classPath, StandaloneWorker.TUNED,
                            Map.of("connector.class", PreparedRecordsConnector.class.getName(),
                                    PreparedRecordsConnector.RECORDS, Integer.toString(lines),
                                    PreparedRecordsConnector.LINE_BYTES, Integer.toString(lineBytes))));
                }
                if (wanted("thor")) {
                    results.add(run.worker(round, THOR_STANDALONE, classPath, StandaloneWorker.TUNED,
                            Map.of("connector.class", "org.thor.file.LogFileSourceConnector", "files", log.toString())));
                }
                if (distribution != null && wanted("distribution")) {
                    results.add(run.distribution(round, THOR_DISTRIBUTION, Path.of(distribution), connectorSettings()));
                }
            }
        }
        return results;
    }

    /** A fresh directory per run: a worker's stored offsets would say the file was read already. */
    private static Path runDirectory() {
        return Path.of("target", "bench", Long.toString(System.currentTimeMillis())).toAbsolutePath();
    }

    /** The distribution's archive run.sh names with {@code -Dthor.distribution}. */
    private static Path distributionArchive() {
        return Path.of(System.getProperty("thor.distribution"));
    }

    /** {@code idle [streams] [seconds]}: the distribution's CPU and RSS while its streams have nothing to read. */
    private static void idle(String[] args) throws Exception {
        int streams = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path work = runDirectory();
        try (KraftBroker broker = KraftBroker.start(work.resolve("broker"))) {
            FootprintRun.Footprint idle = FootprintRun.measure(broker, work, distributionArchive(), System.getenv("EXTRA_JAVA_OPTS"),
                    streams, seconds, 0);
            System.out.printf("%nThor distribution, shipped defaults, one connector:%n%s%n", idle);
        }
    }

    /**
     * {@code footprint [seconds] [linesPerSecond] [jvmOptions ...]}: for each set of JVM options (one
     * argument each, {@code ""} for the shipped ones), a fresh distribution with 1 and with 50 streams,
     * idle and then each written at {@code linesPerSecond}; a table of CPU and RSS.
     */
    private static void footprint(String[] args) throws Exception {
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int linesPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<String> options = args.length > 3 ? List.of(args).subList(3, args.length) : List.of("");
        Path work = runDirectory();
        List<FootprintRun.Footprint> footprints = new ArrayList<>();
        try (KraftBroker broker = KraftBroker.start(work.resolve("broker"))) {
            for (String jvmOptions : options) {
                for (int streams : new int[] {1, 50}) {
                    FootprintRun.Footprint footprint = FootprintRun.measure(broker, work, distributionArchive(), jvmOptions,
                            streams, seconds, linesPerSecond);
                    System.out.printf("%nEXTRA_JAVA_OPTS=\"%s\": %s%n", jvmOptions, footprint);
                    footprints.add(footprint);
                }
            }
        }
        System.out.printf("%n%s", FootprintTable.markdown(footprints));
    }

    /**
     * {@code formats [lines] [rounds]}: the distribution on an nginx access log, with format=raw and
     * with format=groovy running the nginx example script ({@code -Dthor.groovy.nginx} names it),
     * each in a fresh distribution; lines/s of each and their ratio.
     */
    private static void formats(String[] args) throws Exception {
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path work = runDirectory();
        Path log = work.resolve("logs").resolve("access.log");
        NginxLog.write(log, lines);
        int lineBytes = (int) (Files.size(log) / lines);
        Map<String, String> groovy = Map.of("format", "groovy",
                "format.groovy.file", Path.of(System.getProperty("thor.groovy.nginx")).toAbsolutePath().toString());
        List<Result> results = new ArrayList<>();
        try (KraftBroker broker = KraftBroker.start(work.resolve("broker"))) {
            Run run = new Run(broker, work, log, lines, lineBytes);
            for (int round = 1; round <= rounds; round++) {
                results.add(run.distribution(round, "Thor distribution, format=raw", distributionArchive(), Map.of()));
                results.add(run.distribution(round, "Thor distribution, format=groovy (nginx script)", distributionArchive(), groovy));
            }
        }
        System.out.printf("%n%,d nginx access-log lines (%d bytes on average), file -> loopback KRaft broker, %d cores%n",
                lines, lineBytes, Runtime.getRuntime().availableProcessors());
        printPairs(results, "groovy / raw", work);
    }

    /**
     * {@code ab archiveA archiveB [lines] [rounds] [optionsB]}: two builds of the distribution (or one,
     * twice, B's JVM given {@code optionsB} as EXTRA_JAVA_OPTS), in turn (A then B in odd rounds, B
     * then A in even ones) on one broker and one file of 200-byte lines; lines/s of each and B / A
     * per round: what a change costs, measured in one run rather than across runs on a shared machine.
     */
    private static void ab(String[] args) throws Exception {
        Path a = Path.of(args[1]).toAbsolutePath();
        Path b = Path.of(args[2]).toAbsolutePath();
        int lines = args.length > 3 ? Integer.parseInt(args[3]) : 3_000_000;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        String optionsB = args.length > 5 ? args[5] : "";
        int lineBytes = 200;
        Path work = runDirectory();
        Path log = work.resolve("logs").resolve("app.log");
        writeLog(log, lines, lineBytes);
        List<Result> results = new ArrayList<>();
        try (KraftBroker broker = KraftBroker.start(work.resolve("broker"))) {
            Run run = new Run(broker, work, log, lines, lineBytes);
            for (int round = 1; round <= rounds; round++) {
                boolean aFirst = round % 2 == 1;
                Result first = aFirst ? run.distribution(round, "distribution A", a, "", connectorSettings())
                        : run.distribution(round, "distribution B", b, optionsB, connectorSettings());
                Result second = aFirst ? run.distribution(round, "distribution B", b, optionsB, connectorSettings())
                        : run.distribution(round, "distribution A", a, "", connectorSettings());
                results.addAll(aFirst ? List.of(first, second) : List.of(second, first));
            }
        }
        System.out.printf("%nA = %s%nB = %s%s%n%,d lines of %d bytes, file -> loopback KRaft broker, %d cores%n", a, b,
                optionsB.isEmpty() ? "" : " with EXTRA_JAVA_OPTS=\"" + optionsB + "\"", lines, lineBytes,
                Runtime.getRuntime().availableProcessors());
        printPairs(results, "B / A", work);
    }

    /** The results, two a round, with the lines/s of the second over the first's; saved as CSV. */
    private static void printPairs(List<Result> results, String ratio, Path work) throws IOException {
        System.out.println(Result.HEADING);
        results.forEach(System.out::println);
        for (int i = 0; i + 1 < results.size(); i += 2) {
            System.out.printf("round %d: %s = %.2f%n", results.get(i).round(), ratio,
                    results.get(i + 1).linesPerSecond() / results.get(i).linesPerSecond());
        }
        Result.writeCsv(results, work.resolve("results.csv"));
    }

    /** {@code streams [streams] [seconds] [linesPerSecond]}: rotating logs at a steady rate each, into one connector. */
    private static void streams(String[] args) throws Exception {
        int streams = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int linesPerSecond = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        Path work = runDirectory();
        try (KraftBroker broker = KraftBroker.start(work.resolve("broker"))) {
            RotatingStreamsRun.Streams result = RotatingStreamsRun.measure(broker, work, distributionArchive(), streams,
                    linesPerSecond, seconds, 5, 200);
            System.out.printf("%nThor distribution, shipped defaults, %d logs at %,d lines/s each for %d s, each rotated every 5 s "
                    + "(dated rename, numbered rename, copytruncate in turn):%n%s%n", streams, linesPerSecond, seconds, result);
        }
    }

    /** {@code outage [seconds] [linesPerSecond]}: the distribution through a broker outage of that long. */
    private static void outage(String[] args) throws Exception {
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int linesPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Path work = runDirectory();
        try (KraftBroker broker = KraftBroker.start(work.resolve("broker"))) {
            OutageRun.Outage outage = OutageRun.measure(broker, work, distributionArchive(),
                    linesPerSecond, seconds, 200);
            System.out.printf("%nThor distribution, shipped defaults, one log at %,d lines/s through a broker outage of %d s:%n%s%n",
                    linesPerSecond, seconds, outage);
            Charts.outage(outage, String.format("Thor distribution through a %d s broker outage at %,d lines/s", seconds,
                    linesPerSecond), work.resolve("charts"));
        }
    }

    /** {@code latency [seconds] [linesPerSecond]}: the distribution's append-to-Kafka latency at a steady rate. */
    private static void latency(String[] args) throws Exception {
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int linesPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Path work = runDirectory();
        try (KraftBroker broker = KraftBroker.start(work.resolve("broker"))) {
            LatencyRun.Latencies latencies = LatencyRun.measure(broker, work, distributionArchive(),
                    linesPerSecond, seconds, 200);
            System.out.printf("%nThor distribution, shipped defaults, one log at %,d lines/s for %d s:%n%s%n",
                    linesPerSecond, seconds, latencies);
            Charts.latency(latencies, String.format("Thor distribution, one log at %,d lines/s: p50 %d ms, p99 %d ms",
                    linesPerSecond, latencies.percentile(50), latencies.percentile(99)), work.resolve("charts"));
        }
    }

    /** Thor's lines/s against each peer's in the same round. */
    private static void printRatios(List<Result> results, int rounds) {
        for (int round = 1; round <= rounds; round++) {
            int r = round;
            List<Result> inRound = results.stream().filter(result -> result.round() == r).toList();
            for (Result thor : inRound.stream().filter(result -> result.name().startsWith("Thor")).toList()) {
                StringBuilder ratios = new StringBuilder();
                for (Result peer : inRound) {
                    if (!peer.name().startsWith("Thor")) {
                        ratios.append(String.format("%n    %5.2f x %s", thor.linesPerSecond() / peer.linesPerSecond(), peer.name()));
                    }
                }
                System.out.printf("round %d, %s:%s%n", round, thor.name(), ratios);
            }
        }
    }

    /**
     * Connector keys the distribution's connector gets beside files and topic, from
     * {@code -Dbenchmark.connector="headers=,record.key=none"}: to see what a setting costs.
     */
    private static Map<String, String> connectorSettings() {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (String setting : System.getProperty("benchmark.connector", "").split(",")) {
            if (setting.contains("=")) {
                settings.put(setting.substring(0, setting.indexOf('=')).trim(), setting.substring(setting.indexOf('=') + 1).trim());
            }
        }
        return settings;
    }

    /** -Dbenchmark.only=thor (or kcat, producer, filestream, ceiling, distribution) runs one of them, e.g. for profiling. */
    private static boolean wanted(String name) {
        String only = System.getProperty("benchmark.only");
        return only == null || only.equals(name);
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(directory -> Path.of(directory, program)).filter(Files::isExecutable).findFirst();
    }

    /** One run's broker, file and sizes: each tool sends the file into a topic of its own. */
    private record Run(KraftBroker broker, Path work, Path log, int lines, int lineBytes) {

        Result kcat(int round, Path kcat) throws Exception {
            String topic = topic("kcat", round);
            java.util.concurrent.atomic.AtomicLong pid = new java.util.concurrent.atomic.AtomicLong(-1);
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
                Map<String, String> connector = new java.util.LinkedHashMap<>(settings);
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
                java.util.function.Consumer<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> check = record -> {
                    if (next[0] >= lines || (fromFile && !record.value().equals(line(next[0], lineBytes)))) {
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

    private static void writeLog(Path log, int lines, int lineBytes) throws IOException {
        Files.createDirectories(log.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                out.write(line(i, lineBytes));
                out.write('\n');
            }
        }
    }

    /** Line {@code i} of the file, without its newline. */
    private static String line(int i, int lineBytes) {
        String head = String.format("2026-11-25T10:00:00.000Z INFO %09d ", i);
        String filler = "x".repeat(Math.max(0, lineBytes - 1 - head.length()));
        return (head + filler).substring(0, Math.min(lineBytes - 1, head.length() + filler.length()));
    }
}
