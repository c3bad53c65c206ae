package org.thor.file.format;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.osgi.service.component.annotations.Component;
import org.thor.format.Line;
import org.thor.format.LineFormat;
import org.thor.format.LineFormatter;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code regex}: the named groups of {@code format.regex.pattern} become optional string fields of
 * a Struct. A line the pattern does not match is kept, not dropped: its groups are null and the
 * field {@value #UNPARSED_FIELD} holds the whole line (it is null for lines that matched).
 */
@Component(service = LineFormat.class, property = LineFormat.NAME_PROPERTY + "=" + RegexFormat.NAME)
public final class RegexFormat implements LineFormat {

    public static final String NAME = "regex";
    public static final String PATTERN_CONFIG = "format.regex.pattern";
    private static final String PATTERN_DOC = "For format=regex: a Java regular expression with "
            + "named groups, matched against the whole line; each group becomes an optional string field. "
            + "Lines it does not match are kept, in the field 'unparsed'.";
    public static final String UNPARSED_FIELD = "unparsed";

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define(PATTERN_CONFIG, ConfigDef.Type.STRING, "", RegexFormat::validateRegex,
                ConfigDef.Importance.MEDIUM, PATTERN_DOC, CONFIG_GROUP, 5, ConfigDef.Width.LONG, "Regex pattern");
    }

    private static void validateRegex(String name, Object value) {
        try {
            Pattern.compile((String) value);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(name, value, e.getDescription());
        }
    }

    @Override
    public LineFormatter create(Map<String, String> config) {
        String regex = config.get(PATTERN_CONFIG);
        if (regex == null || regex.isBlank()) {
            throw new ConfigException(PATTERN_CONFIG + " is required with format=regex: a pattern with named groups (?<name>...)");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(PATTERN_CONFIG, regex, e.getDescription());
        }
        List<String> groups = GROUP_NAME.matcher(regex).results().map(m -> m.group(1)).distinct().toList();
        if (groups.isEmpty()) {
            throw new ConfigException(PATTERN_CONFIG, regex, "the pattern has no named groups (?<name>...)");
        }
        if (groups.contains(UNPARSED_FIELD)) {
            throw new ConfigException(PATTERN_CONFIG, regex, "the group name '" + UNPARSED_FIELD + "' is reserved");
        }
        SchemaBuilder builder = SchemaBuilder.struct().name("org.thor.format.regex");
        groups.forEach(group -> builder.field(group, Schema.OPTIONAL_STRING_SCHEMA));
        builder.field(UNPARSED_FIELD, Schema.OPTIONAL_STRING_SCHEMA);
        Schema schema = builder.build();
        return line -> format(pattern, groups, schema, line);
    }

    private static SchemaAndValue format(Pattern pattern, List<String> groups, Schema schema, Line line) {
        Struct struct = new Struct(schema);
        Matcher matcher = pattern.matcher(line.text());
        if (matcher.matches()) {
            for (String group : groups) {
                struct.put(group, matcher.group(group));
            }
        } else {
            struct.put(UNPARSED_FIELD, line.text());
        }
        return new SchemaAndValue(schema, struct);
    }
}
