package org.thor.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The counters of one task, registered as a JMX MBean while the task runs. JMX rather than
 * Connect's plugin metrics because the runtime bundle exports no {@code org.apache.kafka.common.metrics}.
 */
final class TaskMetrics implements TaskMetricsMBean, RotationCounts, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskMetrics.class);

    final LongAdder linesRead = new LongAdder();
    final LongAdder bytesRead = new LongAdder();
    private final LongAdder rotations = new LongAdder();
    final LongAdder overlongLines = new LongAdder();
    final LongAdder invalidLines = new LongAdder();
    final LongAdder linesDropped = new LongAdder();
    final LongAdder formatFailures = new LongAdder();
    private final LongAdder bytesLostToRotation = new LongAdder();

    private volatile List<FileStream> streams = List.of();

    @Override
    public void rotated() {
        rotations.increment();
    }

    @Override
    public void lostToRotation(long bytes) {
        bytesLostToRotation.add(bytes);
    }
    private volatile IntSupplier inFlight = () -> 0;
    private volatile IntSupplier maxInFlight = () -> 0;
    private ObjectName name;

    void watch(List<FileStream> streams, InFlightLimit limit) {
        this.streams = List.copyOf(streams);
        this.inFlight = limit::inFlight;
        this.maxInFlight = limit::peak;
    }

    void register(String connector, String task) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            name = new ObjectName("org.thor:type=LogFileSource,connector=" + ObjectName.quote(connector)
                    + ",task=" + ObjectName.quote(task));
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
        } catch (JMException | RuntimeException e) {
            log.warn("Could not register the metrics of task {} of {} with JMX", task, connector, e);
            name = null;
        }
    }

    @Override
    public void close() {
        if (name != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            } catch (JMException e) {
                // already gone
            }
            name = null;
        }
    }

    @Override
    public long getLinesDropped() {
        return linesDropped.sum();
    }

    @Override
    public long getFormatFailures() {
        return formatFailures.sum();
    }

    @Override
    public long getLinesRead() {
        return linesRead.sum();
    }

    @Override
    public long getBytesRead() {
        return bytesRead.sum();
    }

    @Override
    public int getFilesOpen() {
        return streams.stream().mapToInt(FileStream::openFiles).sum();
    }

    @Override
    public long getRotations() {
        return rotations.sum();
    }

    @Override
    public long getBytesBehind() {
        return streams.stream().mapToLong(FileStream::bytesBehind).sum();
    }

    @Override
    public long getOverlongLines() {
        return overlongLines.sum();
    }

    @Override
    public long getInvalidLines() {
        return invalidLines.sum();
    }

    @Override
    public long getBytesLostToRotation() {
        return bytesLostToRotation.sum();
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
