package org.thor.file.format;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.osgi.service.component.annotations.Component;
import org.thor.format.LineFormat;
import org.thor.format.LineFormatter;

import java.util.Map;

/** {@code raw}: the line itself, as an optional string. */
@Component(service = LineFormat.class, property = LineFormat.NAME_PROPERTY + "=" + RawFormat.NAME)
public final class RawFormat implements LineFormat {

    public static final String NAME = "raw";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LineFormatter create(Map<String, String> config) {
        return line -> new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, line.text());
    }
}
