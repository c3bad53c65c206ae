package org.thor.file.find;

import org.thor.file.identity.FileKeys;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files in a log's directory whose names start with the log's name ({@code app.log.1},
 * {@code app.log-20261201}, {@code app.log.2.gz}): where logrotate puts the copies it makes with
 * copytruncate, whether or not the stream's pattern matches them ({@code copytruncate.copies=beside}).
 */
public final class CopiesBeside {

    /** A rotation number after the log's name: {@code .3} in {@code app.log.3} or {@code app.log.3.gz}. */
    private static final Pattern NUMBERED = Pattern.compile("\\.(\\d{1,9})(\\.gz)?");

    /** How many listings it may take for the copies to stand still while logrotate renames them. */
    private static final int SETTLE_ATTEMPTS = 5;

    private final List<PathMatcher> excluded;

    public CopiesBeside(List<String> excludedNames) {
        this.excluded = excludedNames.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob.trim())).toList();
    }

    /**
     * The candidates beside {@code log}, oldest first, leaving out those {@code known} accepts (files
     * the stream already tracks); empty when the directory cannot be listed. Listed until two
     * listings in a row name the same files under the same names: logrotate renaming its copies on
     * ({@code app.log.3} to {@code app.log.4}) while they are listed can hide one of them, whose
     * lines would then be read out of turn.
     */
    public List<StreamScanner.Found> of(Path log, Predicate<StreamScanner.Found> known) {
        List<StreamScanner.Found> listed = listOnce(log, known);
        for (int attempt = 1; attempt < SETTLE_ATTEMPTS; attempt++) {
            List<StreamScanner.Found> again = listOnce(log, known);
            if (names(again).equals(names(listed))) {
                return again;
            }
            listed = again;
        }
        return listed;
    }

    private static List<String> names(List<StreamScanner.Found> found) {
        return found.stream().map(f -> f.path() + " " + f.stat().key()).toList();
    }

    private List<StreamScanner.Found> listOnce(Path log, Predicate<StreamScanner.Found> known) {
        String name = log.getFileName().toString();
        List<StreamScanner.Found> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(log.getParent(),
                entry -> isCopyName(name, entry.getFileName()))) {
            for (Path entry : entries) {
                try {
                    FileKeys.Stat stat = FileKeys.stat(entry);
                    StreamScanner.Found candidate = stat == null ? null : new StreamScanner.Found(entry, stat);
                    if (candidate != null && !known.test(candidate)) {
                        found.add(candidate);
                    }
                } catch (IOException e) {
                    // renamed or removed since the listing: not a copy to read
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        found.sort(oldestFirst(name));
        return found;
    }

    private boolean isCopyName(String log, Path candidate) {
        String name = candidate.toString();
        return name.length() > log.length() && name.startsWith(log)
                && excluded.stream().noneMatch(m -> m.matches(candidate));
    }

    /**
     * Modification time first (copytruncate's copy keeps the log's); for equal times the higher
     * rotation number is the older copy ({@code app.log.2} before {@code app.log.1}), else the name.
     */
    private static Comparator<StreamScanner.Found> oldestFirst(String log) {
        return Comparator.comparingLong((StreamScanner.Found f) -> f.stat().mtimeMillis())
                .thenComparing((a, b) -> {
                    long na = rotationNumber(log, a.path());
                    long nb = rotationNumber(log, b.path());
                    return na >= 0 && nb >= 0 ? Long.compare(nb, na) : a.path().compareTo(b.path());
                });
    }

    private static long rotationNumber(String log, Path path) {
        Matcher matcher = NUMBERED.matcher(path.getFileName().toString().substring(log.length()));
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
