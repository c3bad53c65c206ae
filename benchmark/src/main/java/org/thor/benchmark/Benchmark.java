package org.thor.benchmark;

import org.thor.kraft.KraftBroker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        switch (args.length > 0 ? args[0] : "") {
            case "latency" -> latency(args);
            case "outage" -> outage(args);
            case "idle" -> idle(args);
            case "footprint" -> footprint(args);
            case "streams" -> streams(args);
            case "formats" -> PairedRuns.formats(args);
            case "ab" -> PairedRuns.ab(args);
            default -> everyTool(args);
        }
    }

    /** {@code [lines] [lineBytes] [rounds]}: every tool in turn, and Thor's lines/s over each peer's. */
    private static void everyTool(String[] args) throws Exception {
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
        BenchmarkLog.write(log, lines, lineBytes);
        Optional<Path> kcat = onPath("kcat");
        List<Result> results = new ArrayList<>();
        try (KraftBroker broker = KraftBroker.start(work.resolve("broker-" + System.nanoTime()))) {
            ToolRun run = new ToolRun(broker, work, log, lines, lineBytes);
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
    static Path runDirectory() {
        return Path.of("target", "bench", Long.toString(System.currentTimeMillis())).toAbsolutePath();
    }

    /** The distribution's archive run.sh names with {@code -Dthor.distribution}. */
    static Path distributionArchive() {
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
    static Map<String, String> connectorSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
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
}
