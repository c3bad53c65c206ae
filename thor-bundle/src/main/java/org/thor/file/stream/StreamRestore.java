package org.thor.file.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.find.StreamScanner;
import org.thor.file.identity.Fingerprint;
import org.thor.file.identity.ReadMark;
import org.thor.file.offset.StoredPositions;
import org.thor.file.offset.StreamOffset;
import org.thor.file.tracking.NewFileOrder;
import org.thor.file.tracking.RotationCounts;
import org.thor.file.tracking.SharedStart;
import org.thor.file.tracking.TrackedFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Matches the files a stream finds at start to the stored positions. A stored file is found again
 * by device+inode when its content proves it ({@link ReadMark}: a reused inode does not); failing
 * that, by its content alone (the copy that copytruncate made, or a compressed copy, while the task
 * was down). The task has every stream claim by inode first, then by content, so a stream never
 * takes another's file for a copy of its own; and a stream claims by content only the entries
 * stored under its own partition, so it never takes another stream's entry for one of its files,
 * whose lines may be the same. A content that more than one file of the stream holds (a banner
 * the files share, a file read no further than its header) proves none of them the stored file.
 * Files no entry claims are new, read from their beginning, unless no newer than the newest
 * finished file stored with the positions; a stream that has no stored position at all starts as
 * {@code read.from} says.
 */
public final class StreamRestore {

    private static final Logger log = LoggerFactory.getLogger(StreamRestore.class);

    private record Claim(StoredPositions.Stored stored, StreamScanner.Found found, TrackedFile file) {
    }

    private final String pattern;
    /** The partitions this stream's positions are stored under: its root directory, and before that its pattern. */
    private final Set<String> ownPartitions;
    private final Map<String, StreamScanner.Found> unclaimed = new LinkedHashMap<>();
    private final List<Claim> claims = new ArrayList<>();
    /** Copies beside the log ({@code copytruncate.copies=beside}): taken up only when a stored entry names them. */
    private final Set<String> besideOnly = new HashSet<>();
    private final long now;

    StreamRestore(String pattern, Path root, List<StreamScanner.Found> found, List<StreamScanner.Found> beside, long now) {
        this.pattern = pattern;
        this.ownPartitions = Set.of(pattern, root.toString());
        this.now = now;
        found.forEach(f -> unclaimed.put(f.stat().key(), f));
        beside.forEach(f -> {
            if (unclaimed.putIfAbsent(f.stat().key(), f) == null) {
                besideOnly.add(f.stat().key());
            }
        });
    }

    /** The directories of the files found, under whose partitions their positions may be stored. */
    public Set<Path> directories() {
        Set<Path> directories = new HashSet<>();
        unclaimed.values().forEach(found -> directories.add(found.path().getParent()));
        return directories;
    }

    public void claimByKey(StoredPositions positions) {
        for (StreamScanner.Found found : List.copyOf(unclaimed.values())) {
            positions.takeByKey(found.stat().key(), entry -> sameFile(found, entry))
                    .ifPresent(stored -> claim(found, stored));
        }
    }

    public void claimByContent(StoredPositions positions) {
        for (StoredPositions.Stored stored : positions.ownedWithContent()) {
            if (!ownPartitions.contains(stored.partitionName())) {
                continue;
            }
            List<StreamScanner.Found> holders = holders(unclaimed.values().stream(), stored.entry());
            if (holders.size() == 1) {
                holders.addAll(holders(claims.stream().map(Claim::found), stored.entry()));
            }
            if (holders.size() == 1) {
                StreamScanner.Found found = holders.get(0);
                log.info("Stream {}: {} holds the rest of a file stored as {} (read to byte {})", pattern, found.path(),
                        stored.entry().key(), stored.entry().position());
                positions.take(stored);
                claim(found, stored);
            } else if (holders.size() > 1) {
                log.info("Stream {}: {} and {} both hold what was read of a file stored as {} (to byte {}): a content"
                        + " the stream's files share proves neither to be it", pattern, holders.get(0).path(),
                        holders.get(1).path(), stored.entry().key(), stored.entry().position());
            }
        }
    }

