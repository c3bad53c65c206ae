package org.thor.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.identity.FileKeys;
import org.thor.file.identity.Fingerprint;
import org.thor.file.offset.StreamOffset;
import org.thor.file.read.LineHeaders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.thor.file.LogFiles.appendLines;
import static org.thor.file.LogFiles.lines;

/**
 * Positions follow the file, not the pattern: editing, adding or reordering the patterns of
 * {@code files} sends no file again, and offsets stored per pattern (before positions were stored
 * per directory) are taken over.
 */
class PatternEditTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /**
     * The case: {@code app.log} widened to {@code app.log*} after twenty rename rotations.
     * The rotated files were read as app.log; none is read again, and app.log goes on.
     */
    @Test
    void wideningThePatternSendsNoRotatedFileAgain() throws Exception {
        Path log = dir.resolve("app.log");
        Map<String, String> exact = LogFiles.config(log.toString());
        exact.put(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG, "0");
        int lines = 0;
        try (TaskHarness harness = new TaskHarness(exact).start()) {
            for (int rotation = 0; rotation < 20; rotation++) {
                appendLines(log, lines, lines + 50);
                lines += 50;
                harness.pollUntil(lines, TIMEOUT);
                LogFiles.shiftRotated(log, 30);
                Files.move(log, dir.resolve("app.log.1"));
                Files.createFile(log);
            }
            appendLines(log, lines, lines + 50);
            lines += 50;
            assertEquals(lines(0, lines), harness.pollUntil(lines, TIMEOUT));

            harness.restartWith(edited(exact, dir + "/app.log*"));
            appendLines(log, lines, lines + 10);
            lines += 10;
            assertEquals(lines(0, lines), harness.pollUntil(lines, TIMEOUT));
            assertEquals(lines(0, lines), harness.pollQuietFor(Duration.ofMillis(500)));
        }
    }

    /**
     * A pattern added in front, in the same directory: its existing files are read from their
     * beginning (a new stream, as {@code read.from} says); the stream it moved is not read again.
     */
    @Test
    void anAddedPatternReadsItsFilesWhileTheMovedOneSendsNothingAgain() throws Exception {
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");
        appendLines(a, 0, 100);
        appendLines(dir.resolve("b.log.1"), 1000, 1050);
        aMinuteOld(dir.resolve("b.log.1"));
        appendLines(b, 1050, 1100);
        Map<String, String> config = LogFiles.config(a.toString());
        try (TaskHarness harness = new TaskHarness(config).start()) {
            assertEquals(lines(0, 100), harness.pollUntil(100, TIMEOUT));

            harness.restartWith(edited(config, dir + "/b.log*," + a));
            appendLines(a, 100, 110);
            harness.pollUntil(210, TIMEOUT);
            assertEquals(lines(0, 110), valuesFrom(harness, a));
            assertEquals(lines(1000, 1100), valuesFrom(harness, dir.resolve("b.log.1"), b));

            // both streams of the directory resume from the one partition they share
            harness.restart();
            appendLines(a, 110, 120);
            appendLines(b, 1100, 1110);
            harness.pollUntil(230, TIMEOUT);
            harness.pollQuietFor(Duration.ofMillis(500));
            assertEquals(lines(0, 120), valuesFrom(harness, a));
            assertEquals(lines(1000, 1110), valuesFrom(harness, dir.resolve("b.log.1"), b));
        }
    }

    /** Offsets as stored per pattern before this version: resumed, then stored under the directory. */
    @Test
    void anOffsetStoredPerPatternIsTakenOver() throws Exception {
        Path log = rotatedAndLive();
        Map<String, String> config = LogFiles.config(dir + "/app.log*");
        FileKeys.Stat stat = FileKeys.stat(log);
        Fingerprint head = Fingerprint.of(log, stat.key());
        assertNotNull(head);
        long position = lines(100, 150).stream().mapToLong(line -> line.length() + 1).sum();
        Map<String, Object> stored = new HashMap<>();
        stored.put(StreamOffset.FILES_KEY, stat.key() + "," + head.length() + "," + head.hash() + "," + position);
        stored.put(StreamOffset.FINISHED_MTIME_KEY, Files.getLastModifiedTime(dir.resolve("app.log.1")).toMillis());

        TaskHarness harness = new TaskHarness(config);
        harness.storedOffsets.put(StreamOffset.legacyPartition(dir + "/app.log*"), stored);
        try (harness) {
            harness.start();
            appendLines(log, 150, 160);
            assertEquals(lines(150, 160), harness.pollUntil(10, TIMEOUT));
            assertEquals(lines(150, 160), harness.pollQuietFor(Duration.ofMillis(500)));
            Map<String, ?> migrated = harness.storedOffsets.get(StreamOffset.partition(dir));
            assertNotNull(migrated, "stored under the directory: " + harness.storedOffsets.keySet());
            assertEquals(List.of(dir + "/app.log*"), StreamOffset.streams(migrated));
        }
    }

    /**
     * app.log.1 was finished and gone (compressed) while Thor was stopped, and the archive is
     * newer than any file finished: its finished entry, kept after the file went, tells what it is.
     */
    @Test
    void anArchiveOfAFileGoneWhileStoppedIsNotReadAgain() throws Exception {
        Path log = rotatedAndLive();
        Map<String, String> config = LogFiles.config(dir + "/app.log*");
        config.put(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG, "0");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            assertEquals(lines(0, 150), harness.pollUntil(150, TIMEOUT));
            harness.task().stop();
            Path gz = dir.resolve("app.log.1.gz");
            LogFiles.compress(dir.resolve("app.log.1"), gz);
            Files.setLastModifiedTime(gz, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
            appendLines(log, 150, 160);
            harness.start();
            assertEquals(lines(0, 160), harness.pollUntil(160, TIMEOUT));
            assertEquals(lines(0, 160), harness.pollQuietFor(Duration.ofMillis(500)));
            assertNull(harness.storedOffsets.get(StreamOffset.legacyPartition(dir + "/app.log*")));
        }
    }

    /** app.log.1 with lines 0 to 100, a minute old, and app.log with lines 100 to 150; returns app.log. */
    private Path rotatedAndLive() throws java.io.IOException {
        appendLines(dir.resolve("app.log.1"), 0, 100);
        aMinuteOld(dir.resolve("app.log.1"));
        Path log = dir.resolve("app.log");
        appendLines(log, 100, 150);
        return log;
    }

    private static void aMinuteOld(Path file) throws java.io.IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }

    private static Map<String, String> edited(Map<String, String> config, String files) {
        Map<String, String> edited = new HashMap<>(config);
        edited.put(LogFileSourceConfig.FILES_CONFIG, files);
        return edited;
    }

    /** The lines that came from the given files, in the order they came. */
    private static List<String> valuesFrom(TaskHarness harness, Path... files) {
        List<String> paths = new ArrayList<>();
        for (Path file : files) {
            paths.add(file.toString());
        }
        return harness.records.stream()
                .filter(r -> paths.contains(r.headers().lastWithName(LineHeaders.PATH_HEADER).value().toString()))
                .map(r -> String.valueOf(r.value()))
                .collect(Collectors.toList());
    }
}
