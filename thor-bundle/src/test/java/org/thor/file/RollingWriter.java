package org.thor.file;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application logging numbered lines into files rolled by time (here: every
 * {@code linesPerFile} lines a file with the next hour in its name), on its own thread.
 */
final class RollingWriter implements Runnable {

    private final Path directory;
    private final int lines;
    private final int linesPerFile;
    private final long pauseEveryLines;
    private final long pauseMillis;
    final AtomicInteger written = new AtomicInteger();
    private volatile Throwable failure;

    RollingWriter(Path directory, int lines, int linesPerFile, long pauseEveryLines, long pauseMillis) {
        this.directory = directory;
        this.lines = lines;
        this.linesPerFile = linesPerFile;
        this.pauseEveryLines = pauseEveryLines;
        this.pauseMillis = pauseMillis;
    }

    static Path file(Path directory, int index) {
        return directory.resolve(String.format("app.log.2026-11-%02d-%02d", 1 + index / 24, index % 24));
    }

    Thread startThread() {
        Thread thread = new Thread(this, "rolling-writer");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            BufferedWriter out = null;
            for (int i = 0; i < lines; i++) {
                if (i % linesPerFile == 0) {
                    if (out != null) {
                        out.close();
                    }
                    out = Files.newBufferedWriter(file(directory, i / linesPerFile), StandardCharsets.UTF_8);
                }
                out.write(LogFiles.line(i));
                out.write('\n');
                if ((i + 1) % pauseEveryLines == 0) {
                    out.flush();
                    written.set(i + 1);
                    Thread.sleep(pauseMillis);
                }
            }
            if (out != null) {
                out.close();
            }
            written.set(lines);
        } catch (IOException e) {
            failure = new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean done() {
        if (failure != null) {
            throw new IllegalStateException("the writer failed", failure);
        }
        return written.get() == lines;
    }
}
