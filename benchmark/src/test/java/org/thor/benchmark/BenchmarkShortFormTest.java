package org.thor.benchmark;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's short form, run by the build: every tool it can run here sends the whole file,
 * and each topic is read back and holds every line once, in order ({@code benchmark.verify}). Its
 * speed is not checked: that is what {@code benchmark/run.sh} prints. FileStreamSource needs a
 * class path of its own that only run.sh resolves, and kcat runs where it is installed.
 */
class BenchmarkShortFormTest {

    private static final int LINES = 20_000;

    @Test
    void everyToolSendsEveryLineOfTheFileOnceInOrder() throws Exception {
        System.setProperty("benchmark.verify", "true");
        try {
            Path work = Path.of("target", "short-form", Long.toString(System.nanoTime())).toAbsolutePath();
            List<Result> results = Benchmark.throughput(work, LINES, 200, 1, null, distribution().toString());

            List<String> tools = results.stream().map(Result::name).toList();
            for (String expected : List.of("Java producer", "Connect ceiling", "Thor, standalone worker", "Thor distribution")) {
                assertTrue(tools.stream().anyMatch(tool -> tool.startsWith(expected)), expected + " ran: " + tools);
            }
            results.forEach(result -> assertEquals(LINES, result.lines(), result.name()));
        } finally {
            System.clearProperty("benchmark.verify");
        }
    }

    private static Path distribution() throws IOException {
        try (Stream<Path> built = Files.list(Path.of("..", "karaf-assembly", "target"))) {
            return built.filter(file -> file.getFileName().toString().matches("thor-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Thor distribution in karaf-assembly/target"))
                    .toAbsolutePath();
        }
    }
}
