package org.thor.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/** An application logging numbered lines on its own thread; {@link #done()} reports how it ended. */
abstract class BackgroundWriter {

    /** How many lines are written so far (flushed to the file). */
    final AtomicInteger written = new AtomicInteger();
    final int lines;
    private volatile Throwable failure;

    BackgroundWriter(int lines) {
        this.lines = lines;
    }

    /** Writes all lines, setting {@link #written} as they reach the file. */
    abstract void write() throws IOException, InterruptedException;

    final Thread startThread() {
        Thread thread = new Thread(this::run, getClass().getSimpleName());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Whether every line is written; throws what made the writer fail. */
    final boolean done() {
        if (failure != null) {
            throw new IllegalStateException("the writer failed", failure);
        }
        return written.get() == lines;
    }

    private void run() {
        try {
            write();
        } catch (IOException e) {
            failure = new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
