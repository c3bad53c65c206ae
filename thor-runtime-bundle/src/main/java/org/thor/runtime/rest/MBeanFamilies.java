package org.thor.runtime.rest;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Metric families built up from MBean attributes during one scrape: counters and gauges by name. */
final class MBeanFamilies {

    private final Map<String, CounterSnapshot.Builder> counters = new LinkedHashMap<>();
    private final Map<String, GaugeSnapshot.Builder> gauges = new LinkedHashMap<>();
    private final Map<String, String> help;

    /** @param help the help text of the families that have one, by name */
    MBeanFamilies(Map<String, String> help) {
        this.help = help;
    }

    /** @param name without the {@code _total} suffix, which the exposition adds */
    void counter(String name, Labels labels, double value) {
        counter(name, help.get(name), labels, value);
    }

    /** @param help this family's help text, used when the family is first seen */
    void counter(String name, String help, Labels labels, double value) {
        counters.computeIfAbsent(name, n -> CounterSnapshot.builder().name(n).help(help))
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(value).build());
    }

    void gauge(String name, Labels labels, double value) {
        gauge(name, help.get(name), labels, value);
    }

    /** @param help this family's help text, used when the family is first seen */
    void gauge(String name, String help, Labels labels, double value) {
        gauges.computeIfAbsent(name, n -> GaugeSnapshot.builder().name(n).help(help))
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
    }

    MetricSnapshots build() {
        List<MetricSnapshot> snapshots = new ArrayList<>();
        counters.values().forEach(builder -> snapshots.add(builder.build()));
        gauges.values().forEach(builder -> snapshots.add(builder.build()));
        return new MetricSnapshots(snapshots);
    }
}
