package org.thor.runtime.fleet;

import java.util.List;
import java.util.Map;

/** The fleet as this Thor's shell sees it: its configuration topic and the status of every host. */
public interface Fleet {

    /** Whether {@code fleet.enabled} is true; every other call fails while it is not. */
    boolean enabled();

    /** Writes a connector configuration for a target; returns its offset in the configuration topic. */
    long push(FleetKey key, Map<String, String> config);

    /** Writes a tombstone for the key; returns its offset. */
    long delete(FleetKey key);

    /** The configuration topic's current records, as this Thor has read them. */
    List<DesiredConfigurations.Desired> desired();

    /** The last status of every host, read from the status topic now. */
    Map<String, HostStatus> hosts();
}