    /** Of {@code files}, the stream's own (not those only beside them) that hold what the entry says was read; two at most. */
    private List<StreamScanner.Found> holders(Stream<StreamScanner.Found> files, StreamOffset.Entry entry) {
        return new ArrayList<>(files.filter(found -> !besideOnly.contains(found.stat().key()))
                .filter(found -> sameFile(found, entry))
                .limit(2)
                .toList());
    }

    /**
     * The files to read, oldest first, after putting those already read to their end into
     * {@code finished}. A stream that claimed nothing and that no stored offset names starts fresh.
     */
    List<TrackedFile> restore(StoredPositions positions, long finishedMtime, LogFileSourceConfig config,
                              Map<String, TrackedFile> finished) {
        if (!resumes(positions)) {
            log.info("Stream {}: no stored position; reading existing files from their {}", pattern,
                    config.readFromEnd ? "end" : config.readFromTimeMillis != Long.MIN_VALUE
                            ? "beginning when modified since " + java.time.Instant.ofEpochMilli(config.readFromTimeMillis)
                            : "beginning");
            unclaimed.keySet().removeAll(besideOnly);
            return fresh(config.readFromEnd, config.readFromTimeMillis, finished);
        }
        List<TrackedFile> regrown = new ArrayList<>();
        List<TrackedFile> live = new ArrayList<>();
        claims.sort(Comparator.comparingInt(c -> c.stored().order()));
        List<TrackedFile> all = claims.stream().anyMatch(StreamRestore::grownSinceFinished) ? allFiles() : List.of();
        List<Claim> unproven = new ArrayList<>();
        for (Claim claim : claims) {
            TrackedFile file = claim.file();
            if (unproven(claim, all)) {
                unproven.add(claim);
                continue;
            }
            if (besideOnly.contains(file.key)) {
                file.markFoundBeside();
            }
            if (!claim.stored().finished()) {
                live.add(file);
            } else if (grownSinceFinished(claim)) {
                // written again after it was finished: its new lines are older than any other file's
                regrown.add(file);
            } else {
                finish(file, claim.found(), finished);
            }
        }
        regrown.addAll(live);
        for (Claim claim : unproven) {
            TrackedFile fromStart = track(claim.found());
            if (besideOnly.contains(fromStart.key)) {
                fromStart.markFoundBeside();
            }
            NewFileOrder.addByAge(regrown, fromStart, claim.found().stat().mtimeNanos());
        }
        unclaimed.keySet().removeAll(besideOnly);
        for (StreamScanner.Found found : unclaimed.values()) {
            if (found.stat().mtimeMillis() <= finishedMtime) {
                TrackedFile done = track(found);
                done.settleAt(found.stat().size());
                finish(done, found, finished);
            } else {
                // a copy made while Thor was down of a log stored as not read yet comes before it
                NewFileOrder.addByAge(regrown, new TrackedFile(found.stat().key(), found.path(), Fingerprint.EMPTY, 0,
                        found.stat().size(), Math.min(now, found.stat().mtimeMillis())), found.stat().mtimeNanos());
            }
        }
        return regrown;
    }

    /** The files the stream found, claimed or not, but those only beside them. */
    private List<TrackedFile> allFiles() {
        List<TrackedFile> all = new ArrayList<>();
        claims.forEach(claim -> all.add(claim.file()));
        unclaimed.values().stream().filter(found -> !besideOnly.contains(found.stat().key())).map(this::track).forEach(all::add);
        return all;
    }

