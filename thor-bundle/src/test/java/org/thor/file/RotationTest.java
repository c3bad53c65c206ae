package org.thor.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thor.file.config.LogFileSourceConfig;
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
import static org.thor.file.LogFiles.appendLines;
import static org.thor.file.LogFiles.lines;

class RotationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void timeRolledFilesAreReadInOrderWithLateLinesSentLate() throws Exception {
        Path h13 = dir.resolve("access.log.2026-11-24-13");
        Path h14 = dir.resolve("access.log.2026-11-24-14");
        Path h15 = dir.resolve("access.log.2026-11-24-15");
        appendLines(h13, 0, 100);
        Map<String, String> config = LogFiles.config(dir + "/access.log.*");
        config.put(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG, "60000");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            assertEquals(lines(0, 100), harness.pollUntil(100, TIMEOUT));
            appendLines(h14, 100, 200);
            assertEquals(lines(0, 200), harness.pollUntil(200, TIMEOUT));
            // a writer that had not switched yet: its line goes out late, but it goes out
            appendLines(h13, 200, 201);
            appendLines(h15, 201, 300);
            assertEquals(lines(0, 300), harness.pollUntil(300, TIMEOUT));
        }
    }

    @Test
    void olderFileIsFinishedBeforeTheNewerOnesLines() throws Exception {
        appendLines(dir.resolve("app.log.2026-11-24-13"), 0, 5000);
        appendLines(dir.resolve("app.log.2026-11-24-14"), 5000, 10000);
        Files.setLastModifiedTime(dir.resolve("app.log.2026-11-24-13"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log.*")).start()) {
            assertEquals(lines(0, 10000), harness.pollUntil(10000, TIMEOUT));
        }
    }

    @Test
    void renamedFileIsContinuedAtItsOffset() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 50);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            harness.pollUntil(50, TIMEOUT);
            appendLines(log, 50, 60);
            Files.move(log, dir.resolve("app.log.1"));
            appendLines(log, 60, 100);
            assertEquals(lines(0, 100), harness.pollUntil(100, TIMEOUT));
            assertEquals(lines(0, 100), harness.pollQuietFor(Duration.ofMillis(500)));
        }
    }

    @Test
    void fileMovedOutOfThePatternIsReadToItsEnd() throws Exception {
        Path log = dir.resolve("app.log");
        Path old = Files.createDirectories(dir.resolve("old")).resolve("app.log.1");
        appendLines(log, 0, 10);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            harness.pollUntil(10, TIMEOUT);
            appendLines(log, 10, 20);
            Files.move(log, old);
            appendLines(log, 20, 30);
            assertEquals(lines(0, 30), harness.pollUntil(30, TIMEOUT));
            await().atMost(TIMEOUT).until(() -> harness.pollOnce() >= 0 && LogFiles.openFilesUnder(dir.resolve("old")).isEmpty());
        }
    }

    @Test
    void copytruncateLosesNothingAndRepeatsNothing() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 50);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            harness.pollUntil(50, TIMEOUT);
            appendLines(log, 50, 60);
            LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
            appendLines(log, 60, 100);
            assertEquals(lines(0, 100), harness.pollUntil(100, TIMEOUT));
            assertEquals(lines(0, 100), harness.pollQuietFor(Duration.ofMillis(500)));
        }
    }

    @Test
    void aLogCopytruncatedBeforeItsFirstReadHasItsCopysLinesSentFirst() throws Exception {
        Path log = dir.resolve("app.log");
        Files.createFile(log);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            // the task knows app.log, empty; before its first poll the log is written, copied and truncated
            appendLines(log, 0, 5000);
            Path copy = dir.resolve("app.log.1");
            Files.copy(log, copy);
            Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 1_000));
            try (java.nio.channels.FileChannel truncating = java.nio.channels.FileChannel.open(log, java.nio.file.StandardOpenOption.WRITE)) {
                truncating.truncate(0);
            }
            appendLines(log, 5000, 6000);

            assertEquals(lines(0, 6000), harness.pollUntil(6000, TIMEOUT));
        }
    }

    /** logrotate renames app.log.N on while Thor is behind: a file listed but not opened yet moves before its turn. */
    @Test
    void aFileRenamedOnBeforeItIsOpenedIsStillReadBeforeNewerOnes() throws Exception {
        Path older = dir.resolve("app.log.1");
        Path log = dir.resolve("app.log");
        appendLines(older, 0, 1000);
        appendLines(log, 1000, 1100);
        Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Map<String, String> config = LogFiles.config(dir + "/app.log*");
        config.put(LogFileSourceConfig.COPIES_CONFIG, LogFileSourceConfig.COPIES_MATCHED); // nothing is opened at start
        try (TaskHarness harness = new TaskHarness(config).start()) {
            Files.move(older, dir.resolve("app.log.2"));
            assertEquals(lines(0, 1100), harness.pollUntil(1100, TIMEOUT));
        }
    }

    /** File times are stamped to the kernel's tick: a log and its copy may share one. */
    @Test
    void aLogAndItsCopyStampedInOneTickAreReadCopyFirst() throws Exception {
        Path log = dir.resolve("app.log");
        Path copy = dir.resolve("app.log.1");
        appendLines(copy, 0, 1000);
        appendLines(log, 1000, 1100);
        Files.setLastModifiedTime(copy, Files.getLastModifiedTime(log));
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            assertEquals(lines(0, 1100), harness.pollUntil(1100, TIMEOUT));
        }
    }

    /** Python's RotatingFileHandler or logrotate, several rotations in one tick: the higher number is the older. */
    @Test
    void numberedCopiesStampedInOneTickAreReadOldestFirst() throws Exception {
        Path log = dir.resolve("app.log");
        for (int copy = 3; copy >= 1; copy--) {
            appendLines(dir.resolve("app.log." + copy), (3 - copy) * 100, (4 - copy) * 100);
        }
        appendLines(log, 300, 350);
        for (int copy = 1; copy <= 3; copy++) {
            Files.setLastModifiedTime(dir.resolve("app.log." + copy), Files.getLastModifiedTime(log));
        }
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            assertEquals(lines(0, 350), harness.pollUntil(350, TIMEOUT));
        }
    }

    /**
     * app.log, truncated and not read since, is copied and truncated again, and written, in one
     * tick of the file times: its new copy is listed with its time, and holds the older lines.
     */
    @Test
    void aCopyStampedInTheTickItsTruncatedLogWasWrittenAgainIsReadBeforeIt() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 1000);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            harness.pollUntil(1000, TIMEOUT);
            Path copy = dir.resolve("app.log.1");
            LogFiles.copyTruncate(log, copy);
            // the copy is listed and app.log found truncated: two rotations
            harness.pollUntilTrue(() -> harness.task().metrics().getRotations() == 2, TIMEOUT);
            appendLines(log, 1000, 2000);
            Files.move(copy, dir.resolve("app.log.2"));
            LogFiles.copyTruncate(log, copy);
            appendLines(log, 2000, 2100);
            Files.setLastModifiedTime(copy, Files.getLastModifiedTime(log));
            assertEquals(lines(0, 2100), harness.pollUntil(2100, TIMEOUT));
            assertEquals(lines(0, 2100), harness.pollQuietFor(Duration.ofMillis(500)));
        }
    }

    @Test
    void copytruncateSeenAfterTheCopyWasFound() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 50);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            harness.pollUntil(50, TIMEOUT);
            appendLines(log, 50, 60);
            Path copy = dir.resolve("app.log.1");
            Files.copy(log, copy);
            // the ordering under test: the copy is listed (tracked) before app.log is truncated
            harness.pollUntilTracked(copy, TIMEOUT);
            assertTrue(harness.task().follows(copy), "the copy was found before the truncation");
            assertEquals(60, harness.records.size(), "app.log was read to its end before the truncation");
            LogFiles.truncate(log);
            appendLines(log, 60, 100);
            assertEquals(lines(0, 100), harness.pollUntil(100, TIMEOUT));
            assertEquals(lines(0, 100), harness.pollQuietFor(Duration.ofMillis(500)));
        }
    }

    /**
     * The copy is listed while copytruncate is still writing it, and decided a copy once it holds
     * what was read of app.log, before app.log is truncated: taken over at the truncation, it is
     * read on from app.log's position, once (it was once taken for truncated itself, its rest
     * counted lost and then read again from elsewhere).
     */
    @Test
    void copyListedWhileStillBeingWrittenIsReadOnceFromThePosition() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 5000);
        Map<String, String> config = LogFiles.config(dir + "/app.log*");
        config.put(LogFileSourceConfig.BATCH_MAX_RECORDS_CONFIG, "100");
        config.put(LogFileSourceConfig.SCAN_INTERVAL_CONFIG, "1");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(2000, TIMEOUT);
            byte[] whole = Files.readAllBytes(log);
            Path copy = dir.resolve("app.log.1");
            Files.write(copy, java.util.Arrays.copyOf(whole, 100));
            harness.pollOnce(); // lists the partial copy: it may become a copy, not read
            harness.pollOnce();
            Files.write(copy, java.util.Arrays.copyOfRange(whole, 100, whole.length), java.nio.file.StandardOpenOption.APPEND);
            harness.pollOnce(); // now it holds what was read of app.log: a copy
            LogFiles.truncate(log);
            appendLines(log, 5000, 5100);
            harness.pollUntil(5100, TIMEOUT);
            assertEquals(lines(0, 5100), harness.pollQuietFor(Duration.ofMillis(500)));
            assertEquals(0, harness.task().metrics().getBytesLostToRotation());
        }
    }

    /**
     * Thor is still sending the copy's lines when app.log, truncated while empty, fills and is
     * copied and truncated again: the second copy's lines come before what app.log holds now.
     */
    @Test
    void secondCopytruncateWhileTheFirstCopyIsStillBeingReadKeepsOrder() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 50);
        Map<String, String> config = LogFiles.config(dir + "/app.log*");
        config.put(LogFileSourceConfig.BATCH_MAX_RECORDS_CONFIG, "100");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(50, TIMEOUT);
            appendLines(log, 50, 5000);
            LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
            harness.pollOnce(); // notices the truncation while app.log is empty
            appendLines(log, 5000, 5100);
            harness.pollOnce();
            Files.move(dir.resolve("app.log.1"), dir.resolve("app.log.2"));
            LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
            appendLines(log, 5100, 5200);
            assertEquals(lines(0, 5200), harness.pollUntil(5200, TIMEOUT));
            assertEquals(lines(0, 5200), harness.pollQuietFor(Duration.ofMillis(500)));
        }
    }

    /**
     * The pattern does not match the copy, so the lines Thor had seen in app.log but not yet read
     * when it was truncated are in no file it reads: they are counted as lost, the stream goes on.
     */
    @Test
    void copytruncateWithoutAMatchingCopyCountsTheUnreadBytesAsLost() throws Exception {
        Path log = dir.resolve("app.log");
        Map<String, String> config = unmatchedCopyConfig(log);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(100, TIMEOUT);
            LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
            appendLines(log, 5000, 5040);
            assertLinesOneHundredToFiveThousandCountedAsLost(harness);
        }
    }

    @Test
    void copytruncateWhileStoppedIsPickedUpAtRestart() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 50);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            harness.pollUntil(50, TIMEOUT);
            harness.task().stop();
            appendLines(log, 50, 60);
            LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
            appendLines(log, 60, 100);
            harness.start();
            List<String> all = harness.pollUntil(100, TIMEOUT);
            assertEquals(lines(0, 100), harness.pollQuietFor(Duration.ofMillis(500)));
            assertEquals(100, all.size());
        }
    }

    @Test
    void thousandRotationsLeaveNoOpenFiles() throws Exception {
        Path log = dir.resolve("app.log");
        Map<String, String> config = LogFiles.config(dir + "/app.log*");
        config.put(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG, "0");
        int linesPerFile = 5;
        try (TaskHarness harness = new TaskHarness(config).start()) {
            for (int rotation = 0; rotation < 1000; rotation++) {
                appendLines(log, rotation * linesPerFile, (rotation + 1) * linesPerFile);
                rotate(log, 3);
                harness.pollUntil((rotation + 1) * linesPerFile, TIMEOUT);
            }
            appendLines(log, 5000, 5001);
            assertEquals(lines(0, 5001), harness.pollUntil(5001, TIMEOUT));
            // the rotated files' handles are closed by a poll after their last lines: wait for the task to say so
            harness.pollUntilTrue(() -> harness.task().metrics().getFilesOpen() <= 2, TIMEOUT);
            List<Path> open = LogFiles.openFilesUnder(dir);
            assertTrue(open.size() <= 2, "open after 1000 rotations: " + open);
            assertTrue(harness.task().metrics().getRotations() >= 1000);
            Map<String, ?> offset = harness.storedOffsets.values().iterator().next();
            assertTrue(StreamOffset.entries(offset).size() <= 2, "offsets grew: " + offset);
        }
    }

    @Test
    void finishedFileThatGrowsAgainIsReadAgain() throws Exception {
        Path h13 = dir.resolve("app.log.2026-11-24-13");
        Path h14 = dir.resolve("app.log.2026-11-24-14");
        appendLines(h13, 0, 10);
        appendLines(h14, 10, 20);
        Map<String, String> config = LogFiles.config(dir + "/app.log.*");
        config.put(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG, "0");
        // growth of a finished file is noticed by the full listing only
        config.put(LogFileSourceConfig.SCAN_INTERVAL_CONFIG, "10");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(20, TIMEOUT);
            await().atMost(TIMEOUT).until(() -> harness.pollOnce() >= 0 && LogFiles.openFilesUnder(dir).size() == 1);
            appendLines(h13, 20, 21);
            assertEquals(lines(0, 21), harness.pollUntil(21, TIMEOUT));
        }
    }

    /**
     * As above, while Kafka is behind: the task only lists the directories, and a listing that
     * finds app.log truncated must not make the unread bytes it had seen uncountable.
     */
    @Test
    void copytruncateSeenFirstByAListingWhileKafkaIsBehindStillCountsTheUnreadBytes() throws Exception {
        Path log = dir.resolve("app.log");
        Map<String, String> config = unmatchedCopyConfig(log);
        config.put(LogFileSourceConfig.MAX_IN_FLIGHT_CONFIG, "100");
        config.put(LogFileSourceConfig.SCAN_INTERVAL_CONFIG, "1");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.acknowledge = false;
            harness.pollUntil(100, TIMEOUT);
            LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
            appendLines(log, 5000, 5040);
            assertEquals(0, harness.pollOnce(), "at the in-flight bound the task only lists");
            harness.acknowledge = true;
            harness.acknowledgeAll();
            assertLinesOneHundredToFiveThousandCountedAsLost(harness);
        }
    }

    /**
     * A rotation every 50 ms, all rotated files kept: logrotate renames a hundred files while the
     * directory is being listed, so a listing may miss a file or name one that is gone by the time
     * it is looked at. Neither may make a known file look new (sent again) or gone (its rest lost).
     */
    @ParameterizedTest
    @EnumSource(RotatingWriter.Mode.class)
    void rotationsWhileTheDirectoryIsListedLoseAndRepeatNothing(RotatingWriter.Mode mode) throws Exception {
        int lines = 100_000;
        Path log = dir.resolve("app.log");
        Files.createFile(log);
        RotatingWriter writer = new RotatingWriter(log, mode, lines, 1_000, 100);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            writer.startThread();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ZERO)
                    .until(() -> harness.pollOnce() >= 0 && writer.done() && harness.records.size() >= lines);
            List<String> received = harness.pollQuietFor(Duration.ofSeconds(1));
            Delivery.Counts counts = Delivery.count(lines(0, lines), received);
            System.out.printf("%s every 1,000 lines (50 ms), 100 files kept: lost %d, duplicated %d, out of order %d%n",
                    mode, counts.lost(), counts.duplicated(), counts.outOfOrder());
            Delivery.assertSameSequence(lines(0, lines), received);
        }
    }

    /** app.log with lines 0 to 5,000, read 100 lines a poll by a pattern that does not match its copies, nor looks beside. */
    private static Map<String, String> unmatchedCopyConfig(Path log) {
        appendLines(log, 0, 5000);
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.BATCH_MAX_RECORDS_CONFIG, "100");
        config.put(LogFileSourceConfig.COPIES_CONFIG, LogFileSourceConfig.COPIES_MATCHED);
        return config;
    }

    /**
     * After lines 0 to 100 were sent and app.log was copytruncated and given lines 5,000 to 5,040:
     * the bytes of lines 100 to 5,000 are counted as lost, and the new lines follow the old.
     */
    private static void assertLinesOneHundredToFiveThousandCountedAsLost(TaskHarness harness) throws InterruptedException {
        long unread = lines(100, 5000).stream().mapToLong(line -> line.length() + 1).sum();
        await().atMost(TIMEOUT).until(() -> harness.pollOnce() >= 0
                && harness.task().metrics().getBytesLostToRotation() == unread);
        List<String> expected = new ArrayList<>(lines(0, 100));
        expected.addAll(lines(5000, 5040));
        assertEquals(expected, harness.pollQuietFor(Duration.ofMillis(200)));
    }

    /** logrotate 'create' with 'rotate keep': app.log.N is deleted, the others move up one. */
    private void rotate(Path log, int keep) throws Exception {
        LogFiles.shiftRotated(log, keep);
        Files.move(log, dir.resolve("app.log.1"));
        Files.createFile(log);
    }
}
