package org.thor.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application logging numbered lines to {@code app.log} while logrotate rotates it every
 * {@code linesPerFile} lines, keeping every rotated file: either 'create' (rename, the application
 * reopens) or 'copytruncate' (copy, then truncate under the application's append handle).
 */
final class RotatingWriter implements Runnable {

    enum Mode { RENAME, COPYTRUNCATE }

    private final Path log;
    private final Mode mode;
    private final int lines;
    private final int linesPerFile;
    final AtomicInteger written = new AtomicInteger();
    private volatile Throwable failure;

    RotatingWriter(Path log, Mode mode, int lines, int linesPerFile) {
        this.log = log;
        this.mode = mode;
        this.lines = lines;
        this.linesPerFile = linesPerFile;
    }

    Thread startThread() {
        Thread thread = new Thread(this, "rotating-writer");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            FileChannel out = open();
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < lines; i++) {
                chunk.append(LogFiles.line(i)).append('\n');
                if ((i + 1) % 1_000 == 0 || i + 1 == lines) {
                    out.write(ByteBuffer.wrap(chunk.toString().getBytes(StandardCharsets.UTF_8)));
                    chunk.setLength(0);
                    written.set(i + 1);
                    Thread.sleep(50); // the application's pace (20,000 lines/s), not a synchronisation
                }
                if ((i + 1) % linesPerFile == 0 && i + 1 < lines) {
                    out = rotate(out, (i + 1) / linesPerFile);
                }
            }
            out.close();
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

    /** logrotate's numbering: app.log.1 is the newest rotated file; all are kept. */
    private FileChannel rotate(FileChannel out, int rotations) throws IOException {
        for (int k = rotations - 1; k >= 1; k--) {
            Files.move(log.resolveSibling("app.log." + k), log.resolveSibling("app.log." + (k + 1)));
        }
        Path first = log.resolveSibling("app.log.1");
        if (mode == Mode.RENAME) {
            out.close();
            Files.move(log, first);
            return open();
        }
        Files.copy(log, first);
        try (FileChannel truncate = FileChannel.open(log, StandardOpenOption.WRITE)) {
            truncate.truncate(0);
        }
        return out;
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
}
