package org.thor.benchmark;

import java.util.List;

/** The footprint runs as a Markdown table: a row per set of JVM options and number of streams. */
final class FootprintTable {

    private static final String SHIPPED = "shipped (bin/setenv: `-Xms32m -Xmx256m -XX:+UseSerialGC`)";

    private FootprintTable() {
    }

    static String markdown(List<FootprintRun.Footprint> footprints) {
        StringBuilder table = new StringBuilder();
        FootprintRun.Footprint first = footprints.get(0);
        table.append(String.format("| EXTRA_JAVA_OPTS | streams | idle CPU, %% of a core | idle RSS MB | CPU at %d lines/s a stream, %% of a core "
                + "| RSS MB then | lines sent |%n", first.linesPerSecond()));
        table.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (FootprintRun.Footprint footprint : footprints) {
            FootprintRun.Span written = footprint.written();
            table.append(String.format("| %s | %d | %.2f | %,d | %s | %s | %s |%n", options(footprint.jvmOptions()), footprint.streams(),
                    footprint.idle().percentOfACore(), footprint.idle().rssMegabytes(),
                    written == null ? "-" : String.format("%.2f", written.percentOfACore()),
                    written == null ? "-" : String.format("%,d", written.rssMegabytes()),
                    written == null ? "-" : String.format("%,d", footprint.linesSent())));
        }
        return table.toString();
    }

    private static String options(String jvmOptions) {
        return jvmOptions == null || jvmOptions.isBlank() ? SHIPPED : "`" + jvmOptions.trim() + "`";
    }
}
