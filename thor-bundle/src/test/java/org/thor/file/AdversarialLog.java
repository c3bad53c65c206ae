package org.thor.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A log written to defeat a proof of file identity, from a fixed seed: its files look alike where
 * a weak proof looks (a shared header or banner, header-only and empty files, files of identical
 * size, lines whose varying part is at the start and that end in the same padding, files that
 * begin with the same lines), rotated by date, by rename or by copytruncate. It remembers every
 * line it wrote, in the order written.
 */
final class AdversarialLog {

    /** What the files hold. */
    enum Shape {
        /** A 23-byte CSV header first in every file; about a third of the files hold nothing else. */
        CSV_WITH_HEADER_ONLY_FILES,
        /** A 2 KiB banner, then records of one width whose varying part comes first; every file the same size. */
        FIXED_WIDTH,
        /** The same startup lines at the start of every file, some files nothing more, some empty. */
        SHARED_START
    }

    /** How the log rotates. */
    enum Rotation {
        /** A new file per period, {@code app.log.0001}; the old one stays as it was. */
        DATE("app.log.*"),
        /** {@code app.log} renamed down a numbered chain, a new {@code app.log} made. */
        RENAME("app.log*"),
        /** logrotate's copytruncate, the copies matched by the pattern. */
        COPYTRUNCATE_MATCHED("app.log*"),
        /** logrotate's copytruncate, the pattern naming only the log: the copies are found beside it. */
        COPYTRUNCATE_EXACT("app.log");

        final String pattern;

        Rotation(String pattern) {
            this.pattern = pattern;
        }
    }

    static final String CSV_HEADER = "time,level,host,message";
    private static final String BANNER = banner();
    private static final int FIXED_LINES = 60;
    /** More than the kernel's timestamp granularity (one jiffy, 4 ms at 250 Hz). */
    private static final long TICK_MS = 12;

    private final Path dir;
    private final Shape shape;
    private final Rotation rotation;
    private final Random random;
    private final List<String> written = new ArrayList<>();
    private int next;
    private int period;

    AdversarialLog(Path dir, Shape shape, Rotation rotation, long seed) {
        this.dir = dir;
        this.shape = shape;
        this.rotation = rotation;
        this.random = new Random(seed);
    }

    String pattern() {
        return dir + "/" + rotation.pattern;
    }

    List<String> written() {
        return written;
    }

    Random random() {
        return random;
    }

    /** The file being written now. */
    Path current() {
        return rotation == Rotation.DATE ? dir.resolve(String.format("app.log.%04d", period)) : dir.resolve("app.log");
    }

    /** Starts the current file's content: its header, banner or startup lines (or nothing). */
    void begin() {
        switch (shape) {
            case CSV_WITH_HEADER_ONLY_FILES -> write(List.of(CSV_HEADER));
            case FIXED_WIDTH -> write(BANNER.lines().toList());
            case SHARED_START -> {
                if (random.nextInt(5) > 0) {
                    write(List.of("service starting", "configuration loaded", "listening on port 8080"));
                }
            }
        }
    }

    /** Writes the body of the current file, in {@code parts} appends. */
    List<Runnable> body(int parts) {
        int lines = switch (shape) {
            case CSV_WITH_HEADER_ONLY_FILES -> random.nextInt(3) == 0 ? 0 : 20 + random.nextInt(80);
            case FIXED_WIDTH -> FIXED_LINES;
            case SHARED_START -> random.nextInt(4) == 0 ? 0 : 10 + random.nextInt(60);
        };
        List<Runnable> writes = new ArrayList<>();
        int per = Math.max(1, (lines + parts - 1) / parts);
        for (int from = 0; from < lines; from += per) {
            int count = Math.min(per, lines - from);
            writes.add(() -> write(lines(count)));
        }
        return writes;
    }

    /**
     * Rotates the log the way its {@link Rotation} says; the next file begins empty. A real writer's
     * rotations are apart in time, so that files look older than the ones after them by their
     * modification time; the test writes a period in a millisecond or two, so it lets a little
     * more than the file system's clock tick pass first (the writer's pace, not a synchronisation).
     */
    void rotate() throws IOException, InterruptedException {
        Thread.sleep(TICK_MS);
        period++;
        switch (rotation) {
            case DATE -> Files.createFile(current());
            // a log never written to is not there to rotate, as with logrotate's missingok
            case RENAME -> {
                if (Files.exists(current())) {
                    LogFiles.shiftRotated(current(), 1000);
                    Files.move(current(), dir.resolve("app.log.1"));
                }
                Files.createFile(current());
            }
            case COPYTRUNCATE_MATCHED, COPYTRUNCATE_EXACT -> {
                if (Files.exists(current())) {
                    LogFiles.shiftRotated(current(), 1000);
                    Files.copy(current(), dir.resolve("app.log.1"), StandardCopyOption.COPY_ATTRIBUTES);
                    LogFiles.truncate(current());
                }
            }
        }
    }

    private List<String> lines(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = next++;
            lines.add(switch (shape) {
                case CSV_WITH_HEADER_ONLY_FILES -> "2026-12-01T10:00:" + n + ",INFO,web-1,request " + n;
                case FIXED_WIDTH -> String.format("%08d", n) + " ".repeat(100) + "|END";
                case SHARED_START -> "event " + n + " handled";
            });
        }
        return lines;
    }

    private void write(List<String> lines) {
        if (!lines.isEmpty()) {
            LogFiles.append(current(), String.join("\n", lines) + "\n");
            written.addAll(lines);
        }
    }

    private static String banner() {
        StringBuilder banner = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            banner.append(String.format("# banner %02d: the same first bytes in every file of this log ......%n", i));
        }
        return banner.toString();
    }
}
