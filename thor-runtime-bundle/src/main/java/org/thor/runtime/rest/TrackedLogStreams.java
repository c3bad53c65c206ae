package org.thor.runtime.rest;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.thor.runtime.LogStreams;
import org.thor.runtime.StreamFigures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link LogStreams} services registered now, as one. Connect, not OSGi, creates the REST
 * extension, so it finds them in the service registry itself; outside OSGi there are none.
 */
final class TrackedLogStreams implements LogStreams, AutoCloseable {

    private final ServiceTracker<LogStreams, LogStreams> tracker;

    TrackedLogStreams() {
        Bundle bundle = FrameworkUtil.getBundle(TrackedLogStreams.class);
        tracker = bundle == null || bundle.getBundleContext() == null ? null
                : new ServiceTracker<>(bundle.getBundleContext(), LogStreams.class, null);
        if (tracker != null) {
            tracker.open();
        }
    }

    private List<LogStreams> services() {
        return tracker == null ? List.of() : List.copyOf(tracker.getTracked().values());
    }

    @Override
    public Set<String> connectorClasses() {
        Set<String> classes = new HashSet<>();
        services().forEach(service -> classes.addAll(service.connectorClasses()));
        return classes;
    }

    @Override
    public List<StreamFigures> figures(String connector) {
        List<StreamFigures> figures = new ArrayList<>();
        services().forEach(service -> figures.addAll(service.figures(connector)));
        figures.sort(Comparator.comparing(StreamFigures::connector).thenComparing(StreamFigures::task)
                .thenComparing(StreamFigures::stream));
        return figures;
    }

    @Override
    public Map<String, Map<String, Long>> recordsInFlight() {
        Map<String, Map<String, Long>> inFlight = new HashMap<>();
        services().forEach(service -> service.recordsInFlight().forEach(
                (connector, tasks) -> inFlight.computeIfAbsent(connector, c -> new HashMap<>()).putAll(tasks)));
        return inFlight;
    }

    @Override
    public void close() {
        if (tracker != null) {
            tracker.close();
        }
    }
}
