package org.thor.file;

import java.util.concurrent.atomic.LongAdder;

/** The counters of one stream: counted by the task thread, read by JMX (and so by /metrics and thor:top). */
final class StreamMetrics implements StreamMetricsMBean, RotationCounts {

    final LongAdder linesRead = new LongAdder();
    final LongAdder bytesRead = new LongAdder();
    final LongAdder overlongLines = new LongAdder();
    final LongAdder invalidLines = new LongAdder();
    final LongAdder linesDropped = new LongAdder();
    final LongAdder formatFailures = new LongAdder();
    private final LongAdder rotations = new LongAdder();
    private final LongAdder bytesLostToRotation = new LongAdder();
    private final String pattern;
    private volatile FileStream stream;

    StreamMetrics(String pattern) {
        this.pattern = pattern;
    }

    /** The stream whose files are measured for {@link #getFilesOpen()} and {@link #getBytesBehind()}. */
    void watch(FileStream stream) {
        this.stream = stream;
    }

    @Override
    public void rotated() {
        rotations.increment();
    }

    @Override
    public void lostToRotation(long bytes) {
        bytesLostToRotation.add(bytes);
    }

    @Override
    public String getStream() {
        return pattern;
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
        FileStream watched = stream;
        return watched == null ? 0 : watched.openFiles();
    }

    @Override
    public long getRotations() {
        return rotations.sum();
    }

    @Override
    public long getBytesBehind() {
        FileStream watched = stream;
        return watched == null ? 0 : watched.bytesBehind();
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
    public long getLinesDropped() {
        return linesDropped.sum();
    }

    @Override
    public long getFormatFailures() {
        return formatFailures.sum();
    }
}
