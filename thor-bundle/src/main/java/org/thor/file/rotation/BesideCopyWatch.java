package org.thor.file.rotation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.find.CopiesBeside;
import org.thor.file.find.NameWatch;
import org.thor.file.find.StreamScanner;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.FileKeys;
import org.thor.file.tracking.TrackedFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * With {@code copytruncate.copies=beside}: the copies logrotate makes beside a log are looked at
 * as they appear, while the log waits its turn and before it is read further. A new copy that the
 * log no longer holds all of proves that the log was truncated since, even when the log grew back
 * past where it was read or seen before Thor looked, starting with the same banner and ending in
 * the same padding, where its size and tail say nothing. Its lines are owed: from the copy holding
 * what was read of the log, then every later copy, oldest first. The copies there before the log
 * was first looked at are left alone (their bytes were never the log's while Thor followed it),
 * as are compressed ones (logrotate compresses older copies). Looked at whenever a name in the
 * log's directory changed, and while a copy the log still holds was written within the last
 * {@link CopyTruncation#DECISION_MS} (the truncation follows the copy).
 */
public final class BesideCopyWatch {

    private static final Logger log = LoggerFactory.getLogger(BesideCopyWatch.class);

    private enum Seen {
        /** There before the log was first looked at, compressed, or shorter than what was read: not owed. */
        IGNORED,
        /** The log holds all of it: not truncated since (a copy that stays so is a cp). */
        HELD,
        /** As {@link #HELD}, but written a moment ago: the truncation may follow. */
        PENDING,
        /** The log no longer holds all of it. */
        OWED
    }

    private record Looked(FileKeys.Stat stat, Seen seen) {
    }

    private final String pattern;
    private final CopiesBeside beside;
    private final NameWatch names;
    /** Per log: each copy beside it as it was when last looked at. */
    private final Map<TrackedFile, Map<String, Looked>> looked = new HashMap<>();
    /** Per log: the watch's mark taken before its copies were last listed. */
    private final Map<TrackedFile, Long> marks = new HashMap<>();

    public BesideCopyWatch(String pattern, CopiesBeside beside, NameWatch names) {
        this.pattern = pattern;
        this.beside = beside;
        this.names = names;
    }

    /**
     * The copies beside {@code file} whose lines are owed, oldest first, the first holding what was
     * read of it; empty when none is (or none holds that).
     *
     * @param known whether the stream reads a file already, or will: no copy of this one to look at
     */
    public List<StreamScanner.Found> owed(TrackedFile file, Predicate<StreamScanner.Found> known, long now) {
        Map<String, Looked> before = looked.get(file);
        Long mark = marks.get(file);
        if (mark != null && names.unchangedSince(file.path().getParent(), mark)
                && before.values().stream().noneMatch(copy -> copy.seen() == Seen.PENDING)) {
            return List.of();
        }
        if (!file.presentAtPath()) {
            return List.of(); // renamed: the next listing finds where
        }
        looked.keySet().removeIf(other -> other.state() != TrackedFile.State.LIVE || other.gone());
        marks.keySet().retainAll(looked.keySet());
        marks.put(file, names.mark());
        Map<String, Looked> current = new HashMap<>();
        List<StreamScanner.Found> newer = new ArrayList<>();
        int lastOwed = -1;
        for (StreamScanner.Found copy : beside.of(file.path(), known)) {
            Looked was = before == null ? new Looked(copy.stat(), Seen.IGNORED) : before.get(copy.stat().key());
            Looked look = was != null && (was.seen() == Seen.IGNORED || was.seen() == Seen.HELD && was.stat().equals(copy.stat()))
                    ? was : new Looked(copy.stat(), judge(file, copy, now));
            current.put(copy.stat().key(), look);
            if (look.seen() != Seen.IGNORED) {
                newer.add(copy);
                lastOwed = look.seen() == Seen.OWED ? newer.size() - 1 : lastOwed;
            }
        }
        looked.put(file, current);
        // the copies before the newest one the file no longer holds were all made before it was truncated,
        // even those it still starts as (a copy of nothing but the lines every file begins with)
        for (int first = 0; first <= lastOwed; first++) {
            StreamScanner.Found copy = newer.get(first);
            if (file.position() == 0 || file.mark().provenBy(copy.path(), copy.stat().key())) {
                return newer.subList(first, lastOwed + 1);
            }
        }
        return List.of();
    }

    private Seen judge(TrackedFile file, StreamScanner.Found copy, long now) {
        FileKeys.Stat stat = copy.stat();
        boolean recent = now - stat.mtimeMillis() < CopyTruncation.DECISION_MS;
        if (FileContent.isCompressed(copy.path())) {
            return Seen.IGNORED;
        }
        if (stat.size() < file.position()) {
            return recent ? Seen.PENDING : Seen.IGNORED; // a copy shorter than what was read may still be being written
        }
        try {
            if (file.channel().size() < stat.size() || !holdsAll(file, copy)) {
                log.info("Stream {}: {} no longer holds all of {}, its copy: it was truncated (copytruncate) since",
                        pattern, file.path(), copy.path());
                return Seen.OWED;
            }
            return recent ? Seen.PENDING : Seen.HELD;
        } catch (IOException e) {
            return Seen.PENDING; // renamed on or removed meanwhile: looked at again
        }
    }

    private static boolean holdsAll(TrackedFile file, StreamScanner.Found copy) throws IOException {
        long size = copy.stat().size();
        return FileContent.readOnce(copy.path(), copy.stat().key(),
                content -> CopyCause.judge(content, size, file) == CopyCause.Verdict.PREFIX);
    }
}
