package org.thor.file.offset;

import org.apache.kafka.connect.errors.ConnectException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The file positions stored for a task's streams, gathered at start from every partition their
 * files may have been stored under: the directories of the streams' patterns and of the files
 * they match now, with all directories above them (a pattern edit may have moved a file from one
 * directory's partition to another's), and the per-pattern partitions of older offsets. Each
 * stream claims the entries of its files; an entry is claimed once.
 */
public final class StoredPositions {

    /**
     * An entry as stored. {@code owned}: stored under a partition this task writes (or its
     * pattern's older partition), so a file of it that no stream claims is this task's to report.
     * {@code partitionName}: the directory, or the older partition's pattern, it was stored under.
     */
    public record Stored(StreamOffset.Entry entry, boolean finished, boolean owned, int order, String partitionName) {
    }

    private final List<Stored> unclaimed = new ArrayList<>();
    private final Set<String> knownPatterns = new HashSet<>();
    private final Map<String, Long> legacyFinishedMtimes = new HashMap<>();
    private final Map<Path, Long> finishedMtimes = new HashMap<>();

    /** The partitions to read for streams under {@code roots} whose files lie in {@code directories}. */
    public static List<Map<String, String>> partitions(Collection<Path> roots, Collection<Path> directories,
                                                Collection<String> patterns) {
        Set<Map<String, String>> partitions = new LinkedHashSet<>();
        List<Path> all = new ArrayList<>(roots);
        all.addAll(directories);
        for (Path directory : all) {
            for (Path d = directory; d != null; d = d.getParent()) {
                partitions.add(StreamOffset.partition(d));
            }
        }
        patterns.forEach(pattern -> partitions.add(StreamOffset.legacyPartition(pattern)));
        return List.copyOf(partitions);
    }

    /**
     * @param stored    what Connect holds for {@link #partitions}; null offsets are none
     * @param ownRoots  the directories whose partitions this task writes
     * @throws ConnectException when a stored offset is malformed (only an altered offset can be)
     */
    public static StoredPositions of(Map<Map<String, String>, Map<String, Object>> stored, Set<Path> ownRoots) {
        StoredPositions positions = new StoredPositions();
        if (stored == null) {
            return positions;
        }
        stored.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .sorted(Comparator.comparing(e -> e.getKey().toString()))
                .forEach(e -> positions.add(e.getKey(), e.getValue(), ownRoots));
        return positions;
    }

    private void add(Map<String, String> partition, Map<String, Object> offset, Set<Path> ownRoots) {
        try {
            String directory = partition.get(StreamOffset.DIRECTORY_KEY);
            String pattern = partition.get(StreamOffset.STREAM_KEY);
            boolean owned = pattern != null || ownRoots.contains(Path.of(directory));
            String name = pattern != null ? pattern : directory;
            StreamOffset.entries(offset).forEach(entry -> add(entry, false, owned, name));
            StreamOffset.finishedEntries(offset).forEach(entry -> add(entry, true, owned, name));
            knownPatterns.addAll(StreamOffset.streams(offset));
            if (pattern != null) {
                knownPatterns.add(pattern);
                legacyFinishedMtimes.put(pattern, StreamOffset.finishedMtime(offset));
            } else {
                finishedMtimes.put(Path.of(directory), StreamOffset.finishedMtime(offset));
            }
        } catch (IllegalArgumentException e) {
            throw new ConnectException("The stored offset of " + partition + " is malformed: " + e.getMessage(), e);
        }
    }

    private void add(StreamOffset.Entry entry, boolean finished, boolean owned, String partitionName) {
        unclaimed.add(new Stored(entry, finished, owned, unclaimed.size(), partitionName));
    }

    /** Whether {@code pattern} stored positions before: its stream resumes rather than starts anew. */
    public boolean knows(String pattern) {
        return knownPatterns.contains(pattern);
    }

    /**
     * For a stream that resumes: files of it that no entry names and that are no newer than this
     * were finished (the newest finished file's time, stored under its directory or, before, under
     * its pattern); MIN_VALUE when none.
     */
    public long finishedMtime(String pattern, Path root) {
        return Math.max(legacyFinishedMtimes.getOrDefault(pattern, Long.MIN_VALUE),
                finishedMtimes.getOrDefault(root, Long.MIN_VALUE));
    }

    /**
     * The file {@code key}'s entry that {@code proven} accepts, the one furthest on when several
     * partitions hold one; every entry of the key is then claimed (the others are older).
     */
    public Optional<Stored> takeByKey(String key, Predicate<StreamOffset.Entry> proven) {
        Optional<Stored> best = unclaimed.stream()
                .filter(s -> s.entry().key().equals(key) && proven.test(s.entry()))
                .max(Comparator.comparingLong(s -> s.entry().position()));
        best.ifPresent(s -> unclaimed.removeIf(other -> other.entry().key().equals(key)));
        return best;
    }

    /** This task's unclaimed entries that know their file's first bytes, to be found in a copy. */
    public List<Stored> ownedWithContent() {
        return unclaimed.stream().filter(s -> s.owned() && s.entry().fingerprintLength() > 0).toList();
    }

    /** This task's unclaimed entry of a file being read under {@code key}, furthest on; every entry of the key is then claimed. */
    public Optional<Stored> takeUnfinished(String key) {
        Optional<Stored> best = unclaimed.stream()
                .filter(s -> s.owned() && !s.finished() && s.entry().key().equals(key) && s.entry().position() > 0)
                .max(Comparator.comparingLong(s -> s.entry().position()));
        best.ifPresent(s -> unclaimed.removeIf(other -> other.entry().key().equals(key)));
        return best;
    }

    public void take(Stored stored) {
        unclaimed.remove(stored);
    }

    /** This task's entries of files no stream has now. */
    public List<Stored> unclaimedOwned() {
        return unclaimed.stream().filter(Stored::owned).toList();
    }
}
