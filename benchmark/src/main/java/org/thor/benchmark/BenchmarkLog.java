package org.thor.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The log file every tool sends: numbered lines of one length. */
final class BenchmarkLog {

    private BenchmarkLog() {
    }

    static void write(Path log, int lines, int lineBytes) throws IOException {
        Files.createDirectories(log.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                out.write(line(i, lineBytes));
                out.write('\n');
            }
        }
    }

    /** Line {@code i} of the file, without its newline. */
    static String line(int i, int lineBytes) {
        String head = String.format("2026-11-25T10:00:00.000Z INFO %09d ", i);
        String filler = "x".repeat(Math.max(0, lineBytes - 1 - head.length()));
        return (head + filler).substring(0, Math.min(lineBytes - 1, head.length() + filler.length()));
    }
}
