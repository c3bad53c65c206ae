package org.thor.file;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.read.LineHeaders;
import org.thor.testing.FileTrees;
import org.thor.testing.UnprivilegedUser;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thor.file.LogFiles.append;
import static org.thor.file.LogFiles.appendLines;
import static org.thor.file.LogFiles.lines;

class BadInputTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void partialLineIsHeldUntilItIsCompleted() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "first\nsecond is half");
        try (TaskHarness harness = new TaskHarness(LogFiles.config(log.toString())).start()) {
            assertEquals(List.of("first"), harness.pollUntil(1, TIMEOUT));
            assertEquals(List.of("first"), harness.pollQuietFor(Duration.ofMillis(300)));
            append(log, " and now complete\r\nthird\n");
            assertEquals(List.of("first", "second is half and now complete", "third"), harness.pollUntil(3, TIMEOUT));
        }
    }

    @Test
    void partialLastLineIsSentWhenItsFileIsFinished() throws Exception {
        Path old = dir.resolve("app.log.2026-11-24-13");
        append(old, "complete\nno newline");
        Map<String, String> config = LogFiles.config(dir + "/app.log.*");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(1, TIMEOUT);
            appendLines(dir.resolve("app.log.2026-11-24-14"), 0, 1);
            // the held line goes out when its file is finished, which may be after the newer file's lines
            List<String> values = harness.pollUntil(3, TIMEOUT);
            assertEquals("complete", values.get(0));
            assertEquals(java.util.Set.of("no newline", lines(0, 1).get(0)), java.util.Set.copyOf(values.subList(1, 3)));
        }
    }

    @Test
    void overlongLineIsSplitWithoutCuttingACharacter() throws Exception {
        Path log = dir.resolve("app.log");
        String longLine = "0123456789abcdé€fghij0123456789";
        append(log, longLine + "\nshort\n");
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.MAX_LINE_BYTES_CONFIG, "16");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            List<String> values = harness.pollUntil(4, TIMEOUT);
            assertEquals(longLine, String.join("", values.subList(0, 3)));
            assertEquals("0123456789abcdé", values.get(0));
            assertEquals("short", values.get(3));
            assertEquals(1L, harness.task().metrics().getOverlongLines());
            assertNull(LogFiles.headers(harness.records.get(0)).get(LineHeaders.CONTINUED_HEADER));
            assertEquals(true, LogFiles.headers(harness.records.get(1)).get(LineHeaders.CONTINUED_HEADER));
            assertEquals(true, LogFiles.headers(harness.records.get(2)).get(LineHeaders.CONTINUED_HEADER));
            assertNull(LogFiles.headers(harness.records.get(3)).get(LineHeaders.CONTINUED_HEADER));
        }
    }

    @Test
    void lineLongerThanTheReadBufferIsWhole() throws Exception {
        Path log = dir.resolve("app.log");
        String huge = "x".repeat(300_000);
        append(log, huge + "\nafter\n");
        try (TaskHarness harness = new TaskHarness(LogFiles.config(log.toString())).start()) {
            assertEquals(List.of(huge, "after"), harness.pollUntil(2, TIMEOUT));
            assertEquals(0L, harness.task().metrics().getOverlongLines());
        }
    }

    @Test
    void invalidBytesAreReplacedAndCounted() throws Exception {
        Path log = dir.resolve("app.log");
        Files.write(log, new byte[] {'o', 'k', '\n', 'b', (byte) 0xff, 'd', '\n', 'f', 'i', 'n', 'e', ' ', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, '\n'});
        try (TaskHarness harness = new TaskHarness(LogFiles.config(log.toString())).start()) {
            assertEquals(List.of("ok", "b\uFFFDd", "fine \uFFFD"), harness.pollUntil(3, TIMEOUT));
            assertEquals(1L, harness.task().metrics().getInvalidLines());
        }
    }

    @Test
    void otherCharsetsAreDecoded() throws Exception {
        Path log = dir.resolve("app.log");
        Files.write(log, "grüße\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Map<String, String> config = LogFiles.config(log.toString());
        config.put(LogFileSourceConfig.CHARSET_CONFIG, "ISO-8859-1");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            assertEquals(List.of("grüße"), harness.pollUntil(1, TIMEOUT));
        }
    }

    @Test
    void missingDirectoryIsWaitedFor() throws Exception {
        Path missing = dir.resolve("not-yet");
        Path other = dir.resolve("other.log");
        appendLines(other, 0, 1);
        Map<String, String> config = LogFiles.config(missing + "/app.log*," + other);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(1, TIMEOUT);
            Files.createDirectories(missing);
            appendLines(missing.resolve("app.log"), 1, 3);
            assertEquals(lines(0, 3), harness.pollUntil(3, TIMEOUT));
        }
    }

    @Test
    void unreadableFileDoesNotStopTheOthers() throws Exception {
        Path locked = dir.resolve("a.log");
        Path open = dir.resolve("b.log");
        appendLines(locked, 0, 1);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        appendLines(open, 1, 2);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(locked + "," + open)).start()) {
            if (UnprivilegedUser.runningAsRoot()) {
                // root reads every file, as a collector run as root does: no mode bits stop it
                assertEquals(lines(0, 2), harness.pollUntil(2, TIMEOUT).stream().sorted().toList());
                return;
            }
            assertEquals(lines(1, 2), harness.pollUntil(1, TIMEOUT));
            harness.pollUntilTrue(() -> harness.task().metrics().getFilesUnreadable() == 1, TIMEOUT);
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
            assertEquals(2, harness.pollUntil(2, TIMEOUT).size());
            assertEquals(0, harness.task().metrics().getFilesUnreadable());
        }
    }

    /**
     * As above where the build runs as root (CI does): the task runs in a JVM of its own as a
     * system user made for the purpose, which the file's mode stops. The file is skipped, reported
     * once, and read once its mode allows. Skipped only where root cannot make the user.
     */
    @Test
    void unreadableFileIsSkippedReportedAndReadOnceItsModeAllowsForAnUnprivilegedUser() throws Exception {
        Assumptions.assumeTrue(UnprivilegedUser.runningAsRoot(), "not root: unreadableFileDoesNotStopTheOthers runs unprivileged itself");
        Optional<String> user = UnprivilegedUser.ensure();
        Assumptions.assumeTrue(user.isPresent(), "root could not make the user " + UnprivilegedUser.NAME);
        Path work = Files.createTempDirectory("thor-unprivileged-");
        try {
            Path logs = Files.createDirectories(work.resolve("logs"));
            Path locked = logs.resolve("a.log");
            appendLines(locked, 0, 1);
            appendLines(logs.resolve("b.log"), 1, 2);
            UnprivilegedUser.own(logs);
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
            UnprivilegedUser.Result result = UnprivilegedUser.runAsUser(work, UnreadableFileAsUser.class, logs.toString());
            assertEquals(0, result.exitCode(), "the unprivileged task:\n" + result.output());
            assertTrue(result.output().contains("UNREADABLE-FILE-OK as " + UnprivilegedUser.NAME), result.output());
            long reports = result.output().lines()
                    .filter(line -> line.contains("WARN") && line.contains(locked.toString()) && line.contains("AccessDenied"))
                    .count();
            assertEquals(1, reports, "the unreadable file is reported once:\n" + result.output());
        } finally {
            FileTrees.delete(work);
        }
    }

    @Test
    void fileThatCannotBeStatedDoesNotStopTheOthers() throws Exception {
        Path broken = dir.resolve("a.log");
        Path fine = dir.resolve("b.log");
        Files.createSymbolicLink(broken, broken); // a loop: every stat fails, even for root
        appendLines(fine, 0, 1);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/a.log," + fine)).start()) {
            assertEquals(lines(0, 1), harness.pollUntil(1, TIMEOUT));
            harness.pollUntilTrue(() -> harness.task().metrics().getFilesUnreadable() == 1, TIMEOUT);
            assertArrayEquals(new String[] {broken.toString()}, unreadableFilePaths(dir + "/a.log"));
            Files.delete(broken);
            appendLines(broken, 1, 2);
            assertEquals(lines(0, 2), harness.pollUntil(2, TIMEOUT));
            assertEquals(0, harness.task().metrics().getFilesUnreadable());
            assertArrayEquals(new String[0], unreadableFilePaths(dir + "/a.log"));
        }
    }

    /** What the stream's MBean, as the runtime reads it for thor:status, names as unreadable. */
    private static String[] unreadableFilePaths(String pattern) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.thor:type=LogFileStream,stream=" + ObjectName.quote(pattern) + ",*"), null);
        assertEquals(1, names.size(), "the stream's MBean: " + names);
        return (String[]) server.getAttribute(names.iterator().next(), "UnreadableFilePaths");
    }

    @Test
    void recordsCarryPathOffsetAndHostHeadersAndTheStreamAsKey() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "one\ntwo\n");
        // a glob, so that the key (the stream's pattern) differs from the path header
        Map<String, String> config = LogFiles.config(dir + "/app.log*");
        config.put(LogFileSourceConfig.HOST_NAME_CONFIG, "web-1");
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(2, TIMEOUT);
            SourceRecord second = harness.records.get(1);
            Map<String, Object> headers = LogFiles.headers(second);
            assertEquals(java.util.Set.of("thor.file.path", "thor.file.offset", "thor.host"), headers.keySet(),
                    "the headers' names, as the README gives them");
            assertEquals(log.toString(), headers.get(LineHeaders.PATH_HEADER));
            assertEquals(4L, headers.get(LineHeaders.OFFSET_HEADER));
            assertEquals("web-1", headers.get(LineHeaders.HOST_HEADER));
            assertEquals(dir + "/app.log*", second.key());
            assertEquals("logs", second.topic());
        }
    }

    @Test
    void theHeadersKeyChoosesTheHeadersAndAnEmptyOneLeavesOnlyTheSplitMark() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "one\n" + "x".repeat(40) + "\n");
        Map<String, String> offsetOnly = LogFiles.config(log.toString());
        offsetOnly.put(LogFileSourceConfig.HEADERS_CONFIG, "offset");
        try (TaskHarness harness = new TaskHarness(offsetOnly).start()) {
            harness.pollUntil(2, TIMEOUT);
            assertEquals(Map.of("thor.file.offset", 4L), LogFiles.headers(harness.records.get(1)));
        }
        Map<String, String> none = LogFiles.config(log.toString());
        none.put(LogFileSourceConfig.HEADERS_CONFIG, "");
        none.put(LogFileSourceConfig.MAX_LINE_BYTES_CONFIG, "16");
        try (TaskHarness harness = new TaskHarness(none).start()) {
            harness.pollUntil(4, TIMEOUT);
            assertEquals(Map.of(), LogFiles.headers(harness.records.get(0)));
            assertEquals(Map.of(), LogFiles.headers(harness.records.get(1)), "the first part of a split line");
            assertEquals(Map.of("thor.line.continued", true), LogFiles.headers(harness.records.get(2)));
        }
    }

    @Test
    void anUnknownHeaderIsRefusedNamingTheKey() {
        Map<String, String> config = LogFiles.config(dir.resolve("app.log").toString());
        config.put(LogFileSourceConfig.HEADERS_CONFIG, "path,inode");
        ConfigException refused = assertThrows(ConfigException.class, () -> new LogFileSourceConfig(config));
        assertTrue(refused.getMessage().contains("headers") && refused.getMessage().contains("inode"), refused.getMessage());
    }
}
