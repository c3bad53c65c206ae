package org.thor.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thor.file.LogFiles.appendLines;
import static org.thor.file.LogFiles.lines;

class FlowControlTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void pollWaitsInsteadOfReadingBeyondTheInFlightBound() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 1000);
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.MAX_IN_FLIGHT_CONFIG, "100");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.acknowledge = false;
            harness.pollUntil(100, TIMEOUT);
            long start = System.nanoTime();
            assertEquals(0, harness.pollOnce());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos(), "poll() must return soon");
            assertEquals(100, harness.task().metrics().getRecordsInFlight());
            assertEquals(0, harness.pollOnce());
            assertTrue(harness.task().metrics().getBytesBehind() > 0, "what is not read yet is behind");
            harness.acknowledgeAll();
            harness.acknowledge = true;
            assertEquals(lines(0, 1000), harness.pollUntil(1000, TIMEOUT));
            assertEquals(100, harness.task().metrics().getMaxRecordsInFlight());
        }
    }

    /** Lines of 10 KiB with 100 KiB allowed in flight: about ten records out at a time, however many the record bound allows. */
    @Test
    void pollWaitsInsteadOfReadingBeyondTheInFlightBytes() throws Exception {
        Path log = dir.resolve("app.log");
        String longLine = "x".repeat(10 * 1024);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append(i).append(' ').append(longLine).append('\n');
        }
        LogFiles.append(log, text.toString());
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.MAX_IN_FLIGHT_BYTES_CONFIG, Integer.toString(100 * 1024));
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.acknowledge = false;
            await().atMost(TIMEOUT).until(() -> harness.pollOnce() == 0 && !harness.records.isEmpty());
            int first = harness.records.size();
            assertTrue(first >= 9 && first <= 11, "records out before the first acknowledgement: " + first);
            assertEquals(0, harness.pollOnce());
            harness.acknowledgeAll();
            harness.acknowledge = true;
            harness.pollUntil(100, TIMEOUT);
            assertEquals(100, harness.records.size());
            assertTrue(harness.task().metrics().getMaxRecordsInFlight() <= 11);
        }
    }

    @Test
    void manyStreamsAndManyFilesAreAllRead() throws Exception {
        StringBuilder patterns = new StringBuilder();
        int streams = 50;
        int filesPerStream = 20;
        for (int s = 0; s < streams; s++) {
            Path streamDir = dir.resolve("s" + s);
            java.nio.file.Files.createDirectories(streamDir);
            for (int f = 0; f < filesPerStream; f++) {
                Path file = streamDir.resolve(String.format("app.log.%03d", f));
                appendLines(file, f * 10, f * 10 + 10);
                java.nio.file.Files.setLastModifiedTime(file,
                        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 100_000 + f * 1000L));
            }
            patterns.append(patterns.length() == 0 ? "" : ",").append(streamDir).append("/app.log.*");
        }
        Map<String, String> config = LogFiles.config(patterns.toString());
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(streams * filesPerStream * 10, TIMEOUT);
            for (int s = 0; s < streams; s++) {
                String stream = dir.resolve("s" + s) + "/app.log.*";
                assertEquals(lines(0, filesPerStream * 10), harness.records.stream()
                        .filter(r -> stream.equals(r.key())).map(r -> (String) r.value()).toList());
            }
            // finished files are closed by polls after their last lines: wait for the task to say so
            harness.pollUntilTrue(() -> harness.task().metrics().getFilesOpen() <= streams, TIMEOUT);
            assertTrue(LogFiles.openFilesUnder(dir).size() <= streams, "only each stream's newest file stays open");
            assertEquals(streams * filesPerStream * 10, harness.records.size());
        }
    }
}