    /**
     * Whether a file stored as finished, and longer now, was read no further than the first bytes
     * the stream's files share (a header-only file): that does not tell it from a file that took
     * its inode since, so it is read from its start, in the order of its age; a line sent again is
     * better than one never sent.
     */
    private boolean unproven(Claim claim, List<TrackedFile> all) {
        TrackedFile file = claim.file();
        if (!grownSinceFinished(claim) || file.position() == 0 || !SharedStart.covers(file, file.position(), all)) {
            return false;
        }
        log.info("Stream {}: {}, finished at byte {}, has grown, and what was read of it is no more than the first bytes"
                + " the stream's files share: reading it from its start", pattern, file.path(), file.position());
        return true;
    }

    private static boolean grownSinceFinished(Claim claim) {
        return claim.stored().finished() && !claim.file().compressed && claim.file().size() > claim.file().position();
    }

    /** Whether the stream had stored positions: it found a file of them, or they name its pattern. */
    boolean resumes(StoredPositions positions) {
        return !claims.isEmpty() || positions.knows(pattern);
    }

    /** Every file from its beginning, or from its end; those last modified before {@code notBeforeMillis} are finished. */
    private List<TrackedFile> fresh(boolean fromEnd, long notBeforeMillis, Map<String, TrackedFile> finished) {
        List<TrackedFile> files = new ArrayList<>();
        for (StreamScanner.Found found : unclaimed.values()) {
            TrackedFile file = track(found);
            // an archive has nothing to follow: from the end means it is done
            if (found.stat().mtimeMillis() < notBeforeMillis || fromEnd && file.compressed) {
                file.settleAt(found.stat().size());
                finish(file, found, finished);
                continue;
            }
            if (fromEnd) {
                file.settleAt(found.stat().size());
                file.role().markStarted();
            }
            files.add(file);
        }
        return files;
    }

    /**
     * Warns of the positions this task stored that no stream found a file for, and counts what
     * Thor had seen of them but not read as lost, with the stream {@code countsOf} gives for the
     * partition they were stored under.
     */
    public static void reportUnclaimed(StoredPositions positions, Function<String, RotationCounts> countsOf) {
        for (StoredPositions.Stored stored : positions.unclaimedOwned()) {
            if (!stored.finished() && stored.entry().position() > 0) {
                long unread = stored.entry().unreadSeen();
                countsOf.apply(stored.partitionName()).lostToRotation(unread);
                log.warn("Stored file {} is gone or no pattern matches it now; lines after byte {} it may have held are"
                        + " not sent ({} bytes seen before the stop, and any written after)", stored.entry().key(),
                        stored.entry().position(), unread);
            }
        }
    }

    private static void finish(TrackedFile file, StreamScanner.Found found, Map<String, TrackedFile> finished) {
        file.role().becomeFinished();
        file.disk().finishedAt(found.stat().mtimeMillis());
        finished.put(file.key, file);
    }

    private void claim(StreamScanner.Found found, StoredPositions.Stored stored) {
        unclaimed.remove(found.stat().key());
        TrackedFile file = track(found);
        file.continueFrom(stored.entry().mark());
        claims.add(new Claim(stored, found, file));
    }

    private TrackedFile track(StreamScanner.Found found) {
        return new TrackedFile(found.stat().key(), found.path(), fingerprint(found), 0, found.stat().size(),
                Math.min(now, found.stat().mtimeMillis()));
    }

    /**
     * Whether the file found holds the stored file's content up to its position: its first bytes
     * and the bytes just before the position ({@link ReadMark}); a stored file that had no first
     * bytes yet is known by its inode alone.
     */
    private static boolean sameFile(StreamScanner.Found found, StreamOffset.Entry entry) {
        if (entry.fingerprintLength() == 0 && entry.position() == 0) {
            return entry.key().equals(found.stat().key());
        }
        return entry.mark().provenBy(found.path(), found.stat().key());
    }

    /** Empty when the file moved under the listing: it then grows as the file is read. */
    private static Fingerprint fingerprint(StreamScanner.Found found) {
        Fingerprint fingerprint = Fingerprint.of(found.path(), found.stat().key());
        return fingerprint == null ? Fingerprint.EMPTY : fingerprint;
    }
}
