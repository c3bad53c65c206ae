package org.thor.itests;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes numbered lines to {@code app.log} and rotates it the way logrotate's {@code create} does:
 * the file is renamed to {@code app.log.N} and a new {@code app.log} is created.
 */
final class RollingLog {

    private final Path directory;
    private final int linesPerFile;

    RollingLog(Path directory, int linesPerFile) {
        this.directory = directory;
        this.linesPerFile = linesPerFile;
    }

    static String line(int number) {
        return String.format("line %07d of the rolling log", number);
    }

    static List<String> lines(int count) {
        return IntStream.range(0, count).mapToObj(RollingLog::line).toList();
    }

    Path current() {
        return directory.resolve("app.log");
    }

    /** Writes lines {@code 0 … count-1}, rotating every {@code linesPerFile} lines. */
    void write(int count) throws IOException {
        int rotations = 0;
        BufferedWriter writer = open();
        for (int number = 0; number < count; number++) {
            if (number > 0 && number % linesPerFile == 0) {
                writer.close();
                Files.move(current(), directory.resolve("app.log." + (++rotations)));
                writer = open();
            }
            writer.write(line(number));
            writer.write('\n');
        }
        writer.close();
    }

    private BufferedWriter open() throws IOException {
        return Files.newBufferedWriter(current(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
