package org.thor.file;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.format.Formats;
import org.thor.file.format.RegexFormat;
import org.thor.format.Line;
import org.thor.format.LineFormatter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatTest {

    private static final Line LINE = new Line("say \"hi\"\t\\ \u0001 é", "/var/log/a.log", 42, "web-1", "/var/log/a.log*");
    private static final String COMBINED = "(?<client>\\S+) \\S+ (?<user>\\S+) \\[(?<time>[^\\]]+)\\] "
            + "\"(?<request>[^\"]*)\" (?<status>\\d{3}) (?<bytes>\\S+)";

    @TempDir
    Path dir;

    @Test
    void builtInFormatsAreFoundByNameOutsideOsgi() {
        assertFalse(Formats.insideOsgi());
        for (String name : List.of("raw", "json", "regex")) {
            assertEquals(name, Formats.find(name).orElseThrow().format().name());
        }
        assertTrue(Formats.find("nope").isEmpty());
    }

    @Test
    void rawIsTheLine() {
        assertEquals(LINE.text(), formatter("raw", Map.of()).format(LINE).value());
    }

    @Test
    void jsonEscapesAndCarriesTheMetadata() {
        SchemaAndValue value = formatter("json", Map.of()).format(LINE);
        assertEquals("{\"message\":\"say \\\"hi\\\"\\t\\\\ \\u0001 é\",\"path\":\"/var/log/a.log\",\"offset\":42,"
                + "\"host\":\"web-1\",\"stream\":\"/var/log/a.log*\"}", value.value());
    }

    @Test
    void regexTurnsNamedGroupsIntoFields() {
        LineFormatter regex = formatter("regex", Map.of(RegexFormat.PATTERN_CONFIG, COMBINED));
        Line access = new Line("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326",
                "/x", 0, "h", "s");
        Struct struct = (Struct) regex.format(access).value();
        assertEquals("127.0.0.1", struct.get("client"));
        assertEquals("frank", struct.get("user"));
        assertEquals("GET /a.gif HTTP/1.0", struct.get("request"));
        assertEquals("200", struct.get("status"));
        assertNull(struct.get(RegexFormat.UNPARSED_FIELD));

        Struct unparsed = (Struct) regex.format(new Line("garbage", "/x", 0, "h", "s")).value();
        assertEquals("garbage", unparsed.get(RegexFormat.UNPARSED_FIELD));
        assertNull(unparsed.get("client"));
    }

    @Test
    void regexNeedsAPatternWithNamedGroups() {
        assertThrows(ConfigException.class, () -> formatter("regex", Map.of()));
        assertThrows(ConfigException.class, () -> formatter("regex", Map.of(RegexFormat.PATTERN_CONFIG, "(a)")));
        assertThrows(ConfigException.class, () -> formatter("regex", Map.of(RegexFormat.PATTERN_CONFIG, "(?<a>")));
    }

    @Test
    void taskUsesTheConfiguredFormat() throws Exception {
        Path log = dir.resolve("app.log");
        LogFiles.append(log, "x\n");
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.FORMAT_CONFIG, "json");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            String json = harness.pollUntil(1, Duration.ofSeconds(10)).get(0);
            assertTrue(json.startsWith("{\"message\":\"x\",\"path\":\"" + log + "\",\"offset\":0,"), json);
        }
    }

    @Test
    void unknownFormatFailsTheTaskOutsideOsgi() {
        Map<String, String> config = LogFiles.config(dir + "/a.log");
        config.put(LogFileSourceConfig.FORMAT_CONFIG, "nope");
        TaskHarness harness = new TaskHarness(config);
        assertThrows(org.apache.kafka.connect.errors.ConnectException.class, harness::start);
    }

    private static LineFormatter formatter(String name, Map<String, String> config) {
        return Formats.find(name).orElseThrow().format().create(config);
    }
}
