package org.thor.file.find;

import org.thor.file.identity.FileKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a file went in its directory: a copy found beside a log is shown by no listing of the
 * stream, so when logrotate renames it on ({@code app.log.2} to {@code app.log.3}) before Thor opens
 * it, it is looked up by its identity among the files next to where it was.
 */
public final class SameFile {

    private SameFile() {
    }

    /** The path in {@code lastPath}'s directory of the file whose key is {@code key}; empty when none is there. */
    public static Optional<Path> beside(Path lastPath, String key) throws IOException {
        Path directory = lastPath.toAbsolutePath().getParent();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (holds(entry, key)) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean holds(Path entry, String key) throws IOException {
        try {
            FileKeys.Stat stat = FileKeys.stat(entry);
            return stat != null && stat.key().equals(key);
        } catch (NoSuchFileException e) {
            return false; // renamed or removed as the directory was listed
        }
    }
}
