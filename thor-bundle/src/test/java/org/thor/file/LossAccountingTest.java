package org.thor.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rotations that remove content Thor had seen but not read yet: the lines cannot be sent, and
 * every byte of them is counted in {@code BytesLostToRotation}. Each case lets Thor read the first
 * lines of a file holding more (it has seen its end), then removes the rest by rotation before Thor
 * reads on: what arrives must be in order, once, and the bytes of the lines that did not arrive
 * must be exactly what the metric counts.
 */
class LossAccountingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int SEEN = 1_000;
    private static final int READ = 100;
    private static final int AFTER = 200;

    @TempDir
    Path dir;

    @Test
    void copytruncateWhileStoppedWithTheCopyRemoved() throws Exception {
        Path log = dir.resolve("app.log");
        try (TaskHarness harness = readPartlyThenStop(log, dir.resolve("app.log").toString())) {
            LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
            Files.delete(dir.resolve("app.log.1"));
            LogFiles.appendLines(log, SEEN, SEEN + AFTER);
            harness.start();
            assertEveryLineSentOrCounted(harness);
        }
    }

    @Test
    void renamedAndRemovedWhileStopped() throws Exception {
        Path log = dir.resolve("app.log");
        try (TaskHarness harness = readPartlyThenStop(log, dir.resolve("app.log*").toString())) {
            Files.move(log, dir.resolve("app.log.1"));
            Files.delete(dir.resolve("app.log.1"));
            LogFiles.appendLines(log, SEEN, SEEN + AFTER);
            harness.start();
            assertEveryLineSentOrCounted(harness);
        }
    }

    @Test
    void renamedOutOfSightWhileStopped() throws Exception {
        Path log = dir.resolve("logs/app.log");
        Files.createDirectories(log.getParent());
        try (TaskHarness harness = readPartlyThenStop(log, dir.resolve("logs/app.log*").toString())) {
            // the stored file is still there, so the new log is another inode: no stream finds the stored one
            Files.move(log, dir.resolve("app.log.1"));
            LogFiles.appendLines(log, SEEN, SEEN + AFTER);
            harness.start();
            assertEveryLineSentOrCounted(harness);
        }
    }

    @Test
    void copytruncateWhileRunningWithTheCopyRemoved() throws Exception {
        Path log = dir.resolve("app.log");
        Map<String, String> config = limitedBatches(dir.resolve("app.log*").toString());
        LogFiles.appendLines(log, 0, SEEN);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(READ, TIMEOUT);
            LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
            Files.delete(dir.resolve("app.log.1"));
            LogFiles.appendLines(log, SEEN, SEEN + AFTER);
            assertEveryLineSentOrCounted(harness);
        }
    }

    @Test
    void copytruncateOfTheExactPathWhileRunningWithTheCopyRemoved() throws Exception {
        Path log = dir.resolve("app.log");
        Map<String, String> config = limitedBatches(log.toString());
        LogFiles.appendLines(log, 0, SEEN);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(READ, TIMEOUT);
            LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
            Files.delete(dir.resolve("app.log.1"));
            LogFiles.appendLines(log, SEEN, SEEN + AFTER);
            assertEveryLineSentOrCounted(harness);
        }
    }

    /** Thor reads the first lines of a file it has seen whole, stores its position, and stops. */
    private TaskHarness readPartlyThenStop(Path log, String files) {
        LogFiles.appendLines(log, 0, SEEN);
        TaskHarness harness = new TaskHarness(limitedBatches(files)).start();
        harness.pollUntil(READ, TIMEOUT);
        harness.task().stop();
        return harness;
    }

    private static Map<String, String> limitedBatches(String files) {
        Map<String, String> config = LogFiles.config(files);
        config.put(LogFileSourceConfig.BATCH_MAX_RECORDS_CONFIG, String.valueOf(READ));
        return config;
    }

    /**
     * Polls until the last line written has come and Thor has settled what it owes, then checks
     * that what came is in order and once, and that the bytes of what did not come are counted.
     */
    private static void assertEveryLineSentOrCounted(TaskHarness harness) throws InterruptedException {
        String last = LogFiles.line(SEEN + AFTER - 1);
        List<String> values = harness.pollUntil(v -> v.contains(last)
                && missingBytes(v) == harness.task().metrics().getBytesLostToRotation(), TIMEOUT);
        values = harness.pollQuietFor(Duration.ofMillis(500));
        List<String> written = LogFiles.lines(0, SEEN + AFTER);
        assertTrue(isSubsequence(values, written), "lines arrived twice or out of order");
        assertTrue(missingBytes(values) > 0, "the rotation removed nothing unread: the case tests nothing");
        assertEquals(missingBytes(values), harness.task().metrics().getBytesLostToRotation(),
                "bytes of lines that did not arrive, against BytesLostToRotation");
    }

    private static long missingBytes(List<String> values) {
        List<String> missing = new ArrayList<>(LogFiles.lines(0, SEEN + AFTER));
        missing.removeAll(values);
        return missing.stream().mapToLong(line -> line.getBytes(StandardCharsets.UTF_8).length + 1).sum();
    }

    private static boolean isSubsequence(List<String> values, List<String> written) {
        int at = 0;
        for (String value : values) {
            while (at < written.size() && !written.get(at).equals(value)) {
                at++;
            }
            if (at == written.size()) {
                return false;
            }
            at++;
        }
        return true;
    }
}
