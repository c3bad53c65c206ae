package org.thor.runtime.rest;

import java.util.Locale;
import java.util.Map;

/**
 * The Prometheus family name of one Connect metric, following Prometheus' naming conventions (which
 * {@code promtool check metrics} enforces): times in seconds rather than {@code _ms}, and gauges that
 * count things named after the things ({@code connector-count} becomes {@code connectors}), since a
 * {@code _count} suffix belongs to histograms and summaries.
 *
 * @param name   the family name, without {@code _total} for counters
 * @param scale  the factor that turns Connect's value into the family's unit
 */
record ConnectFamilyName(String name, double scale) {

    private static final double MILLIS_PER_SECOND = 1000.0;

    /** Counting gauges whose plural is not the name with an {@code s}. */
    private static final Map<String, String> COUNTED = Map.of(
            "kafka_connect_source_task_source_record_active_count", "kafka_connect_source_task_source_records_active",
            // group kafka-metrics-count, metric count: the number of metrics registered
            "kafka_connect_kafka_metrics_count_count", "kafka_connect_metrics");

    /**
     * @param group  Connect's metric group, e.g. {@code source-task-metrics}
     * @param metric Connect's metric name, e.g. {@code poll-batch-avg-time-ms}
     */
    static ConnectFamilyName of(String group, String metric) {
        // connect-worker-metrics is the worker's group: kafka_connect_worker_*, not kafka_connect_connect_worker_*
        String prefix = "kafka_connect_" + sanitize(group.replaceFirst("-metrics$", "").replaceFirst("^connect-", "")) + "_";
        String name = sanitize(metric);
        if (name.endsWith("_total")) {
            return new ConnectFamilyName(prefix + name.substring(0, name.length() - "_total".length()), 1);
        }
        if (name.endsWith("_ms")) {
            return new ConnectFamilyName(prefix + name.substring(0, name.length() - "_ms".length()) + "_seconds",
                    1 / MILLIS_PER_SECOND);
        }
        String family = prefix + name;
        if (family.endsWith("_count")) {
            return new ConnectFamilyName(COUNTED.getOrDefault(family, family.substring(0, family.length() - "_count".length()) + "s"), 1);
        }
        return new ConnectFamilyName(family, 1);
    }

    /** Whether Connect's metric is a counter: Connect names its cumulative counts {@code *-total}. */
    static boolean isCounter(String metric) {
        return sanitize(metric).endsWith("_total");
    }

    static String sanitize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
