package org.thor.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists the regular files a stream's glob pattern matches, oldest first (modification time, then
 * name). A missing directory or an unreadable one is logged once until it is there again.
 */
final class StreamScanner {

    private static final Logger log = LoggerFactory.getLogger(StreamScanner.class);

    record Found(Path path, FileKeys.Stat stat) {
    }

    private final String pattern;
    private final Path root;
    private final int depth;
    private final PathMatcher matcher;
    private final List<PathMatcher> excluded;
    private final Set<String> reported = new HashSet<>();
    private List<Path> lastNames = List.of();
    private boolean incomplete;

    StreamScanner(String pattern, List<String> excludedNames) {
        this.pattern = pattern;
        Path full = Path.of(pattern);
        Path literal = full.getRoot();
        int i = 0;
        for (; i < full.getNameCount() - 1 && !hasGlob(full.getName(i).toString()); i++) {
            literal = literal.resolve(full.getName(i));
        }
        this.root = literal;
        this.depth = full.getNameCount() - i;
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        this.excluded = excludedNames.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob.trim())).toList();
    }

    List<Found> scan() {
        List<Found> found = new ArrayList<>();
        incomplete = false;
        lastNames = names();
        lastNames.forEach(path -> stat(path, found));
        found.sort(Comparator.comparingLong((Found f) -> f.stat().mtimeMillis()).thenComparing(Found::path));
        return found;
    }

    /** Whether the last {@link #scan()} could not look at some file or directory: worth retrying soon. */
    boolean incomplete() {
        return incomplete;
    }

    /** Whether the names the pattern matches differ from those of the last {@link #scan()}; no stat calls. */
    boolean namesChanged() {
        return !names().equals(lastNames);
    }

    private List<Path> names() {
        try (Stream<Path> paths = Files.walk(root, depth)) {
            List<Path> names = paths.filter(matcher::matches)
                    .filter(path -> excluded.stream().noneMatch(m -> m.matches(path.getFileName())))
                    .sorted().toList();
            if (reported.remove(root.toString())) {
                log.info("Stream {}: {} is readable again", pattern, root);
            }
            return names;
        } catch (IOException | UncheckedIOException e) {
            incomplete = true;
            reportOnce(root.toString(), e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
            return List.of();
        }
    }

    private void stat(Path path, List<Found> found) {
        try {
            FileKeys.Stat stat = FileKeys.stat(path);
            if (stat != null) {
                found.add(new Found(path, stat));
            }
        } catch (NoSuchFileException e) {
            // rotated away between listing and stat: the next scan sees its new name
        } catch (IOException e) {
            incomplete = true;
            reportOnce(path.toString(), e);
        }
    }

    /** Logs a problem with a file once, until it has gone away; returns whether it was new. */
    boolean reportOnce(String what, IOException e) {
        if (reported.add(what)) {
            String reason = e instanceof NoSuchFileException ? "does not exist" : e.toString();
            log.warn("Stream {}: {} {}; will retry", pattern, what, reason);
            return true;
        }
        return false;
    }

    void clearReport(String what) {
        reported.remove(what);
    }

    private static boolean hasGlob(String element) {
        return element.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{' || c == '\\');
    }
}
