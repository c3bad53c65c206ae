package org.thor.file;

import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.format.GroovyFormat;
import org.thor.file.offset.StreamOffset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thor.file.LogFiles.append;

/** format=groovy, include.lines and exclude.lines in a task: what is sent, dropped, and stored. */
class ScriptedLinesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void droppedLinesAreCountedAndTheirPositionsStoredWithTheNextRecord() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, "GET /a\nGET /health\nGET /health\nGET /b\n");
        Map<String, String> config = groovy(log, "line.text.endsWith('/health') ? null : line.text.toLowerCase()");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            assertEquals(List.of("get /a", "get /b"), harness.pollUntil(2, TIMEOUT));
            assertEquals(2, harness.task().metrics().getLinesDropped());
            assertEquals(Files.size(log), position(harness.records.get(1)), "the record after the dropped lines holds their position");

            append(log, "GET /c\n");
            harness.restart();
            harness.records.clear();
            assertEquals(List.of("get /c"), harness.pollUntil(1, TIMEOUT));
            assertEquals(0, harness.task().metrics().getLinesDropped(), "no dropped line was read again");
        }
    }

    @Test
    void aLineTheScriptFailsOnIsSentAsItIsAndCounted() {
        Path log = dir.resolve("app.log");
        append(log, "1\ntwo\n3\n");
        try (TaskHarness harness = new TaskHarness(groovy(log, "(line.text as int) * 2 + ''")).start()) {
            assertEquals(List.of("2", "two", "6"), harness.pollUntil(3, TIMEOUT));
            assertEquals(1, harness.task().metrics().getFormatFailures());
        }
    }

    /**
     * The script is edited twice while lines are written: once so that it does not compile (the
     * running version goes on), then into a new version. Every line arrives once, in order, and no
     * line formatted by the new version comes before one formatted by the old.
     */
    @Test
    void anEditWhileLinesAreWrittenTakesOverBetweenTwoLines() throws Exception {
        Path log = dir.resolve("app.log");
        Path script = dir.resolve("format.groovy");
        Files.writeString(script, "'v1 ' + line.text");
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.FORMAT_CONFIG, "groovy");
        config.put(GroovyFormat.FILE_CONFIG, script.toString());
        config.put(LogFileSourceConfig.SCAN_INTERVAL_CONFIG, "50");
        LogFiles.appendLines(log, 0, 1000);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(1000, TIMEOUT);
            Files.writeString(script, "'v2 ' + line.text +");
            int written = writeUntil(harness, log, 1000, 2000, records -> records.size() >= 2000);
            Files.writeString(script, "'version 2 ' + line.text");
            written = writeUntil(harness, log, written, written + 10,
                    records -> records.get(records.size() - 1).startsWith("version 2 "));
            LogFiles.appendLines(log, written, written + 1000);
            List<String> values = harness.pollUntil(written + 1000, TIMEOUT);

            int firstNew = 0;
            while (values.get(firstNew).startsWith("v1 ")) {
                firstNew++;
            }
            assertTrue(firstNew >= 2000, "the broken edit left version 1 running: " + values.get(firstNew));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < written + 1000; i++) {
                expected.add((i < firstNew ? "v1 " : "version 2 ") + LogFiles.line(i));
            }
            assertEquals(expected, values);
        }
    }

    @Test
    void includeAndExcludeKeepLinesAsFilebeatDoes() {
        Path log = dir.resolve("app.log");
        append(log, "INFO start\nERROR disk\nWARN slow\nERROR health check\nDEBUG x\n");
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.INCLUDE_LINES_CONFIG, "^ERROR,^WARN");
        config.put(LogFileSourceConfig.EXCLUDE_LINES_CONFIG, "health");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            assertEquals(List.of("ERROR disk", "WARN slow"), harness.pollUntil(2, TIMEOUT));
            assertEquals(3, harness.task().metrics().getLinesDropped());
        }
    }

    @Test
    void filtersApplyToWholeMultilineEvents() {
        Path log = dir.resolve("app.log");
        for (int i = 0; i < 9; i++) {
            append(log, JavaLogEvents.event(i, 3) + "\n");
        }
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.MULTILINE_PATTERN_CONFIG, JavaLogEvents.STACK_TRACE_PATTERN);
        config.put(LogFileSourceConfig.MULTILINE_TIMEOUT_CONFIG, "100");
        config.put(LogFileSourceConfig.INCLUDE_LINES_CONFIG, "failed");
        // found only in a continuation line: the whole event goes
        config.put(LogFileSourceConfig.EXCLUDE_LINES_CONFIG, "IOException: disk 3");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            assertEquals(List.of(JavaLogEvents.event(0, 3), JavaLogEvents.event(6, 3)), harness.pollUntil(2, TIMEOUT));
            // the last event is held until multiline.timeout.ms passes without a continuation line
            await().atMost(TIMEOUT).until(() -> harness.pollOnce() >= 0 && harness.task().metrics().getLinesDropped() == 7);
            assertEquals(2, harness.records.size());
        }
    }

    @Test
    void validateNamesTheKeyOfAScriptThatDoesNotCompile() throws Exception {
        Path script = dir.resolve("broken.groovy");
        Files.writeString(script, "// parses nothing\nline.text.split(\n");
        Map<String, String> config = groovy(dir.resolve("a.log"), null);
        config.put(GroovyFormat.FILE_CONFIG, script.toString());
        List<String> errors = errors(config, GroovyFormat.FILE_CONFIG);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("broken.groovy: 3:") || errors.get(0).contains("broken.groovy: 2:"), errors.get(0));
        assertTrue(errors.get(0).contains("@ line"), errors.get(0));
        assertEquals(List.of(), errors(config, LogFileSourceConfig.FORMAT_CONFIG));

        config.put(LogFileSourceConfig.INCLUDE_LINES_CONFIG, "(unclosed");
        assertEquals(1, errors(config, LogFileSourceConfig.INCLUDE_LINES_CONFIG).size());
    }

    private static List<String> errors(Map<String, String> config, String key) {
        return new LogFileSourceConnector().validate(config).configValues().stream().filter(v -> v.name().equals(key))
                .findFirst().map(ConfigValue::errorMessages).orElseThrow();
    }

    /** Appends lines from {@code from} and polls, until {@code done} holds for the values; the next line's number. */
    private static int writeUntil(TaskHarness harness, Path log, int from, int atLeast,
                                  java.util.function.Predicate<List<String>> done) throws InterruptedException {
        int next = from;
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (next < atLeast || !done.test(harness.values())) {
            assertTrue(System.nanoTime() < deadline, "timed out with " + harness.values().size() + " records");
            LogFiles.appendLines(log, next, next + 10);
            next += 10;
            harness.pollOnce();
        }
        return next;
    }

    private static Map<String, String> groovy(Path log, String script) {
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.FORMAT_CONFIG, "groovy");
        if (script != null) {
            config.put(GroovyFormat.SCRIPT_CONFIG, script);
        }
        return config;
    }

    private static long position(SourceRecord record) {
        @SuppressWarnings("unchecked")
        Map<String, Object> offset = (Map<String, Object>) record.sourceOffset();
        return StreamOffset.entries(offset).get(0).position();
    }
}
