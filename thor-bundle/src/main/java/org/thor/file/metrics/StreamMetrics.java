package org.thor.file.metrics;

import org.thor.file.stream.FileStream;
import org.thor.file.tracking.RotationCounts;

import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one stream: counted by the task thread, read by JMX (and so by /metrics and thor:top). */
public final class StreamMetrics implements StreamMetricsMBean, RotationCounts {

    private final LongAdder linesRead = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder overlongLines = new LongAdder();
    private final LongAdder invalidLines = new LongAdder();
    private final LongAdder linesDropped = new LongAdder();
    private final LongAdder formatFailures = new LongAdder();
    private final LongAdder rotations = new LongAdder();
    private final LongAdder bytesLostToRotation = new LongAdder();
    private final LongAdder copiesReadLate = new LongAdder();
    private final String pattern;
    private volatile FileStream stream;

    public StreamMetrics(String pattern) {
        this.pattern = pattern;
    }

    /** The stream whose files are measured for {@link #getFilesOpen()}, {@link #getFilesUnreadable()} and {@link #getBytesBehind()}. */
    public void watch(FileStream stream) {
        this.stream = stream;
    }

    /** A line was read: {@code bytes} of the file, with invalid bytes replaced, or split as overlong. */
    public void lineRead(long bytes, boolean invalid, boolean split) {
        linesRead.increment();
        bytesRead.add(bytes);
        if (invalid) {
            invalidLines.increment();
        }
        if (split) {
            overlongLines.increment();
        }
    }

    /** A line was dropped: by the line filter, or by the format. */
    public void lineDropped() {
        linesDropped.increment();
    }

    /** The format failed on a line, which was sent as it is. */
    public void formatFailed() {
        formatFailures.increment();
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
    public void copyReadLate() {
        copiesReadLate.increment();
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
    public int getFilesUnreadable() {
        FileStream watched = stream;
        return watched == null ? 0 : watched.unreadableFiles().size();
    }

    @Override
    public String[] getUnreadableFilePaths() {
        FileStream watched = stream;
        return watched == null ? new String[0] : watched.unreadableFiles().stream().map(Path::toString).toArray(String[]::new);
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
    public long getCopiesReadLate() {
        return copiesReadLate.sum();
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
