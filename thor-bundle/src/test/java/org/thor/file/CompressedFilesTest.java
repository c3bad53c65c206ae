package org.thor.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thor.file.LogFiles.appendLines;
import static org.thor.file.LogFiles.compress;
import static org.thor.file.LogFiles.lines;

/** Rolled files compressed by logrotate's {@code compress}: read once, never sent twice. */
class CompressedFilesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofMillis(1_500);

    @TempDir
    Path dir;

    @Test
    void archivesAreReadOnceAndInOrderBeforeThePlainFiles() throws Exception {
        Path archived = dir.resolve("app.log.2");
        appendLines(archived, 0, 20_000);
        ageBy(archived, 120_000);
        compress(archived, dir.resolve("app.log.2.gz"));
        appendLines(dir.resolve("app.log.1"), 20_000, 20_100);
        ageBy(dir.resolve("app.log.1"), 60_000);
        appendLines(dir.resolve("app.log"), 20_100, 20_200);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            assertEquals(lines(0, 20_200), harness.pollUntil(20_200, TIMEOUT));
            assertEquals(lines(0, 20_200), harness.pollQuietFor(QUIET));
            assertTrue(LogFiles.openFilesUnder(dir).stream().noneMatch(p -> p.toString().endsWith(".gz")),
                    "the archive is closed once read");
        }
    }

    @Test
    void readingFromTheEndSkipsArchives() throws Exception {
        appendLines(dir.resolve("app.log.1"), 0, 100);
        compress(dir.resolve("app.log.1"), dir.resolve("app.log.1.gz"));
        appendLines(dir.resolve("app.log"), 100, 200);
        Map<String, String> config = LogFiles.config(dir + "/app.log*");
        config.put(LogFileSourceConfig.READ_FROM_CONFIG, "end");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            appendLines(dir.resolve("app.log"), 200, 250);
            assertEquals(lines(200, 250), harness.pollUntil(50, TIMEOUT));
            assertEquals(lines(200, 250), harness.pollQuietFor(QUIET));
        }
    }

    /** delaycompress: the rolled file is finished long before logrotate compresses it and deletes it. */
    @Test
    void compressedCopyOfAFinishedFileIsNotSentAgain() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 100);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            harness.pollUntil(100, TIMEOUT);
            Files.move(log, dir.resolve("app.log.1"));
            appendLines(log, 100, 200);
            assertEquals(lines(0, 200), harness.pollUntil(200, TIMEOUT));
            awaitFinished(harness, dir.resolve("app.log.1"));

            compress(dir.resolve("app.log.1"), dir.resolve("app.log.1.gz"));
            Files.move(dir.resolve("app.log.1.gz"), dir.resolve("app.log.2.gz"));
            Files.move(log, dir.resolve("app.log.1"));
            appendLines(log, 200, 300);
            assertEquals(lines(0, 300), harness.pollUntil(300, TIMEOUT));
            assertEquals(lines(0, 300), harness.pollQuietFor(QUIET));
        }
    }

    /** compress without delaycompress: the copy is gzipped and deleted before Thor read what it owed. */
    @Test
    void copytruncatedLinesAreReadFromTheCompressedCopyWhenThePlainCopyIsGone() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 100);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            harness.pollUntil(100, TIMEOUT);
            appendLines(log, 100, 150);
            LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
            compress(dir.resolve("app.log.1"), dir.resolve("app.log.1.gz"));
            appendLines(log, 150, 200);
            assertEquals(lines(0, 200), harness.pollUntil(200, TIMEOUT));
            assertEquals(lines(0, 200), harness.pollQuietFor(QUIET));
        }
    }

    @Test
    void aFileRenamedAndCompressedWhileStoppedIsFinishedFromItsArchive() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 100);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            harness.pollUntil(100, TIMEOUT);
            harness.task().stop();
            appendLines(log, 100, 150);
            Files.move(log, dir.resolve("app.log.1"));
            compress(dir.resolve("app.log.1"), dir.resolve("app.log.1.gz"));
            appendLines(log, 150, 200);
            harness.restart();
            assertEquals(lines(0, 200), harness.pollUntil(200, TIMEOUT));
            assertEquals(lines(0, 200), harness.pollQuietFor(QUIET));
        }
    }

    @Test
    void anArchiveStillBeingWrittenIsReadOnceComplete() throws Exception {
        Path gz = dir.resolve("app.log.1.gz");
        byte[] whole = writeFirstHalfOfArchive(gz);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            // the task has seen the half-written archive before it is completed
            harness.pollUntilTracked(gz, TIMEOUT);
            assertTrue(harness.records.isEmpty(), "nothing of a half-written archive is sent");
            Files.write(gz, whole);
            assertEquals(lines(0, 5_000), harness.pollUntil(5_000, TIMEOUT));
            assertEquals(lines(0, 5_000), harness.pollQuietFor(QUIET));
        }
    }

    @Test
    void aDamagedArchiveGivesTheLinesBeforeTheDamageAndTheStreamGoesOn() throws Exception {
        Path gz = dir.resolve("app.log.1.gz");
        writeFirstHalfOfArchive(gz);
        ageBy(gz, 60_000);
        appendLines(dir.resolve("app.log"), 5_000, 5_100);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            List<String> received = harness.pollUntil(100, TIMEOUT);
            received = harness.pollQuietFor(QUIET);
            int fromArchive = received.size() - 100;
            assertTrue(fromArchive > 0 && fromArchive < 5_000, "a part of the archive: " + fromArchive);
            List<String> expected = new ArrayList<>(lines(0, fromArchive));
            expected.addAll(lines(5_000, 5_100));
            assertEquals(expected, received, "the archive up to its damage, then the log, each line once");
        }
    }

    /** Writes the first half of an archive of lines 0 … 4,999, as gzip would have so far; returns the whole. */
    private byte[] writeFirstHalfOfArchive(Path gz) throws Exception {
        Path source = dir.resolve("source");
        appendLines(source, 0, 5_000);
        compress(source, gz);
        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(whole, whole.length / 2));
        return whole;
    }

    private static void awaitFinished(TaskHarness harness, Path file) {
        org.awaitility.Awaitility.await().atMost(TIMEOUT)
                .until(() -> harness.pollOnce() >= 0 && !LogFiles.openFilesUnder(file.getParent()).contains(file));
    }

    private static void ageBy(Path file, long millis) throws Exception {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - millis));
    }
}
