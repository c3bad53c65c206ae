package org.thor.format;

import org.apache.kafka.connect.data.SchemaAndValue;

/** Turns one line into a record value; used by one task thread only. */
@FunctionalInterface
public interface LineFormatter {

    /** The record value (with its schema, or a null schema for a schemaless value) for a line. */
    SchemaAndValue format(Line line);
}
