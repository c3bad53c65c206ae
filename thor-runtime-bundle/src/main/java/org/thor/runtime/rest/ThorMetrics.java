package org.thor.runtime.rest;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.thor.runtime.LogStreams;
import org.thor.runtime.StreamFigures;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The log-file connectors' counters ({@link StreamFigures}, as their {@link LogStreams} report them) under Prometheus names with the labels
 * connector, task and stream. No label per file: a fleet has too many.
 */
final class ThorMetrics implements MultiCollector {

    private record Family(String name, boolean counter, String help, ToLongFunction<StreamFigures> value) {
    }

    private static final Family[] STREAM = {
            new Family("thor_lines_read", true, "Lines read from the stream's files", StreamFigures::linesRead),
            new Family("thor_bytes_read", true, "Bytes read from the stream's files", StreamFigures::bytesRead),
            new Family("thor_bytes_behind", false, "Bytes written to the stream's files and not read yet", StreamFigures::bytesBehind),
            new Family("thor_files_open", false, "Files of the stream held open", StreamFigures::filesOpen),
            new Family("thor_files_unreadable", false, "Files of the stream that cannot be read (mode, symlink loop), retried until they open",
                    figures -> figures.unreadableFiles().size()),
            new Family("thor_rotations", true, "Renames, truncations and new files seen", StreamFigures::rotations),
            new Family("thor_bytes_lost", true, "Bytes truncated or removed before they were read, with no copy to read them from",
                    StreamFigures::bytesLost),
            new Family("thor_copies_read_late", true, "Copies found only after lines of a newer file of the stream were sent, their"
                    + " lines sent after those", StreamFigures::copiesReadLate),
            new Family("thor_lines_overlong", true, "Lines longer than max.line.bytes, split", StreamFigures::linesOverlong),
            new Family("thor_lines_invalid", true, "Lines with bytes invalid in the charset", StreamFigures::linesInvalid),
            new Family("thor_lines_dropped", true, "Lines left out by include.lines/exclude.lines or dropped by the format",
                    StreamFigures::linesDropped),
            new Family("thor_lines_format_failed", true, "Lines the format failed on, sent as they are", StreamFigures::formatFailures)};

    private static final String IN_FLIGHT = "thor_records_in_flight";

    private final LogStreams streams;

    ThorMetrics(LogStreams streams) {
        this.streams = streams;
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, String> help = new LinkedHashMap<>();
        for (Family family : STREAM) {
            help.put(family.name(), family.help());
        }
        help.put(IN_FLIGHT, "Records handed to Kafka Connect and not yet acknowledged by Kafka, per task");
        MBeanFamilies families = new MBeanFamilies(help);
        for (StreamFigures figures : streams.figures(null)) {
            Labels labels = Labels.of("connector", figures.connector(), "task", figures.task(), "stream", figures.stream());
            for (Family family : STREAM) {
                double value = family.value().applyAsLong(figures);
                if (family.counter()) {
                    families.counter(family.name(), labels, value);
                } else {
                    families.gauge(family.name(), labels, value);
                }
            }
        }
        streams.recordsInFlight().forEach((connector, tasks) -> tasks.forEach((task, records) ->
                families.gauge(IN_FLIGHT, Labels.of("connector", connector, "task", task), records)));
        return families.build();
    }
}
