package org.thor.deb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** An application's log: numbered lines appended in chunks, by hand or at a steady pace. */
final class PacedLog {

    private final Path file;
    private final List<String> written = new ArrayList<>();
    private ScheduledExecutorService pace;

    PacedLog(Path file) {
        this.file = file;
    }

    synchronized void append(int lines) {
        StringBuilder chunk = new StringBuilder();
        List<String> chunkLines = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            String line = String.format("app line %07d of the packaged Thor's test", written.size() + chunkLines.size() + 1);
            chunkLines.add(line);
            chunk.append(line).append('\n');
        }
        try {
            Files.writeString(file, chunk, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.addAll(chunkLines);
    }

    /** Appends {@code chunk} lines every {@code periodMillis} until {@link #stopPace()}. */
    synchronized void startPace(int chunk, long periodMillis) {
        pace = Executors.newSingleThreadScheduledExecutor();
        pace.scheduleAtFixedRate(() -> append(chunk), 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    void stopPace() throws InterruptedException {
        ScheduledExecutorService running;
        synchronized (this) {
            running = pace;
            pace = null;
        }
        if (running != null) {
            running.shutdown();
            if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new AssertionError("The log writer did not stop");
            }
        }
    }

    synchronized List<String> written() {
        return List.copyOf(written);
    }
}
