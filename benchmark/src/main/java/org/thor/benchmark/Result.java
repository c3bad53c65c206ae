package org.thor.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One tool's run: how long the file took to be in Kafka, and what its process used meanwhile (null: not measured). */
record Result(int round, String name, double seconds, long lines, long bytes, ProcessStats stats,
              List<Timeline.Sample> timeline) {

    static final String HEADING = String.format("%-5s %-52s %8s %11s %7s %12s %14s",
            "round", "tool", "s", "lines/s", "MB/s", "CPU s/M lines", "peak RSS MB");

    /** The results as CSV, one row per tool and round, for other programs. */
    static void writeCsv(List<Result> results, Path csv) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("round,tool,seconds,lines,bytes,lines_per_second,cpu_seconds,peak_rss_mb");
        for (Result result : results) {
            rows.add(String.format(Locale.ROOT, "%d,\"%s\",%.3f,%d,%d,%.0f,%s,%s", result.round, result.name,
                    result.seconds, result.lines, result.bytes, result.linesPerSecond(),
                    result.stats == null ? "" : String.format(Locale.ROOT, "%.2f", result.stats.cpuSeconds()),
                    result.stats == null ? "" : Long.toString(result.stats.peakRssMegabytes())));
        }
        Files.write(csv, rows);
        System.out.println("results: " + csv);
    }

    double linesPerSecond() {
        return lines / seconds;
    }

    @Override
    public String toString() {
        String cpu = stats == null ? "-" : String.format("%.1f", stats.cpuSeconds() * 1_000_000 / lines);
        String rss = stats == null || stats.peakRssMegabytes() == 0 ? "-" : String.format("%,d", stats.peakRssMegabytes());
        return String.format("%-5d %-52s %8.2f %,11.0f %7.1f %12s %14s", round, name, seconds, linesPerSecond(),
                bytes / seconds / 1e6, cpu, rss);
    }
}
