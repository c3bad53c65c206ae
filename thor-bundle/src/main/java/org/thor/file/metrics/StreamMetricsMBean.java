package org.thor.file.metrics;
/**
 * What one stream (one pattern of {@code files}) of a task exposes over JMX, as
 * {@code org.thor:type=LogFileStream,connector=…,task=…,stream=…}; the task's MBean adds them up.
 */
public interface StreamMetricsMBean {

    /** The stream's glob pattern. */
    String getStream();

    long getLinesRead();

    long getBytesRead();

    int getFilesOpen();

    /** Files of the stream that cannot be read now (a mode that stops Thor's user, a symlink loop), retried until they open. */
    int getFilesUnreadable();

    /** Those files' paths. */
    String[] getUnreadableFilePaths();

    long getRotations();

    long getBytesBehind();

    long getOverlongLines();

    long getInvalidLines();

    long getBytesLostToRotation();

    /** Copies whose lines were sent after lines of a newer file of the stream (they turned up late). */
    long getCopiesReadLate();

    long getLinesDropped();

    long getFormatFailures();
}
