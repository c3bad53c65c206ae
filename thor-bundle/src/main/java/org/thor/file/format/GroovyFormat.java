package org.thor.file.format;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.osgi.service.component.annotations.Component;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.format.LineFormat;
import org.thor.format.LineFormatter;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code groovy}: a Groovy script, from {@code format.groovy.file} or {@code format.groovy.script},
 * makes each line's value (see {@link GroovyFormatter#value}). A script that does not compile is a
 * configuration error on the key that holds it, with the compiler's message and line number.
 * <p>
 * Groovy's classes are touched only once a formatter is created, so this class loads, and the
 * other formats work, where Groovy is not installed.
 */
@Component(service = LineFormat.class, property = LineFormat.NAME_PROPERTY + "=" + GroovyFormat.NAME)
public final class GroovyFormat implements LineFormat {

    public static final String NAME = "groovy";
    public static final String FILE_CONFIG = "format.groovy.file";
    private static final String FILE_DOC = "For format=groovy: the absolute path of a Groovy script that "
            + "turns each line into the record's value (a String as it is, a Map as a JSON object, null drops "
            + "the line). A running task picks up an edit within scan.interval.ms; an edit that does not "
            + "compile is logged and the previous script keeps running. The script runs with Thor's rights.";
    public static final String SCRIPT_CONFIG = "format.groovy.script";
    private static final String SCRIPT_DOC = "For format=groovy: the script itself, for short ones, "
            + "instead of format.groovy.file.";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define(FILE_CONFIG, ConfigDef.Type.STRING, "", GroovyFormat::validateAbsolutePath,
                        ConfigDef.Importance.MEDIUM, FILE_DOC, CONFIG_GROUP, 7, ConfigDef.Width.LONG, "Groovy script file")
                .define(SCRIPT_CONFIG, ConfigDef.Type.STRING, "",
                        ConfigDef.Importance.LOW, SCRIPT_DOC, CONFIG_GROUP, 8, ConfigDef.Width.LONG, "Groovy script");
    }

    private static void validateAbsolutePath(String name, Object value) {
        String path = ((String) value).trim();
        if (!path.isEmpty() && !Path.of(path).isAbsolute()) {
            throw new ConfigException(name, value, "the path must be absolute");
        }
    }

    @Override
    public LineFormatter create(Map<String, String> config) {
        String file = config.getOrDefault(FILE_CONFIG, "").trim();
        String script = config.getOrDefault(SCRIPT_CONFIG, "");
        if (!file.isEmpty() && !script.isBlank()) {
            throw new ConfigException(SCRIPT_CONFIG, "(the script)", "set " + FILE_CONFIG + " or " + SCRIPT_CONFIG + ", not both");
        }
        if (file.isEmpty() && script.isBlank()) {
            throw new ConfigException(FILE_CONFIG, file, "format=groovy needs " + FILE_CONFIG
                    + " (the absolute path of a .groovy script) or " + SCRIPT_CONFIG + " (the script itself)");
        }
        try {
            return file.isEmpty() ? GroovyFormatter.inline(script) : GroovyFormatter.file(Path.of(file), scanIntervalMs(config));
        } catch (LinkageError e) {
            throw new ConfigException(LogFileSourceConfig.FORMAT_CONFIG, NAME, "format=groovy needs Groovy 4 "
                    + "(org.apache.groovy:groovy), which is not installed: " + e);
        }
    }

    private static long scanIntervalMs(Map<String, String> config) {
        String interval = config.get(LogFileSourceConfig.SCAN_INTERVAL_CONFIG);
        return interval == null ? LogFileSourceConfig.DEFAULT_SCAN_INTERVAL_MS : Long.parseLong(interval.trim());
    }
}
