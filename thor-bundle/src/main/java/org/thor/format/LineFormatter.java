package org.thor.format;

import org.apache.kafka.connect.data.SchemaAndValue;

/** Turns one line into a record value; used by one task thread only. */
@FunctionalInterface
public interface LineFormatter {

    /**
     * The record value (with its schema, or a null schema for a schemaless value) for a line, or
     * {@code null} to drop the line: it is not sent, it is counted, and its position is committed
     * with the next record sent. A formatter that throws has the line sent as it is.
     */
    SchemaAndValue format(Line line);
}
