package org.thor.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.read.LineHeaders;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.thor.file.LogFiles.append;
import static org.thor.file.LogFiles.appendLines;
import static org.thor.file.LogFiles.lines;

/**
 * Files that begin with the same bytes (a banner or a header, as log4j2 layouts, W3C logs and
 * CSV files write) are files of their own; a copy is a copy only when it holds what was read.
 * Thor is kept behind by polling only between the writes: every rotation below happens while
 * it has lines left to read.
 */
class FileIdentityTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** 2 KiB, more than the first bytes a fingerprint keeps. */
    private static final List<String> BANNER = IntStream.range(0, 32)
            .mapToObj(i -> String.format("# banner %02d: the same first bytes in every file of this log ......", i)).toList();

    @TempDir
    Path dir;

    @Test
    void dateRolledFilesWithTheSameBannerAreEachReadWhole() throws Exception {
        List<String> expected = new ArrayList<>();
        Map<String, String> config = LogFiles.config(dir + "/access.log.*");
        config.put(LogFileSourceConfig.BATCH_MAX_RECORDS_CONFIG, "50");
        writeWithBanner(dir.resolve("access.log.2026-12-01-10"), 0, 1000, expected);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(100, TIMEOUT);
            for (int hour = 11; hour < 15; hour++) {
                writeWithBanner(dir.resolve("access.log.2026-12-01-" + hour), (hour - 10) * 1000, (hour - 9) * 1000, expected);
                harness.pollOnce();
            }
            harness.pollUntil(expected.size(), TIMEOUT);
            Delivery.assertSameSequence(expected, harness.pollQuietFor(Duration.ofMillis(1500)));
        }
    }

    /** CSV files whose header is their first line, some holding nothing else: each is read, in order. */
    @Test
    void headerOnlyFilesAreFilesOfTheirOwn() throws Exception {
        String header = "time,host,method,path,status,bytes,referrer,agent,duration_ms,request_id";
        List<String> expected = new ArrayList<>();
        Map<String, String> config = LogFiles.config(dir + "/requests-*.csv");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            for (int hour = 0; hour < 6; hour++) {
                Path file = dir.resolve(String.format("requests-%02d.csv", hour));
                append(file, header + "\n");
                expected.add(header);
                if (hour % 2 == 0) {
                    appendLines(file, hour * 100, hour * 100 + 100);
                    expected.addAll(lines(hour * 100, hour * 100 + 100));
                }
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000 + hour * 1000));
            }
            harness.pollUntil(expected.size(), TIMEOUT);
            Delivery.assertSameSequence(expected, harness.pollQuietFor(Duration.ofMillis(1500)));
        }
    }

    @Test
    void renamedLogWhoseNewFilesStartWithTheSameBannerLosesNothing() throws Exception {
        Path log = dir.resolve("app.log");
        List<String> expected = new ArrayList<>();
        Map<String, String> config = LogFiles.config(dir + "/app.log*");
        config.put(LogFileSourceConfig.BATCH_MAX_RECORDS_CONFIG, "50");
        writeWithBanner(log, 0, 1000, expected);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(100, TIMEOUT);
            for (int rotation = 1; rotation < 5; rotation++) {
                for (int i = rotation; i >= 1; i--) {
                    Path from = i == 1 ? log : dir.resolve("app.log." + (i - 1));
                    Files.move(from, dir.resolve("app.log." + i));
                }
                writeWithBanner(log, rotation * 1000, (rotation + 1) * 1000, expected);
                harness.pollOnce();
            }
            harness.pollUntil(expected.size(), TIMEOUT);
            Delivery.assertSameSequence(expected, harness.pollQuietFor(Duration.ofMillis(1500)));
        }
    }

    /**
     * Several copytruncate rotations while Thor is behind, each new content starting with the same
     * banner: every copy's unread lines are sent once, in the order they were written, whether the
     * pattern matches the copies ({@code app.log*}) or names only the log (the copies found beside it).
     */
    @ParameterizedTest
    @ValueSource(strings = {"app.log*", "app.log"})
    void copytruncateSeveralRotationsBehindLosesNothing(String pattern) throws Exception {
        Path log = dir.resolve("app.log");
        List<String> expected = new ArrayList<>();
        Map<String, String> config = LogFiles.config(dir + "/" + pattern);
        config.put(LogFileSourceConfig.BATCH_MAX_RECORDS_CONFIG, "50");
        writeWithBanner(log, 0, 1000, expected);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(100, TIMEOUT);
            for (int rotation = 1; rotation < 6; rotation++) {
                copyTruncateKeeping(log, 10);
                writeWithBanner(log, rotation * 1000, (rotation + 1) * 1000, expected);
                if (rotation % 2 == 0) {
                    harness.pollOnce();
                }
            }
            harness.pollUntil(expected.size(), TIMEOUT);
            Delivery.assertSameSequence(expected, harness.pollQuietFor(Duration.ofMillis(1500)));
            assertEquals(0, harness.task().metrics().getBytesLostToRotation());
        }
    }

    /** After a restart, a stored file is found again by what was read of it, not by its banner. */
    @Test
    void restartTellsFilesWithTheSameBannerApart() throws Exception {
        Path log = dir.resolve("app.log");
        List<String> expected = new ArrayList<>();
        writeWithBanner(log, 0, 100, expected);
        Map<String, String> config = LogFiles.config(dir + "/app.log*");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(expected.size(), TIMEOUT);
            harness.task().stop();
            appendLines(log, 100, 150);
            expected.addAll(lines(100, 150));
            // rotated while stopped, by copy and delete: the stored inode is gone, a banner-alike file is new
            Files.copy(log, dir.resolve("app.log.1"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.delete(log);
            writeWithBanner(log, 150, 250, expected);
            harness.start();
            harness.pollUntil(expected.size(), TIMEOUT);
            Delivery.assertSameSequence(expected, harness.pollQuietFor(Duration.ofMillis(1500)));
        }
    }

    @Test
    void fileMatchedByTwoPatternsIsReadOnceByTheFirst() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 1000);
        Map<String, String> config = LogFiles.config(dir + "/app.log*," + dir + "/*.log");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(1000, TIMEOUT);
            appendLines(log, 1000, 1100);
            harness.pollUntil(1100, TIMEOUT);
            Delivery.assertSameSequence(lines(0, 1100), harness.pollQuietFor(Duration.ofMillis(500)));
            assertEquals(Set.of(dir + "/app.log*"), harness.records.stream().map(r -> r.key()).collect(Collectors.toSet()));
        }
    }

    @Test
    void fileReachedThroughASymlinkAndDirectlyIsOneFile() throws Exception {
        Path log = dir.resolve("app.log");
        appendLines(log, 0, 500);
        Files.createSymbolicLink(dir.resolve("app.log.current"), log);
        Map<String, String> config = LogFiles.config(dir + "/app.log*");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(500, TIMEOUT);
            for (int i = 1; i < 5; i++) {
                appendLines(log, i * 500, (i + 1) * 500);
                harness.pollUntil((i + 1) * 500, TIMEOUT);
            }
            Delivery.assertSameSequence(lines(0, 2500), harness.pollQuietFor(Duration.ofMillis(500)));
            assertEquals(Set.of(log.toString()), harness.records.stream()
                    .map(r -> LogFiles.headers(r).get(LineHeaders.PATH_HEADER)).collect(Collectors.toSet()));
        }
    }

    private static void writeWithBanner(Path file, int from, int to, List<String> expected) {
        append(file, String.join("\n", BANNER) + "\n");
        appendLines(file, from, to);
        expected.addAll(BANNER);
        expected.addAll(lines(from, to));
    }

    /** logrotate's copytruncate with {@code rotate keep}: app.log.N moves to N+1, app.log is copied to app.log.1 and truncated. */
    private void copyTruncateKeeping(Path log, int keep) throws IOException {
        LogFiles.shiftRotated(log, keep);
        Files.copy(log, dir.resolve("app.log.1"), StandardCopyOption.COPY_ATTRIBUTES);
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
    }
}
