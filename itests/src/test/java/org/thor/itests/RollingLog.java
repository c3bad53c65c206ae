package org.thor.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes numbered lines to {@code app.log}, as an application does, and rotates it every
 * {@code linesPerFile} lines the way logrotate does: {@code create} renames the file to
 * {@code app.log.N} and the application opens a new {@code app.log}; {@code copytruncate} copies it
 * to {@code app.log.1} (after shifting the older copies up by one) and truncates it to 0 under the
 * application's one append handle, which it never reopens. The rotation runs between two writes, so
 * no line lands between the copy and the truncation: that window of logrotate's loses lines before
 * any collector could see them.
 */
final class RollingLog {

    /** {@code DATE}: each file has a name of its own, {@code app.log.0001}, {@code app.log.0002} … as time-rolled logs. */
    enum Rotation { CREATE, COPYTRUNCATE, DATE }

    /** Lines an application writes at once; the pace of {@link #write(int, Duration)} is per chunk. */
    static final int CHUNK = 1_000;

    private final Path directory;
    private final int linesPerFile;
    private final Rotation rotation;
    /** Written at the start of every file (and after every truncation), as log4j2 layout headers are. */
    private final String banner;
    private Path current;
    private int next;
    private int rotations;
    /** Appended to every line: the same padding at the end of each, as fixed-width records have. */
    private String padding = "";
    /** Every this many files one holds its banner only (a quiet hour of a CSV log); 0 for none. */
    private int headerOnlyEvery;

    RollingLog(Path directory, int linesPerFile) {
        this(directory, linesPerFile, Rotation.CREATE);
    }

    RollingLog(Path directory, int linesPerFile, Rotation rotation) {
        this(directory, linesPerFile, rotation, List.of());
    }

    RollingLog(Path directory, int linesPerFile, Rotation rotation, List<String> banner) {
        this.directory = directory;
        this.linesPerFile = linesPerFile;
        this.rotation = rotation;
        this.banner = banner.stream().map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
        this.current = rotation == Rotation.DATE ? directory.resolve("app.log.0000") : directory.resolve("app.log");
    }

    /** Lines of one width ending in {@code bytes} bytes of the same padding, and every {@code headerOnlyEvery}-th file holding its banner only. */
    RollingLog shaped(int bytes, int headerOnlyEvery) {
        this.padding = " ".repeat(bytes);
        this.headerOnlyEvery = headerOnlyEvery;
        return this;
    }

    int bannerLines() {
        return (int) banner.chars().filter(c -> c == '\n').count();
    }

    /** How many files were begun: one banner each. */
    int files() {
        return rotations + 1;
    }

    static String line(int number) {
        return String.format("line %07d of the rolling log", number);
    }

    /** The number in a {@link #line(int)}. */
    static int number(String line) {
        return Integer.parseInt(line.substring(5, 12));
    }

    static List<String> lines(int count) {
        return IntStream.range(0, count).mapToObj(RollingLog::line).toList();
    }

    Path current() {
        return current;
    }

    /** Writes lines {@code 0 … count-1} as fast as it can, rotating every {@code linesPerFile} lines. */
    void write(int count) throws IOException, InterruptedException {
        write(count, Duration.ZERO);
    }

    /**
     * Writes the next {@code count} lines (numbered on from the last call, from 0 at first) in
     * chunks of {@link #CHUNK} lines, one chunk every {@code pace}, rotating every
     * {@code linesPerFile} lines; returns once the last chunk is written.
     */
    void write(int count, Duration pace) throws IOException, InterruptedException {
        OutputStream out = open();
        StringBuilder chunk = new StringBuilder(next == 0 ? banner : "");
        int end = next + count;
        for (int number = next; number < end; number++) {
            if (number > 0 && number % linesPerFile == 0) {
                out = rotate(out, ++rotations);
                chunk.append(banner);
                if (headerOnlyEvery > 0 && rotations % headerOnlyEvery == 0) {
                    out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                    chunk.setLength(0);
                    out = rotate(out, ++rotations);
                    chunk.append(banner);
                }
            }
            chunk.append(line(number)).append(padding).append('\n');
            if ((number + 1) % CHUNK == 0 || (number + 1) % linesPerFile == 0 || number + 1 == end) {
                out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                chunk.setLength(0);
                if (!pace.isZero() && number + 1 < end) {
                    Thread.sleep(pace.toMillis()); // the application's pace, not a synchronisation
                }
            }
        }
        next = end;
        out.close();
    }

    private OutputStream rotate(OutputStream out, int rotations) throws IOException {
        if (rotation == Rotation.DATE) {
            out.close();
            current = directory.resolve(String.format("app.log.%04d", rotations));
            return open();
        }
        if (rotation == Rotation.CREATE) {
            out.close();
            Files.move(current(), directory.resolve("app.log." + rotations));
            return open();
        }
        // logrotate's numbering: app.log.1 is the newest copy, the older ones move up and are all kept
        for (int older = rotations - 1; older >= 1; older--) {
            Files.move(directory.resolve("app.log." + older), directory.resolve("app.log." + (older + 1)));
        }
        Files.copy(current(), directory.resolve("app.log.1"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        try (FileChannel truncating = FileChannel.open(current(), StandardOpenOption.WRITE)) {
            truncating.truncate(0);
        }
        return out;
    }

    private OutputStream open() throws IOException {
        return Files.newOutputStream(current(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
