package org.thor.runtime;

import org.osgi.annotation.versioning.ConsumerType;

import java.util.Map;

/**
 * Told about what happens to the worker that configuration admin does not know: connectors
 * created, changed or deleted through the Connect REST API, and a worker that (re)started.
 * Register an implementation as an OSGi service; calls come one at a time, in order, on a thread
 * of the worker's own.
 */
@ConsumerType
public interface ThorWorkerListener {

    /** A connector was created or reconfigured through the REST API; {@code config} is its whole new configuration. */
    default void configuredThroughRest(String name, Map<String, String> config) {
    }

    /** A connector was deleted through the REST API. */
    default void deletedThroughRest(String name) {
    }

    /** The worker started (at first, or again after a restart) and answers calls now. */
    default void workerStarted() {
    }
}
