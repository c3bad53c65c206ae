package org.thor.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.thor.file.LogFiles.append;
import static org.thor.file.LogFiles.appendLines;
import static org.thor.file.LogFiles.lines;

/**
 * After a stop, a file whose stored position no file holds by its inode any more is looked for by
 * its content (the copy copytruncate made meanwhile). Content that proves nothing must not be
 * taken for it: another stream's lines, however alike, and what several files of the stream share.
 */
class RestoreByContentTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String HEADER = "time,level,message";

    @TempDir
    Path dir;

    @Test
    void aStreamNeverTakesAnotherStreamsStoredFileForOneOfItsOwn() throws Exception {
        Path byDate = Files.createDirectory(dir.resolve("by-date"));
        Path truncated = Files.createDirectory(dir.resolve("copytruncate")).resolve("app.log");
        String datePattern = byDate + "/app.log.*";
        appendLines(byDate.resolve("app.log.0000"), 0, 30);
        appendLines(truncated, 100, 130);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(datePattern + "," + truncated)).start()) {
            harness.pollUntil(60, TIMEOUT);
            harness.task().stop();
            appendLines(truncated, 130, 140);
            LogFiles.copyTruncate(truncated, truncated.resolveSibling("app.log.1"));
            appendLines(truncated, 140, 150);
            // the next date file happens to begin with the very lines the other stream's log held
            appendLines(byDate.resolve("app.log.0001"), 100, 135);
            harness.start();
            harness.pollUntil(values -> values.contains(LogFiles.line(134)) && values.contains(LogFiles.line(149)), TIMEOUT);
            harness.pollQuietFor(Duration.ofMillis(500));
            assertEquals(concat(lines(0, 30), lines(100, 135)), valuesOf(harness, datePattern), datePattern);
            assertEquals(lines(100, 150), valuesOf(harness, truncated.toString()), truncated.toString());
        }
    }

    @Test
    void aContentSeveralFilesOfTheStreamHoldProvesNoneOfThemTheStoredFile() throws Exception {
        String pattern = dir + "/app.csv.*";
        Path headerOnly = dir.resolve("app.csv.0000");
        Path first = dir.resolve("app.csv.0001");
        append(headerOnly, HEADER + "\n");
        append(first, HEADER + "\n");
        appendLines(first, 0, 10);
        Instant now = Instant.now();
        Files.setLastModifiedTime(headerOnly, FileTime.from(now.minus(Duration.ofHours(2))));
        Files.setLastModifiedTime(first, FileTime.from(now.minus(Duration.ofHours(1))));
        try (TaskHarness harness = new TaskHarness(LogFiles.config(pattern)).start()) {
            harness.pollUntil(12, TIMEOUT);
            harness.task().stop();
            // the header-only hour is cleaned away; two hours are written, each beginning as it did
            Files.delete(headerOnly);
            for (int hour = 2; hour <= 3; hour++) {
                Path file = dir.resolve(String.format("app.csv.%04d", hour));
                append(file, HEADER + "\n");
                appendLines(file, hour * 10, hour * 10 + 10);
            }
            harness.start();
            harness.pollUntil(values -> values.contains(LogFiles.line(39)), TIMEOUT);
            List<String> expected = new ArrayList<>(List.of(HEADER, HEADER));
            expected.addAll(lines(0, 10));
            for (int hour = 2; hour <= 3; hour++) {
                expected.add(HEADER);
                expected.addAll(lines(hour * 10, hour * 10 + 10));
            }
            assertEquals(expected, harness.pollQuietFor(Duration.ofMillis(500)));
        }
    }

    private static List<String> valuesOf(TaskHarness harness, String stream) {
        return harness.records.stream().filter(r -> stream.equals(r.key())).map(r -> String.valueOf(r.value())).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
