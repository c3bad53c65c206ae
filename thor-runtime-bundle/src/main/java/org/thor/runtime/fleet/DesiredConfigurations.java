package org.thor.runtime.fleet;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration topic as it stands after the records read so far: the last record of each key,
 * a tombstone removing its key. For one host, each connector takes the record of the most specific
 * target that matches the host (host, then label, then all); between two labels of the host that
 * both name a connector, the record written last wins.
 */
public final class DesiredConfigurations {

    /**
     * The current record of one key: its connector configuration, or why its value cannot be read
     * ({@code config} is then {@code null}); {@code offset} is the record's in the topic.
     */
    public record Desired(FleetKey key, Map<String, String> config, String error, long offset) {

        private static final Comparator<Desired> MOST_SPECIFIC_LAST = Comparator
                .comparing((Desired desired) -> desired.key().target().kind())
                .thenComparingLong(Desired::offset);
    }

    private final Map<FleetKey, Desired> byKey = new HashMap<>();
    private long lastOffset = -1;

    /**
     * Takes one record: a value (JSON), or {@code null} for a tombstone. Throws for a key that is
     * not {@code <target>/<connector>}; the offset still counts as read.
     */
    public synchronized void record(String key, byte[] value, long offset) {
        lastOffset = Math.max(lastOffset, offset);
        FleetKey fleetKey = FleetKey.parse(key);
        if (value == null) {
            byKey.remove(fleetKey);
            return;
        }
        Desired desired;
        try {
            desired = new Desired(fleetKey, ConfigRecords.read(value), null, offset);
        } catch (IllegalArgumentException e) {
            desired = new Desired(fleetKey, null, e.getMessage(), offset);
        }
        byKey.put(fleetKey, desired);
    }

    /** The offset of the last record read, or -1 before any. */
    public synchronized long lastOffset() {
        return lastOffset;
    }

    /** Every current record, by target, then connector. */
    public synchronized List<Desired> all() {
        return byKey.values().stream()
                .sorted(Comparator.comparing((Desired desired) -> desired.key().target().toString())
                        .thenComparing(desired -> desired.key().connector()))
                .toList();
    }

    /** What a host of that name with those labels runs: per connector name, the record that wins. */
    public synchronized Map<String, Desired> resolve(String host, Collection<String> labels) {
        Map<String, Desired> winners = new TreeMap<>();
        byKey.values().stream()
                .filter(desired -> desired.key().target().matches(host, labels))
                .sorted(Desired.MOST_SPECIFIC_LAST)
                .forEach(desired -> winners.put(desired.key().connector(), desired));
        return winners;
    }
}
