package org.thor.runtime.command;

import org.thor.runtime.ConnectorStatus;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Short texts for the table cells of the {@code thor:} commands. */
final class Format {

    private Format() {
    }

    /** "2 RUNNING, 1 FAILED", or "none". */
    static String taskSummary(ConnectorStatus status) {
        if (status.tasks().isEmpty()) {
            return "none";
        }
        Map<String, Long> byState = status.tasks().stream()
                .collect(Collectors.groupingBy(ConnectorStatus.TaskStatus::state, TreeMap::new, Collectors.counting()));
        return byState.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
    }

    /** What an operator should look at: a rejected configuration, else the first line of a failure. */
    static String problem(ConnectorStatus status) {
        if (status.configError() != null) {
            return "configuration rejected (thor:status " + status.name() + ")";
        }
        if (status.trace() != null) {
            return firstLine(status.trace());
        }
        return status.tasks().stream().filter(task -> task.trace() != null).findFirst()
                .map(task -> "task " + task.id() + ": " + firstLine(task.trace())).orElse("");
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** A partition or offset map as "key=value, key=value", keys sorted. */
    static String map(Map<String, ?> map) {
        if (map == null) {
            return "";
        }
        return new TreeMap<>(map).entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
