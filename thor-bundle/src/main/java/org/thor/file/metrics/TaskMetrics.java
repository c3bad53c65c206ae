package org.thor.file.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The counters of one task, the sums of its streams', registered as a JMX MBean while the task
 * runs, with one MBean per stream beside it. JMX rather than Connect's plugin metrics because the
 * runtime bundle exports no {@code org.apache.kafka.common.metrics}; the runtime reads them through
 * the bundle's {@link org.thor.runtime.LogStreams} service.
 */
public final class TaskMetrics implements TaskMetricsMBean, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskMetrics.class);
    /** The domain and type of the task MBeans, which also have the keys {@code connector} and {@code task}. */
    public static final String TASK_TYPE = "org.thor:type=LogFileSource";
    /** The domain and type of the stream MBeans, which also have the keys {@code connector}, {@code task} and {@code stream}. */
    public static final String STREAM_TYPE = "org.thor:type=LogFileStream";

    private volatile List<StreamMetrics> streams = List.of();
    private volatile IntSupplier inFlight = () -> 0;
    private volatile IntSupplier maxInFlight = () -> 0;
    private final List<ObjectName> names = new ArrayList<>();

    public void watch(List<StreamMetrics> streams, IntSupplier inFlight, IntSupplier maxInFlight) {
        this.streams = List.copyOf(streams);
        this.inFlight = inFlight;
        this.maxInFlight = maxInFlight;
    }

    public void register(String connector, String task) {
        String prefix = ",connector=" + ObjectName.quote(connector) + ",task=" + ObjectName.quote(task);
        register(TASK_TYPE + prefix, this, connector, task);
        for (StreamMetrics stream : streams) {
            register(STREAM_TYPE + prefix + ",stream=" + ObjectName.quote(stream.getStream()), stream, connector, task);
        }
    }

    private void register(String objectName, Object mbean, String connector, String task) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(objectName);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(mbean, name);
            names.add(name);
        } catch (JMException | RuntimeException e) {
            log.warn("Could not register the metrics of task {} of {} with JMX ({})", task, connector, objectName, e);
        }
    }

    @Override
    public void close() {
        for (ObjectName name : names) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            } catch (JMException e) {
                // already gone
            }
        }
        names.clear();
    }

    private long sum(ToLongFunction<StreamMetrics> counter) {
        long sum = 0;
        for (StreamMetrics stream : streams) {
            sum += counter.applyAsLong(stream);
        }
        return sum;
    }

    @Override
    public long getLinesDropped() {
        return sum(StreamMetrics::getLinesDropped);
    }

    @Override
    public long getFormatFailures() {
        return sum(StreamMetrics::getFormatFailures);
    }

    @Override
    public long getLinesRead() {
        return sum(StreamMetrics::getLinesRead);
    }

    @Override
    public long getBytesRead() {
        return sum(StreamMetrics::getBytesRead);
    }

    @Override
    public int getFilesOpen() {
        return (int) sum(StreamMetrics::getFilesOpen);
    }

    @Override
    public int getFilesUnreadable() {
        return (int) sum(StreamMetrics::getFilesUnreadable);
    }

    @Override
    public long getRotations() {
        return sum(StreamMetrics::getRotations);
    }

    @Override
    public long getBytesBehind() {
        return sum(StreamMetrics::getBytesBehind);
    }

    @Override
    public long getOverlongLines() {
        return sum(StreamMetrics::getOverlongLines);
    }

    @Override
    public long getInvalidLines() {
        return sum(StreamMetrics::getInvalidLines);
    }

    @Override
    public long getBytesLostToRotation() {
        return sum(StreamMetrics::getBytesLostToRotation);
    }

    @Override
    public long getCopiesReadLate() {
        return sum(StreamMetrics::getCopiesReadLate);
    }

    @Override
    public int getRecordsInFlight() {
        return inFlight.getAsInt();
    }

    @Override
    public int getMaxRecordsInFlight() {
        return maxInFlight.getAsInt();
    }
}
