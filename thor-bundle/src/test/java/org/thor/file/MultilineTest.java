package org.thor.file;

import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.offset.StreamOffset;
import org.thor.file.read.LineHeaders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.thor.file.JavaLogEvents.appendEvents;
import static org.thor.file.JavaLogEvents.event;
import static org.thor.file.JavaLogEvents.events;
import static org.thor.file.LogFiles.append;

class MultilineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static Map<String, String> config(String files) {
        Map<String, String> config = LogFiles.config(files);
        config.put(LogFileSourceConfig.MULTILINE_PATTERN_CONFIG, JavaLogEvents.STACK_TRACE_PATTERN);
        config.put(LogFileSourceConfig.MULTILINE_TIMEOUT_CONFIG, "300");
        return config;
    }

    @Test
    void stackTracesInterleavedWithSingleLinesAreOneRecordEach() throws Exception {
        Path log = dir.resolve("app.log");
        appendEvents(log, 0, 30, 5);
        try (TaskHarness harness = new TaskHarness(config(log.toString())).start()) {
            assertEquals(events(0, 30, 5), harness.pollUntil(30, TIMEOUT));
            SourceRecord third = harness.records.get(3);
            long expected = 0;
            for (int i = 0; i < 3; i++) {
                expected += event(i, 5).getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
            }
            assertEquals(expected, LogFiles.headers(third).get(LineHeaders.OFFSET_HEADER), "first line's offset");
            long afterThird = expected + event(3, 5).getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
            assertEquals(afterThird, position(third), "offset after the event's last line");
        }
    }

    @Test
    void eventsSplitAcrossReadBuffersAndBatchesStayWhole() throws Exception {
        Path log = dir.resolve("app.log");
        // about 200 KiB per stack trace: several 64 KiB read buffers, and many batches of 7 lines
        appendEvents(log, 0, 10, 4000);
        Map<String, String> config = config(log.toString());
        config.put(LogFileSourceConfig.BATCH_MAX_RECORDS_CONFIG, "7");
        config.put(LogFileSourceConfig.MULTILINE_MAX_LINES_CONFIG, "5000");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            assertEquals(events(0, 10, 4000), harness.pollUntil(10, TIMEOUT));
        }
    }

    @Test
    void anEventAtTheEndOfARotatedFileIsNotMergedWithTheNextFile() throws Exception {
        Path log = dir.resolve("app.log");
        appendEvents(log, 0, 4, 3);
        Map<String, String> config = config(dir + "/app.log*");
        config.put(LogFileSourceConfig.MULTILINE_TIMEOUT_CONFIG, "60000");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(3, TIMEOUT);
            Files.move(log, dir.resolve("app.log.1"));
            // the new file starts with what looks like a continuation
            append(log, "\tat org.thor.Orphan.frame(Orphan.java:1)\nfresh start\n");
            List<String> values = harness.pollUntil(5, TIMEOUT);
            assertEquals(events(0, 4, 3), values.subList(0, 4));
            assertEquals("\tat org.thor.Orphan.frame(Orphan.java:1)", values.get(4));
            Map<String, Object> headers = LogFiles.headers(harness.records.get(3));
            assertEquals(dir.resolve("app.log.1").toString(), headers.get(LineHeaders.PATH_HEADER));
        }
    }

    @Test
    void copytruncateInTheMiddleOfTheStreamKeepsEveryEventWholeAndOnce() throws Exception {
        Path log = dir.resolve("app.log");
        appendEvents(log, 0, 10, 40);
        Map<String, String> config = config(dir + "/app.log*");
        config.put(LogFileSourceConfig.MULTILINE_TIMEOUT_CONFIG, "60000");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            // the last event is held: a continuation could still come
            assertEquals(events(0, 9, 40), harness.pollUntil(9, TIMEOUT));
            appendEvents(log, 10, 20, 40);
            LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
            appendEvents(log, 20, 31, 40);
            assertEquals(events(0, 30, 40), harness.pollUntil(30, TIMEOUT));
            assertEquals(events(0, 30, 40), harness.pollQuietFor(Duration.ofMillis(500)));
        }
    }

    @Test
    void linesLongerThanMaxLineBytesArePutBackTogetherInTheirEvent() throws Exception {
        Path log = dir.resolve("app.log");
        String longMessage = "2026-11-25 event long failed: " + "m".repeat(250);
        String longFrame = "\tat org.thor.Example.deep(" + "f".repeat(230) + ")";
        String trace = longMessage + "\n\tat org.thor.Example.short(Example.java:1)\n" + longFrame;
        append(log, "2026-11-25 event before\n" + trace + "\n2026-11-25 event after\n");
        Map<String, String> config = config(log.toString());
        config.put(LogFileSourceConfig.MAX_LINE_BYTES_CONFIG, "100");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            assertEquals(List.of("2026-11-25 event before", trace, "2026-11-25 event after"),
                    harness.pollUntil(3, TIMEOUT));
            assertEquals(null, LogFiles.headers(harness.records.get(1)).get(LineHeaders.CONTINUED_HEADER));
        }
        Path negated = dir.resolve("negated.log");
        append(negated, longMessage + "\n  continued\n" + longMessage + "\n");
        config = config(negated.toString());
        config.put(LogFileSourceConfig.MAX_LINE_BYTES_CONFIG, "100");
        config.put(LogFileSourceConfig.MULTILINE_PATTERN_CONFIG, "^\\d{4}-");
        config.put(LogFileSourceConfig.MULTILINE_NEGATE_CONFIG, "true");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            assertEquals(List.of(longMessage + "\n  continued", longMessage), harness.pollUntil(2, TIMEOUT));
        }
    }

    @Test
    void theLastEventIsFlushedAfterTheTimeout() throws Exception {
        Path log = dir.resolve("app.log");
        appendEvents(log, 0, 4, 3);
        try (TaskHarness harness = new TaskHarness(config(log.toString())).start()) {
            assertEquals(events(0, 3, 3), harness.pollUntil(3, TIMEOUT));
            assertEquals(events(0, 4, 3), harness.pollUntil(4, TIMEOUT));
        }
    }

    @Test
    void maxLinesCapsAnEventWithoutDroppingLines() throws Exception {
        assertEventSplit("head\n\tat a\n\tat b\n\tat c\n\tat d\n\tat e\nnext\n",
                LogFileSourceConfig.MULTILINE_MAX_LINES_CONFIG, "4",
                List.of("head\n\tat a\n\tat b\n\tat c", "\tat d\n\tat e", "next"));
    }

    @Test
    void maxBytesCapsAnEventWithoutDroppingLines() throws Exception {
        assertEventSplit("head\n\tat aaaaaaaaaa\n\tat bbbbbbbbbb\n\tat cccccccccc\nnext\n",
                LogFileSourceConfig.MULTILINE_MAX_BYTES_CONFIG, "30",
                List.of("head\n\tat aaaaaaaaaa", "\tat bbbbbbbbbb\n\tat cccccccccc", "next"));
    }

    /** With {@code key=value}, {@code text} gives the three {@code events}, the second marked continued. */
    private void assertEventSplit(String text, String key, String value, List<String> events) throws Exception {
        Path log = dir.resolve("app.log");
        append(log, text);
        Map<String, String> config = config(log.toString());
        config.put(key, value);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            assertEquals(events, harness.pollUntil(events.size(), TIMEOUT));
            assertEquals(true, LogFiles.headers(harness.records.get(1)).get(LineHeaders.CONTINUED_HEADER));
        }
    }

    @Test
    void negateAndBeforeFollowFilebeat() throws Exception {
        Path log = dir.resolve("app.log");
        // negate + after: lines not starting with a date continue the line before
        append(log, "2026 one\n  more\n  more\n2026 two\n2026 three\n  x\n");
        Map<String, String> config = config(log.toString());
        config.put(LogFileSourceConfig.MULTILINE_PATTERN_CONFIG, "^2026");
        config.put(LogFileSourceConfig.MULTILINE_NEGATE_CONFIG, "true");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            assertEquals(List.of("2026 one\n  more\n  more", "2026 two", "2026 three\n  x"), harness.pollUntil(3, TIMEOUT));
        }
        Path other = dir.resolve("other.log");
        // before: a line ending in a backslash is continued by the next line
        append(other, "a \\\nb \\\nc\nd\n");
        Map<String, String> before = config(other.toString());
        before.put(LogFileSourceConfig.MULTILINE_PATTERN_CONFIG, "\\\\$");
        before.put(LogFileSourceConfig.MULTILINE_MATCH_CONFIG, "before");
        try (TaskHarness harness = new TaskHarness(before).start()) {
            assertEquals(List.of("a \\\nb \\\nc", "d"), harness.pollUntil(2, TIMEOUT));
        }
    }

    @Test
    void aRestartInTheMiddleOfAnEventLosesNothingAndResendsOnlyTheUnacknowledged() throws Exception {
        Path log = dir.resolve("app.log");
        appendEvents(log, 0, 20, 5);
        // the last event is incomplete when the task stops
        append(log, "2026-11-25 event 20 failed: java.lang.IllegalStateException: boom 20\n\tat org.thor.Example.method0(Example.java:0)\n");
        Map<String, String> config = config(log.toString());
        config.put(LogFileSourceConfig.MULTILINE_TIMEOUT_CONFIG, "60000");
        config.put(LogFileSourceConfig.BATCH_MAX_RECORDS_CONFIG, "10");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(8, TIMEOUT);
            int acknowledged = harness.records.size();
            harness.acknowledge = false;
            harness.pollUntil(20, TIMEOUT);
            harness.records.clear();
            harness.restart();
            harness.acknowledge = true;
            append(log, "\tat org.thor.Example.method1(Example.java:1)\n2026-11-25 event 21\n");
            List<String> again = harness.pollUntil(1, TIMEOUT);
            assertEquals(event(acknowledged, 5), again.get(0), "resent from the first unacknowledged event");
            List<String> expected = new ArrayList<>(events(acknowledged, 20, 5));
            expected.add("2026-11-25 event 20 failed: java.lang.IllegalStateException: boom 20\n\tat org.thor.Example.method0(Example.java:0)\n\tat org.thor.Example.method1(Example.java:1)");
            assertEquals(expected, harness.pollUntil(expected.size(), TIMEOUT));
            assertEquals(expected, harness.pollQuietFor(Duration.ofMillis(200)));
        }
    }

    private static long position(SourceRecord record) {
        @SuppressWarnings("unchecked")
        Map<String, Object> offset = (Map<String, Object>) record.sourceOffset();
        return StreamOffset.entries(offset).get(0).position();
    }
}
