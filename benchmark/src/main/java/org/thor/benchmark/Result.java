package org.thor.benchmark;

/** One tool's run: how long the file took to be in Kafka, and what its process used meanwhile (null: not measured). */
record Result(int round, String name, double seconds, long lines, long bytes, ProcessStats stats) {

    static final String HEADING = String.format("%-5s %-52s %8s %11s %7s %12s %14s",
            "round", "tool", "s", "lines/s", "MB/s", "CPU s/M lines", "peak RSS MB");

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
