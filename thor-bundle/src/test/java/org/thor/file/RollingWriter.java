package org.thor.file;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An application logging numbered lines into files rolled by time (here: every
 * {@code linesPerFile} lines a file with the next hour in its name), on its own thread.
 */
final class RollingWriter extends BackgroundWriter {

    private final Path directory;
    private final int linesPerFile;
    private final long pauseEveryLines;
    private final long pauseMillis;

    RollingWriter(Path directory, int lines, int linesPerFile, long pauseEveryLines, long pauseMillis) {
        super(lines);
        this.directory = directory;
        this.linesPerFile = linesPerFile;
        this.pauseEveryLines = pauseEveryLines;
        this.pauseMillis = pauseMillis;
    }

    static Path file(Path directory, int index) {
        return directory.resolve(String.format("app.log.2026-11-%02d-%02d", 1 + index / 24, index % 24));
    }

    @Override
    void write() throws IOException, InterruptedException {
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
    }
}
