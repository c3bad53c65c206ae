package org.thor.file;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.thor.file.config.LogFileSourceConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest {

    @Test
    void everyKeyHasDocumentation() {
        for (ConfigDef.ConfigKey key : LogFileSourceConfig.CONFIG_DEF.configKeys().values()) {
            assertTrue(key.documentation != null && key.documentation.length() > 20, key.name + " is undocumented");
            assertTrue(key.group != null && key.displayName != null, key.name + " has no group or display name");
        }
        assertTrue(LogFileSourceConfig.CONFIG_DEF.configKeys().keySet().containsAll(List.of("files", "topic",
                "read.from", "format", "max.in.flight.records", "charset", "max.line.bytes", "close.inactive.ms",
                "poll.interval.ms", "batch.max.records")));
    }

    @Test
    void formatsDeclareTheirOwnKeysAndTheConnectorShowsThemWithItsOwn() {
        Map<String, ConfigDef.ConfigKey> keys = new LogFileSourceConnector().config().configKeys();
        for (String key : List.of("format.regex.pattern", "format.groovy.file", "format.groovy.script")) {
            assertFalse(LogFileSourceConfig.CONFIG_DEF.configKeys().containsKey(key), key + " is the connector's, not its format's");
            assertTrue(keys.containsKey(key), key + " is not shown with the connector's keys");
            assertTrue(keys.get(key).documentation.length() > 20 && keys.get(key).group != null, key + " is undocumented");
        }
        assertTrue(keys.keySet().containsAll(LogFileSourceConfig.CONFIG_DEF.configKeys().keySet()));
    }

    @Test
    void defaultsAreParsedIntoTypedFields() {
        LogFileSourceConfig config = new LogFileSourceConfig(Map.of("files", "/var/log/a.log*", "topic", "t"));
        assertEquals(List.of("/var/log/a.log*"), config.files);
        assertEquals("raw", config.format);
        assertEquals(10_000, config.maxInFlightRecords);
        assertEquals(512 * 1024, config.maxLineBytes);
        assertEquals("UTF-8", config.charset.name());
        assertFalse(config.readFromEnd);
        assertEquals(LogFileSourceConfig.KEY_STREAM, config.recordKey);
    }

    @Test
    void badValuesAreRejected() {
        assertThrows(ConfigException.class, () -> new LogFileSourceConfig(Map.of("topic", "t")));
        assertThrows(ConfigException.class, () -> new LogFileSourceConfig(Map.of("files", "relative/*.log", "topic", "t")));
        assertThrows(ConfigException.class, () -> new LogFileSourceConfig(Map.of("files", "/a/[.log", "topic", "t")));
        assertThrows(ConfigException.class, () -> new LogFileSourceConfig(Map.of("files", "/a.log", "topic", "t", "charset", "nope")));
        assertThrows(ConfigException.class, () -> new LogFileSourceConfig(Map.of("files", "/a.log", "topic", "t", "read.from", "middle")));
        assertThrows(ConfigException.class, () -> new LogFileSourceConfig(Map.of("files", "/a.log", "topic", "t", "max.in.flight.records", "0")));
    }

    @Test
    void validationReportsWhatTheFormatNeeds() {
        LogFileSourceConnector connector = new LogFileSourceConnector();
        Map<String, String> props = new HashMap<>(Map.of("files", "/a/*.log", "topic", "t", "format", "regex"));
        assertEquals(List.of("Format 'regex': format.regex.pattern is required with format=regex: "
                + "a pattern with named groups (?<name>...)"), errors(connector, props, "format"));
        props.put("format.regex.pattern", "(?<word>\\w+)");
        assertEquals(List.of(), errors(connector, props, "format"));
        props.put("format.regex.pattern", "(?<word>");
        assertFalse(errors(connector, props, "format.regex.pattern").isEmpty());
        props.put("format", "nope");
        assertEquals(List.of("No line format named 'nope' is installed"), errors(connector, props, "format"));
    }

    private static List<String> errors(LogFileSourceConnector connector, Map<String, String> props, String key) {
        return connector.validate(props).configValues().stream().filter(v -> v.name().equals(key))
                .findFirst().orElseThrow().errorMessages();
    }

    @Test
    void streamsAreSpreadOverTasks() {
        LogFileSourceConnector connector = new LogFileSourceConnector();
        Map<String, String> props = new HashMap<>(Map.of("name", "c", "files", "/a/*.log,/b/*.log,/c/*.log", "topic", "t"));
        connector.start(props);
        List<Map<String, String>> tasks = connector.taskConfigs(2);
        assertEquals(2, tasks.size());
        assertEquals("/a/*.log,/c/*.log", tasks.get(0).get("files"));
        assertEquals("/b/*.log", tasks.get(1).get("files"));
        assertEquals(3, connector.taskConfigs(10).size());
    }

    /** Their positions are stored together, under the directory: one task must write them. */
    @Test
    void streamsOfOneDirectoryShareATask() {
        LogFileSourceConnector connector = new LogFileSourceConnector();
        connector.start(new HashMap<>(Map.of("name", "c", "topic", "t",
                "files", "/a/app.log*,/b/*.log,/a/web.log,/c/x/*/y.log")));
        List<Map<String, String>> tasks = connector.taskConfigs(2);
        assertEquals(List.of("/a/app.log*,/a/web.log,/c/x/*/y.log", "/b/*.log"),
                tasks.stream().map(task -> task.get("files")).toList());
        assertEquals(3, connector.taskConfigs(10).size(), "three directories: /a, /b and /c/x");
    }

    @Test
    void connectorIsFoundByServiceLoaderAndReportsTheBuildVersion() {
        var connectors = ServiceLoader.load(org.apache.kafka.connect.source.SourceConnector.class).stream()
                .map(ServiceLoader.Provider::type).toList();
        assertTrue(connectors.contains(LogFileSourceConnector.class));
        String version = new LogFileSourceConnector().version();
        assertNotEquals("unknown", version);
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
    }

    @Test
    void alterOffsetsAcceptsOnlyTheStoredShape() {
        LogFileSourceConnector connector = new LogFileSourceConnector();
        Map<String, String> config = Map.of("files", "/a/*.log", "topic", "t");
        Map<Map<String, ?>, Map<String, ?>> good = new HashMap<>();
        good.put(Map.of("directory", "/a"), Map.of("files", "1:2,10,99,5,7", "finished", "1:3,10,98,400,6", "streams", "/a/*.log"));
        good.put(Map.of("stream", "/a/*.log"), Map.of("files", "1:2,10,99,5", "finished.mtime", 0L));
        good.put(Map.of("directory", "/b"), null);
        assertTrue(connector.alterOffsets(config, good));
        assertThrows(RuntimeException.class, () -> connector.alterOffsets(config,
                Map.of(Map.of("directory", "a"), Map.of("files", ""))), "a relative directory");
        assertThrows(RuntimeException.class, () -> connector.alterOffsets(config,
                Map.of(Map.of("directory", "/a"), Map.of("files", "", "finished", "1:3,x"))));
        assertThrows(RuntimeException.class, () -> connector.alterOffsets(config,
                Map.of(Map.of("file", "/a"), Map.of("files", ""))));
        assertThrows(RuntimeException.class, () -> connector.alterOffsets(config,
                Map.of(Map.of("stream", "/a/*.log"), Map.of("files", "garbage"))));
    }
}
