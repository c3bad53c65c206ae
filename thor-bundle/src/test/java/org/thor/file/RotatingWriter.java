package org.thor.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An application logging numbered lines to {@code app.log} at 20,000 lines/s, in writes of
 * {@code linesPerWrite} lines, while logrotate rotates it every {@code linesPerFile} lines, keeping
 * every rotated file: either 'create' (rename, the application reopens) or 'copytruncate' (copy,
 * then truncate under the application's append handle).
 */
final class RotatingWriter extends BackgroundWriter {

    enum Mode { RENAME, COPYTRUNCATE }

    private final Path log;
    private final Mode mode;
    private final int linesPerFile;
    private final int linesPerWrite;

    RotatingWriter(Path log, Mode mode, int lines, int linesPerFile, int linesPerWrite) {
        super(lines);
        this.log = log;
        this.mode = mode;
        this.linesPerFile = linesPerFile;
        this.linesPerWrite = linesPerWrite;
    }

    @Override
    void write() throws IOException, InterruptedException {
        FileChannel out = open();
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            chunk.append(LogFiles.line(i)).append('\n');
            if ((i + 1) % linesPerWrite == 0 || i + 1 == lines) {
                out.write(ByteBuffer.wrap(chunk.toString().getBytes(StandardCharsets.UTF_8)));
                chunk.setLength(0);
                written.set(i + 1);
                Thread.sleep(linesPerWrite / 20); // the application's pace (20,000 lines/s), not a synchronisation
            }
            if ((i + 1) % linesPerFile == 0 && i + 1 < lines) {
                out = rotate(out, (i + 1) / linesPerFile);
            }
        }
        out.close();
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
