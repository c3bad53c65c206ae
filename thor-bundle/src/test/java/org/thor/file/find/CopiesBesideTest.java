package org.thor.file.find;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.identity.FileKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CopiesBesideTest {

    @TempDir
    Path dir;

    @Test
    void copiesRenamedOnWhileTheyAreListedAreAllFoundUnderTheirNewNamesOldestFirst() throws IOException {
        Path log = Files.writeString(dir.resolve("app.log"), "now\n");
        for (int copy = 3; copy >= 1; copy--) {
            copy(copy, "period " + (4 - copy) + "\n", 10 + copy);
        }
        Map<String, String> periods = Map.of(key(1), "period 3", key(2), "period 2", key(3), "period 1");
        boolean[] rotated = {false};

        List<String> found = new CopiesBeside(List.of()).of(log, candidate -> {
            if (!rotated[0]) {
                rotated[0] = true;
                rotateOn(); // logrotate, as the first copy is looked at
            }
            return false;
        }).stream().map(f -> f.path().getFileName() + " " + periods.getOrDefault(f.stat().key(), "period 4")).toList();

        assertEquals(List.of("app.log.4 period 1", "app.log.3 period 2", "app.log.2 period 3", "app.log.1 period 4"), found);
    }

    @Test
    void theLogItselfAndExcludedNamesAreNoCopies() throws IOException {
        Path log = Files.writeString(dir.resolve("app.log"), "now\n");
        copy(1, "old\n", 1);
        Files.writeString(dir.resolve("app.log.1.sig"), "signature\n");

        assertEquals(List.of(dir.resolve("app.log.1")),
                new CopiesBeside(List.of("*.sig")).of(log, found -> false).stream().map(StreamScanner.Found::path).toList());
    }

    /** app.log.N, modified {@code minutesAgo} minutes ago. */
    private void copy(int number, String content, int minutesAgo) throws IOException {
        Path copy = Files.writeString(dir.resolve("app.log." + number), content);
        Files.setLastModifiedTime(copy, FileTime.fromMillis(System.currentTimeMillis() - minutesAgo * 60_000L));
    }

    private String key(int number) throws IOException {
        return FileKeys.stat(dir.resolve("app.log." + number)).key();
    }

    private void rotateOn() {
        try {
            for (int copy = 3; copy >= 1; copy--) {
                Files.move(dir.resolve("app.log." + copy), dir.resolve("app.log." + (copy + 1)));
            }
            copy(1, "period 4\n", 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
