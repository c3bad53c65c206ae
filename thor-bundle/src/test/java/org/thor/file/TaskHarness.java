package org.thor.file;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Drives a {@link LogFileSourceTask} the way Connect's worker does, in the test's thread: poll,
 * acknowledge (commitRecord) and store each record's offset, and restart from the stored offsets.
 */
final class TaskHarness implements AutoCloseable {

    final Map<Map<String, ?>, Map<String, ?>> storedOffsets = new HashMap<>();
    final List<SourceRecord> records = new ArrayList<>();
    private final Deque<SourceRecord> unacknowledged = new ArrayDeque<>();
    private Map<String, String> props;
    private LogFileSourceTask task;
    boolean acknowledge = true;

    TaskHarness(Map<String, String> props) {
        this.props = props;
    }

    TaskHarness start() {
        task = new LogFileSourceTask();
        task.initialize(new Context());
        task.start(props);
        return this;
    }

    LogFileSourceTask task() {
        return task;
    }

    /** Polls once; returns how many records came. */
    int pollOnce() throws InterruptedException {
        List<SourceRecord> polled = task.poll();
        if (polled == null) {
            return 0;
        }
        for (SourceRecord record : polled) {
            records.add(record);
            unacknowledged.add(record);
        }
        if (acknowledge) {
            acknowledgeAll();
        }
        return polled.size();
    }

    void acknowledgeAll() throws InterruptedException {
        while (!unacknowledged.isEmpty()) {
            SourceRecord record = unacknowledged.poll();
            task.commitRecord(record, null);
            storedOffsets.put(record.sourcePartition(), record.sourceOffset());
        }
    }

    /** Polls until {@code count} records in all have come, failing after {@code timeout}. */
    List<String> pollUntil(int count, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ZERO).pollDelay(Duration.ZERO)
                .until(() -> pollOnce() >= 0 && records.size() >= count);
        return values();
    }

    /** Polls until {@code done} holds for the values that came, failing after {@code timeout}. */
    List<String> pollUntil(Predicate<List<String>> done, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ZERO).pollDelay(Duration.ZERO)
                .until(() -> pollOnce() >= 0 && done.test(values()));
        return values();
    }

    /**
     * Polls for {@code duration} more and returns everything that came: a quiet-period check, for
     * asserting that nothing (more) arrives; never a way to wait until something has happened
     * (wait for that with {@link #pollUntil} or {@link #pollUntilTrue}).
     */
    List<String> pollQuietFor(Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            pollOnce();
        }
        return values();
    }

    /** Polls until {@code fact} holds (a metric, a file's state), failing after {@code timeout}. */
    void pollUntilTrue(java.util.function.BooleanSupplier fact, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ZERO).pollDelay(Duration.ZERO)
                .until(() -> pollOnce() >= 0 && fact.getAsBoolean());
    }

    /** Polls until the task tracks the file at {@code path} (it has listed it), failing after {@code timeout}. */
    void pollUntilTracked(java.nio.file.Path path, Duration timeout) {
        pollUntilTrue(() -> task.follows(path), timeout);
    }

    List<String> values() {
        return records.stream().map(r -> String.valueOf(r.value())).toList();
    }

    /** Stops the task, losing what was not acknowledged, and starts a new one from the stored offsets. */
    void restart() {
        restartWith(props);
    }

    /** As {@link #restart()}, with the task configured anew, as an edited connector's is. */
    void restartWith(Map<String, String> edited) {
        task.stop();
        unacknowledged.clear();
        props = edited;
        start();
    }

    @Override
    public void close() {
        if (task != null) {
            task.stop();
        }
    }

    private final class Context implements SourceTaskContext {
        @Override
        public Map<String, String> configs() {
            return props;
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return (Map<String, Object>) storedOffsets.get(partition);
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
                    partitions.forEach(p -> result.put(p, offset(p)));
                    return result;
                }
            };
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }
}
