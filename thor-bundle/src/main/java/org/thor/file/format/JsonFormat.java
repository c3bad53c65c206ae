package org.thor.file.format;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.osgi.service.component.annotations.Component;
import org.thor.format.Line;
import org.thor.format.LineFormat;
import org.thor.format.LineFormatter;

import java.util.Map;

/**
 * {@code json}: a JSON object {@code {"message","path","offset","host","stream"}} as a string
 * value. It is text rather than a Struct so that the usual {@code StringConverter} for log topics
 * writes it as JSON, and no JSON library has to be wired into the bundle.
 */
@Component(service = LineFormat.class, property = LineFormat.NAME_PROPERTY + "=" + JsonFormat.NAME)
public final class JsonFormat implements LineFormat {

    public static final String NAME = "json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LineFormatter create(Map<String, String> config) {
        return JsonFormat::format;
    }

    private static SchemaAndValue format(Line line) {
        StringBuilder json = new StringBuilder(line.text().length() + line.path().length() + 96);
        json.append("{\"message\":");
        JsonText.appendString(json, line.text());
        json.append(",\"path\":");
        JsonText.appendString(json, line.path());
        json.append(",\"offset\":").append(line.offset());
        json.append(",\"host\":");
        JsonText.appendString(json, line.host());
        json.append(",\"stream\":");
        JsonText.appendString(json, line.stream());
        json.append('}');
        return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, json.toString());
    }
}
