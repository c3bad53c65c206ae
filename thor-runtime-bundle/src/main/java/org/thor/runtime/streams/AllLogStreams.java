package org.thor.runtime.streams;

import org.thor.runtime.LogStreams;
import org.thor.runtime.StreamFigures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Several {@link LogStreams} services, each serving some connectors, as one. The services are
 * asked for on every call: they come and go with their bundles.
 */
public final class AllLogStreams implements LogStreams {

    private final Supplier<? extends Collection<? extends LogStreams>> services;

    /** @param services the services registered now */
    public AllLogStreams(Supplier<? extends Collection<? extends LogStreams>> services) {
        this.services = services;
    }

    @Override
    public Set<String> connectorClasses() {
        Set<String> classes = new HashSet<>();
        services.get().forEach(service -> classes.addAll(service.connectorClasses()));
        return classes;
    }

    /** Sorted by connector, task and stream. */
    @Override
    public List<StreamFigures> figures(String connector) {
        List<StreamFigures> figures = new ArrayList<>();
        services.get().forEach(service -> figures.addAll(service.figures(connector)));
        figures.sort(Comparator.comparing(StreamFigures::connector).thenComparing(StreamFigures::task)
                .thenComparing(StreamFigures::stream));
        return figures;
    }

    @Override
    public Map<String, Map<String, Long>> recordsInFlight() {
        Map<String, Map<String, Long>> inFlight = new HashMap<>();
        services.get().forEach(service -> service.recordsInFlight().forEach(
                (connector, tasks) -> inFlight.computeIfAbsent(connector, c -> new HashMap<>()).putAll(tasks)));
        return inFlight;
    }
}
