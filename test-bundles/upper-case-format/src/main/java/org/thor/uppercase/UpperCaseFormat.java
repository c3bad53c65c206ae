package org.thor.uppercase;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.osgi.service.component.annotations.Component;
import org.thor.format.LineFormat;
import org.thor.format.LineFormatter;

import java.util.Locale;
import java.util.Map;

/** {@code format=upper}: the line in upper case; shows that any bundle can add a format. */
@Component(service = LineFormat.class, property = LineFormat.NAME_PROPERTY + "=" + UpperCaseFormat.NAME)
public final class UpperCaseFormat implements LineFormat {

    static final String NAME = "upper";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LineFormatter create(Map<String, String> config) {
        return line -> new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, line.text().toUpperCase(Locale.ROOT));
    }
}
