package org.thor.file.find;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.identity.FileKeys;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the regular files a stream's glob pattern matches, oldest first (modification time, then
 * name). A missing directory or an unreadable one is logged once until it is there again; a file
 * that cannot be looked at is one of the stream's {@link UnreadableFiles}. A file
 * that an earlier pattern of the connector matches (directly or through a symlink) belongs to that
 * stream and is left out; a file reached both directly and through a symlink is listed once, under
 * its own path.
 */
public final class StreamScanner {

    private static final Logger log = LoggerFactory.getLogger(StreamScanner.class);

    public record Found(Path path, FileKeys.Stat stat) {
    }

    /** Modification time, to the nanosecond; for equal times, {@link #sameTimeOrder}. */
    public static final Comparator<Found> OLDEST_FIRST = Comparator.comparingLong((Found f) -> f.stat().mtimeNanos())
            .thenComparing(f -> sameTimeOrder(f.path()));
    /** logrotate's and Python's numbering: {@code app.log.1}, {@code app.log.2}, no leading zero. */
    private static final Pattern NUMBERED = Pattern.compile("(.*\\.)([1-9][0-9]{0,8})");

    /**
     * A sort key for files stamped with one time (file times may be kept to the kernel's tick):
     * numbered rotations oldest first ({@code app.log.2} before {@code app.log.1}), then by name,
     * a name after the longer names that begin with it ({@code app.log} after {@code app.log.1}).
     */
    static String sameTimeOrder(Path path) {
        String name = path.toString();
        Matcher numbered = NUMBERED.matcher(name);
        if (numbered.matches()) {
            return numbered.group(1) + (char) (Character.MAX_VALUE - 1)
                    + String.format("%010d", Integer.MAX_VALUE - Integer.parseInt(numbered.group(2)));
        }
        return name + Character.MAX_VALUE;
    }

    private final String pattern;
    private final Path root;
    private final int depth;
    private final PathMatcher matcher;
    private final List<PathMatcher> excluded;
    private final List<PathMatcher> earlier;
    private final List<String> earlierPatterns;
    private final Set<Path> reportedOverlaps = new HashSet<>();
    private final Set<String> reported = new HashSet<>();
    private final UnreadableFiles unreadable;
    private List<Path> lastNames = List.of();
    private boolean incomplete;
    private boolean raced;
    /** Directories (or the root) that exist but could not be listed in the last scan. */
    private Set<Path> unlisted = Set.of();

    public StreamScanner(String pattern, List<String> earlierPatterns, List<String> excludedNames) {
        this.pattern = pattern;
        PatternRoot patternRoot = PatternRoot.of(pattern);
        this.root = patternRoot.directory();
        this.depth = patternRoot.depth();
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        this.excluded = excludedNames.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob.trim())).toList();
        this.earlierPatterns = List.copyOf(earlierPatterns);
        this.earlier = earlierPatterns.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob.trim())).toList();
        this.unreadable = new UnreadableFiles(pattern);
    }

    public List<Found> scan() {
        List<Found> found = new ArrayList<>();
        unreadable.forgetGone();
        Listing listing = list();
        incomplete = listing.incomplete;
        raced = listing.raced;
        unlisted = listing.unlisted;
        lastNames = listing.names;
        lastNames.forEach(path -> stat(path, found));
        found.sort(OLDEST_FIRST);
        return onePathPerFile(found);
    }

    /** A file listed under several paths (a symlink beside its target) keeps the path that is not a link. */
    private static List<Found> onePathPerFile(List<Found> found) {
        Map<String, Found> byKey = new LinkedHashMap<>();
        for (Found file : found) {
            byKey.merge(file.stat().key(), file, (kept, other) -> Files.isSymbolicLink(kept.path()) ? other : kept);
        }
        return byKey.size() == found.size() ? found : new ArrayList<>(byKey.values());
    }

    /** Whether an earlier pattern of the connector matches the file, or the file a symlink leads to. */
    private boolean claimedEarlier(Path file, BasicFileAttributes attributes) {
        if (earlier.isEmpty()) {
            return false;
        }
        Path target = file;
        if (attributes.isSymbolicLink()) {
            try {
                target = file.toRealPath();
            } catch (IOException e) {
                target = file;
            }
        }
        for (int i = 0; i < earlier.size(); i++) {
            if (earlier.get(i).matches(file) || earlier.get(i).matches(target)) {
                if (reportedOverlaps.add(file)) {
                    log.warn("Stream {}: {} is also matched by the earlier pattern {}; it is read by that stream only",
                            pattern, file, earlierPatterns.get(i));
                }
                return true;
            }
        }
        return false;
    }

    /** Whether the last {@link #scan()} could not look at some file or directory: worth retrying soon. */
    public boolean incomplete() {
        return incomplete;
    }

    /**
     * Whether a file moved while the last {@link #scan()} listed the directories: a file missing
     * from that listing may only have been renamed, and a new listing should be made soon.
     */
    public boolean raced() {
        return raced;
    }

    /** Whether the last {@link #scan()} could not list the directory {@code path} is in, so cannot say it is gone. */
    public boolean unlisted(Path path) {
        return unlisted.stream().anyMatch(path::startsWith);
    }

    /** Whether the pattern matches {@code file}: its copies beside it are then the stream's own files. */
    public boolean matches(Path file) {
        return matcher.matches(file);
    }

    /** The directory the pattern's files are in, when they are all in one (no part of the directory is a glob). */
    public boolean oneDirectory() {
        return depth == 1;
    }

    public Path root() {
        return root;
    }

    public boolean namesChanged() {
        return !list().names.equals(lastNames);
    }

    private Listing list() {
        Listing listing = new Listing();
        try {
            Files.walkFileTree(root, Set.of(), depth, listing);
        } catch (IOException e) {
            listing.visitFileFailed(root, e);
        }
        listing.names.sort(null);
        return listing;
    }

    /**
     * Collects the matching names. An entry that vanishes while the directory is walked was
     * renamed meanwhile (logrotate moving app.log.1 to app.log.2): skipped, and the listing marked
     * as raced, so that no file is taken for gone because of it.
     */
    private final class Listing extends SimpleFileVisitor<Path> {
        final List<Path> names = new ArrayList<>();
        final Set<Path> unlisted = new HashSet<>();
        boolean raced;
        boolean incomplete;

        @Override
        public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
            if (reported.remove(directory.toString())) {
                log.info("Stream {}: {} is readable again", pattern, directory);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (matcher.matches(file) && excluded.stream().noneMatch(m -> m.matches(file.getFileName()))
                    && !claimedEarlier(file, attributes)) {
                names.add(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof NoSuchFileException && !file.equals(root)) {
                raced = true;
            } else {
                incomplete = true;
                if (!(e instanceof NoSuchFileException)) {
                    unlisted.add(file);
                }
                reportOnce(file.toString(), e);
            }
            return FileVisitResult.CONTINUE;
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
            raced = true;
        } catch (IOException e) {
            incomplete = true;
            unreadable.failed(path, e);
        }
    }

    /** The stream's files that could not be looked at or opened. */
    public UnreadableFiles unreadableFiles() {
        return unreadable;
    }

    /** Logs a problem with a directory once, until it can be listed again. */
    private void reportOnce(String what, IOException e) {
        if (reported.add(what)) {
            log.warn("Stream {}: {} {}; will retry", pattern, what, UnreadableFiles.reason(e));
        }
    }
}
