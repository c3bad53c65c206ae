package org.thor.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Appends lines to a log at a steady rate, as an application does: every 5 ms the lines due by then,
 * each beginning with the time it is written (epoch milliseconds) and its number, padded to
 * {@code lineBytes} with the newline.
 */
final class SteadyWriter {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Path log;
    private final int linesPerSecond;
    private final int lineBytes;
    /** The number of the next line: it goes on across calls of {@link #write}. */
    private int next;

    SteadyWriter(Path log, int linesPerSecond, int lineBytes) {
        this.log = log;
        this.linesPerSecond = linesPerSecond;
        this.lineBytes = lineBytes;
    }

    /** Writes the next {@code lines} lines at the rate; returns the time the last of them was written. */
    long write(int lines) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        long start = System.nanoTime();
        int written = 0;
        long lastWrite = 0;
        StringBuilder chunk = new StringBuilder();
        try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (written < lines) {
                long due = Math.min(lines, (System.nanoTime() - start) * linesPerSecond / TimeUnit.SECONDS.toNanos(1) + 1);
                long now = System.currentTimeMillis();
                chunk.setLength(0);
                for (; written < due; written++) {
                    chunk.append(line(now, next++));
                }
                out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                lastWrite = System.currentTimeMillis();
                long sleep = TICK_NANOS - (System.nanoTime() - start) % TICK_NANOS;
                TimeUnit.NANOSECONDS.sleep(sleep); // the application's pace
            }
        }
        return lastWrite;
    }

    private String line(long writtenMillis, int number) {
        String head = writtenMillis + " " + String.format("%09d", number) + " ";
        return head + "x".repeat(Math.max(0, lineBytes - 1 - head.length())) + "\n";
    }

    /** The write time at the start of a line {@link #line} made. */
    static long writtenMillis(String line) {
        return Long.parseLong(line.substring(0, line.indexOf(' ')));
    }

    /** The number of a line {@link #line} made. */
    static int number(String line) {
        int first = line.indexOf(' ');
        return Integer.parseInt(line.substring(first + 1, line.indexOf(' ', first + 1)));
    }
}
