package org.thor.runtime;

import org.osgi.annotation.versioning.ConsumerType;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The streams of the log-file connectors that run in this worker. The connector's bundle registers
 * one as an OSGi service; {@code thor:status}, {@code thor:top} and {@code /metrics} show what it
 * reports, and the runtime knows its connectors by {@link #connectorClasses()}.
 */
@ConsumerType
public interface LogStreams {

    /**
     * The class names of the connectors whose streams these are. They declare every key they
     * read, so a key of their configuration that neither they nor Kafka Connect know is a mistake.
     */
    Set<String> connectorClasses();

    /** Every stream of every running task, or of one connector's when {@code connector} is not null. */
    List<StreamFigures> figures(String connector);

    /** Records handed to Kafka Connect and not yet acknowledged, per task, keyed by connector name then task id. */
    Map<String, Map<String, Long>> recordsInFlight();
}
