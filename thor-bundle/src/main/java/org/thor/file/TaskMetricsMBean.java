package org.thor.file;

/** What one task of the log-file connector exposes over JMX, as {@code org.thor:type=LogFileSource,connector=…,task=…}. */
public interface TaskMetricsMBean {

    long getLinesRead();

    long getBytesRead();

    int getFilesOpen();

    long getRotations();

    long getBytesBehind();

    long getOverlongLines();

    long getInvalidLines();

    int getRecordsInFlight();

    int getMaxRecordsInFlight();
}
