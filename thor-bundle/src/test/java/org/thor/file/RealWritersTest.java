package org.thor.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thor.file.LogFiles.lines;

/** log4j2's RollingFileAppender with gzip as the writer, in a process of its own, while Thor follows. */
class RealWritersTest {

    private static final int LINES = 300_000;

    @TempDir
    Path dir;

    @Test
    void log4j2RollingFileAppenderWithGzipEveryLineOnceAndInOrder() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("log4j-api") || entry.contains("log4j-core") || entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        Map<String, String> config = LogFiles.config(dir + "/app*.log*");
        config.remove(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            Process writer = new ProcessBuilder(java, "-cp", classPath, Log4jRollingWriter.class.getName(), dir.toString(),
                    String.valueOf(LINES)).redirectErrorStream(true).redirectOutput(dir.resolve("writer.out").toFile()).start();
            harness.pollUntil(LINES, Duration.ofSeconds(120));
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, writer.exitValue(), Files.readString(dir.resolve("writer.out")));
            List<String> received = harness.pollFor(Duration.ofMillis(3000)).stream().filter(line -> !line.startsWith("#")).toList();
            Delivery.assertSameSequence(lines(0, LINES), received);
        }
    }
}
