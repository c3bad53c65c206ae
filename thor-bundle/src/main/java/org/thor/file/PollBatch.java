package org.thor.file;

import org.apache.kafka.connect.source.SourceRecord;
import org.thor.file.read.RecordBytes;

import java.util.ArrayList;
import java.util.List;

/** The records of one poll, when it began, and the bytes they may take while others are in flight. */
final class PollBatch {

    private final List<SourceRecord> records;
    private final long byteRoom;
    private final long startMillis;
    private long bytes;

    PollBatch(int capacity, long byteRoom, long startMillis) {
        this.records = new ArrayList<>(capacity);
        this.byteRoom = byteRoom;
        this.startMillis = startMillis;
    }

    void add(SourceRecord record) {
        records.add(record);
        bytes += RecordBytes.of(record);
    }

    /** Whether it holds as many bytes as may be in flight: no more lines now. */
    boolean full() {
        return bytes >= byteRoom;
    }

    int size() {
        return records.size();
    }

    long bytes() {
        return bytes;
    }

    long startMillis() {
        return startMillis;
    }

    List<SourceRecord> records() {
        return records;
    }
}
