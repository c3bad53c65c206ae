package org.thor.runtime.rest;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.thor.runtime.LogStreams;

import java.util.List;
import java.util.function.Supplier;

/**
 * The {@link LogStreams} services registered now. Connect, not OSGi, creates the REST extension,
 * so it finds them in the service registry itself; outside OSGi there are none.
 */
final class TrackedLogStreams implements Supplier<List<LogStreams>>, AutoCloseable {

    private final ServiceTracker<LogStreams, LogStreams> tracker;

    TrackedLogStreams() {
        Bundle bundle = FrameworkUtil.getBundle(TrackedLogStreams.class);
        tracker = bundle == null || bundle.getBundleContext() == null ? null
                : new ServiceTracker<>(bundle.getBundleContext(), LogStreams.class, null);
        if (tracker != null) {
            tracker.open();
        }
    }

    @Override
    public List<LogStreams> get() {
        return tracker == null ? List.of() : List.copyOf(tracker.getTracked().values());
    }

    @Override
    public void close() {
        if (tracker != null) {
            tracker.close();
        }
    }
}
