package org.thor.benchmark;

import org.thor.kraft.KraftBroker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Two runs of the distribution a round, and the second's lines/s over the first's. */
final class PairedRuns {

    private PairedRuns() {
    }

    /**
     * {@code formats [lines] [rounds]}: the distribution on an nginx access log, with format=raw and
     * with format=groovy running the nginx example script ({@code -Dthor.groovy.nginx} names it),
     * each in a fresh distribution; lines/s of each and their ratio.
     */
    static void formats(String[] args) throws Exception {
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path work = Benchmark.runDirectory();
        Path log = work.resolve("logs").resolve("access.log");
        NginxLog.write(log, lines);
        int lineBytes = (int) (Files.size(log) / lines);
        Map<String, String> groovy = Map.of("format", "groovy",
                "format.groovy.file", Path.of(System.getProperty("thor.groovy.nginx")).toAbsolutePath().toString());
        List<Result> results = new ArrayList<>();
        try (KraftBroker broker = KraftBroker.start(work.resolve("broker"))) {
            ToolRun run = new ToolRun(broker, work, log, lines, lineBytes);
            for (int round = 1; round <= rounds; round++) {
                results.add(run.distribution(round, "Thor distribution, format=raw", Benchmark.distributionArchive(), Map.of()));
                results.add(run.distribution(round, "Thor distribution, format=groovy (nginx script)", Benchmark.distributionArchive(), groovy));
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
    static void ab(String[] args) throws Exception {
        Path a = Path.of(args[1]).toAbsolutePath();
        Path b = Path.of(args[2]).toAbsolutePath();
        int lines = args.length > 3 ? Integer.parseInt(args[3]) : 3_000_000;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        String optionsB = args.length > 5 ? args[5] : "";
        int lineBytes = 200;
        Path work = Benchmark.runDirectory();
        Path log = work.resolve("logs").resolve("app.log");
        BenchmarkLog.write(log, lines, lineBytes);
        List<Result> results = new ArrayList<>();
        try (KraftBroker broker = KraftBroker.start(work.resolve("broker"))) {
            ToolRun run = new ToolRun(broker, work, log, lines, lineBytes);
            for (int round = 1; round <= rounds; round++) {
                boolean aFirst = round % 2 == 1;
                Result first = aFirst ? run.distribution(round, "distribution A", a, "", Benchmark.connectorSettings())
                        : run.distribution(round, "distribution B", b, optionsB, Benchmark.connectorSettings());
                Result second = aFirst ? run.distribution(round, "distribution B", b, optionsB, Benchmark.connectorSettings())
                        : run.distribution(round, "distribution A", a, "", Benchmark.connectorSettings());
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
}
