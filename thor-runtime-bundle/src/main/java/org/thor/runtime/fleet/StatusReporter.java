package org.thor.runtime.fleet;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.runtime.ConnectorStatus;
import org.thor.runtime.ThorWorker;
import org.thor.runtime.StreamFigures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Writes this Thor's {@link HostStatus} to the status topic: whenever a state changes (a record
 * applied or refused, a connector's state), and every {@code fleet.status.interval.ms} otherwise.
 * The figures are those {@code thor:status} shows, as the log-file connectors' services report them.
 */
final class StatusReporter {

    private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);

    private record LinesSample(long lines, long nanos) {
    }

    private final FleetSettings settings;
    private final String version;
    private final ThorWorker worker;
    private final Producer<String, byte[]> producer;
    private final Function<String, List<StreamFigures>> streams;
    private final Map<String, LinesSample> lastLines = new HashMap<>();
    private FleetApplier.Outcome outcome = FleetApplier.Outcome.NONE;
    private HostStatus lastWritten;
    private long lastWrittenNanos;

    /** @param streams a connector's streams, by its name */
    StatusReporter(FleetSettings settings, String version, ThorWorker worker, Producer<String, byte[]> producer,
                   Function<String, List<StreamFigures>> streams) {
        this.streams = streams;
        this.settings = settings;
        this.version = version;
        this.worker = worker;
        this.producer = producer;
    }

    /** The result of an apply pass: written at once if it changed anything. */
    void outcome(FleetApplier.Outcome newOutcome) {
        outcome = newOutcome;
        report();
    }

    /** Called often: writes when a state changed or the interval has passed. */
    void report() {
        HostStatus status = current();
        long now = System.nanoTime();
        boolean due = lastWritten == null || now - lastWrittenNanos >= TimeUnit.MILLISECONDS.toNanos(settings.statusIntervalMs());
        if (!due && status.sameStateAs(lastWritten)) {
            return;
        }
        producer.send(new ProducerRecord<>(settings.statusTopic(), settings.host(), status.toJson()), (metadata, error) -> {
            if (error != null) {
                LOG.warn("The fleet status of {} could not be written to {}: {}", settings.host(), settings.statusTopic(), error.toString());
            }
        });
        lastWritten = status;
        lastWrittenNanos = now;
    }

    HostStatus current() {
        Map<String, HostStatus.ConnectorReport> connectors = new TreeMap<>();
        outcome.connectors().forEach((name, connector) -> connectors.put(name, report(connector)));
        lastLines.keySet().retainAll(connectors.keySet());
        return new HostStatus(settings.host(), version, List.copyOf(settings.allLabels()), outcome.appliedOffset(),
                settings.statusIntervalMs(), System.currentTimeMillis(), connectors, outcome.errors());
    }

    private HostStatus.ConnectorReport report(FleetApplier.ConnectorOutcome connector) {
        String state = state(connector.name(), connector.error() != null);
        List<StreamFigures> streams = this.streams.apply(connector.name());
        long lines = streams.stream().mapToLong(StreamFigures::linesRead).sum();
        long behind = streams.stream().mapToLong(StreamFigures::bytesBehind).sum();
        long lost = streams.stream().mapToLong(StreamFigures::bytesLost).sum();
        return new HostStatus.ConnectorReport(connector.key().target().toString(), connector.offset(), state, connector.error(),
                linesPerSecond(connector.name(), lines), behind, lost);
    }

    private String state(String name, boolean rejected) {
        try {
            if (!worker.connectors().contains(name)) {
                return rejected ? "REJECTED" : "PENDING";
            }
            ConnectorStatus status = worker.status(name);
            boolean taskFailed = status.tasks().stream().anyMatch(task -> "FAILED".equals(task.state()));
            return taskFailed ? "FAILED" : status.state();
        } catch (RuntimeException e) {
            return "UNKNOWN";
        }
    }

    private long linesPerSecond(String name, long lines) {
        long now = System.nanoTime();
        LinesSample previous = lastLines.put(name, new LinesSample(lines, now));
        if (previous == null || now <= previous.nanos() || lines < previous.lines()) {
            return 0;
        }
        return (lines - previous.lines()) * 1_000_000_000L / (now - previous.nanos());
    }
}
