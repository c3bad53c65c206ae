package org.thor.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.offset.StreamOffset;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thor.file.LogFiles.append;
import static org.thor.file.LogFiles.appendLines;
import static org.thor.file.LogFiles.lines;

class RestartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void offsetsAreRestoredAfterARestart() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 100);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(log.toString())).start()) {
            harness.pollUntil(100, TIMEOUT);
            harness.restart();
            appendLines(log, 100, 150);
            assertEquals(lines(0, 150), harness.pollUntil(150, TIMEOUT));
            assertEquals(lines(0, 150), harness.pollQuietFor(Duration.ofMillis(200)));
        }
    }

    @Test
    void unacknowledgedRecordsAreSentAgainAfterARestart() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 100);
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.BATCH_MAX_RECORDS_CONFIG, "10");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(40, TIMEOUT);
            harness.acknowledge = false;
            harness.pollUntil(60, TIMEOUT);
            harness.restart();
            harness.acknowledge = true;
            harness.records.clear();
            List<String> again = harness.pollUntil(60, TIMEOUT);
            assertEquals(lines(40, 100), again);
        }
    }

    @Test
    void filesRolledWhileStoppedAreReadOnceAndInOrder() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 30);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            harness.pollUntil(30, TIMEOUT);
            harness.task().stop();
            appendLines(log, 30, 40);
            Files.move(log, dir.resolve("app.log.1"));
            appendLines(log, 40, 50);
            harness.start();
            assertEquals(lines(0, 50), harness.pollUntil(50, TIMEOUT));
            assertEquals(lines(0, 50), harness.pollQuietFor(Duration.ofMillis(500)));
        }
    }

    @Test
    void finishedFilesAreNotReadAgainAfterARestart() throws Exception {
        Path old = dir.resolve("app.log.2026-11-24-13");
        Path current = dir.resolve("app.log.2026-11-24-14");
        appendLines(old, 0, 10);
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        appendLines(current, 10, 20);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log.*")).start()) {
            harness.pollUntil(20, TIMEOUT);
            // the finished file leaves the offset once it is closed (close.inactive.ms): wait for the task to say so
            harness.pollUntilTrue(() -> harness.task().metrics().getFilesOpen() == 1, TIMEOUT);
            appendLines(current, 20, 21);
            harness.pollUntil(21, TIMEOUT);
            Map<String, ?> offset = harness.storedOffsets.values().iterator().next();
            assertEquals(1, StreamOffset.entries(offset).size(), "the finished file left the offset: " + offset);
            harness.restart();
            appendLines(current, 21, 25);
            assertEquals(lines(0, 25), harness.pollUntil(25, TIMEOUT));
            assertEquals(lines(0, 25), harness.pollQuietFor(Duration.ofMillis(300)));
        }
    }

    @Test
    void reusedInodeIsReadFromItsStart() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "old content of the first file\n");
        try (TaskHarness harness = new TaskHarness(LogFiles.config(log.toString())).start()) {
            harness.pollUntil(1, TIMEOUT);
            harness.task().stop();
            // same device and inode, other first bytes: a different file to an operator
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            append(log, "a new file that is a lot longer than the first one was\n");
            harness.start();
            List<String> values = harness.pollUntil(2, TIMEOUT);
            assertEquals("a new file that is a lot longer than the first one was", values.get(1));
        }
    }

    @Test
    void readFromEndSkipsWhatExistedAtFirstStart() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 10);
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.READ_FROM_CONFIG, "end");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            // read.from=end applies to what exists when the file is first listed: wait until it is
            harness.pollUntilTracked(log, TIMEOUT);
            appendLines(log, 10, 12);
            assertEquals(lines(10, 12), harness.pollUntil(2, TIMEOUT));
            assertTrue(harness.pollQuietFor(Duration.ofMillis(100)).size() == 2);
        }
    }
}
