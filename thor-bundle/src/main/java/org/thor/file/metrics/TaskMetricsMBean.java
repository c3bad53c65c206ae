package org.thor.file.metrics;
/** What one task of the log-file connector exposes over JMX, as {@code org.thor:type=LogFileSource,connector=…,task=…}. */
public interface TaskMetricsMBean {

    long getLinesRead();

    long getBytesRead();

    int getFilesOpen();

    /** Files that cannot be read now, retried until they open. */
    int getFilesUnreadable();

    long getRotations();

    long getBytesBehind();

    long getOverlongLines();

    long getInvalidLines();

    /**
     * Lines (or multiline events) not sent because include.lines or exclude.lines left them out or
     * the format returned nothing for them; their positions are committed with the next record sent.
     */
    long getLinesDropped();

    /** Lines the format failed on (threw), sent as they are instead. */
    long getFormatFailures();

    /**
     * Bytes of files truncated or removed before they were read to their end, seen in the file
     * but never read, for which no copy appeared to read them from.
     */
    long getBytesLostToRotation();

    /**
     * Copies (a rotated file, its compressed archive) that turned up only after lines of a newer
     * file of their stream were sent: their lines were sent after those, out of the stream's order.
     */
    long getCopiesReadLate();

    int getRecordsInFlight();

    int getMaxRecordsInFlight();
}
