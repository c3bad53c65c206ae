package org.thor.file.read;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * What a record counts towards max.in.flight.bytes: the characters of its key and value (for a
 * Struct, of its string fields). Computed from the record alone, so that what poll() adds and
 * what commitRecord() takes off, for the same record, are the same.
 */
public final class RecordBytes {

    /** Headers, offsets and the record objects themselves, which the text does not count. */
    private static final int OVERHEAD = 64;

    private RecordBytes() {
    }

    public static long of(SourceRecord record) {
        return OVERHEAD + length(record.key()) + length(record.value());
    }

    private static long length(Object value) {
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof Struct struct) {
            long length = 0;
            for (Field field : struct.schema().fields()) {
                length += length(struct.get(field));
            }
            return length;
        }
        return value instanceof byte[] bytes ? bytes.length : 0;
    }
}
