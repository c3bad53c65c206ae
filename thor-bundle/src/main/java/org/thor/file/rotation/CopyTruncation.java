package org.thor.file.rotation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.FileKeys;
import org.thor.file.identity.ReadMark;
import org.thor.file.tracking.RotationCounts;
import org.thor.file.tracking.StreamFiles;
import org.thor.file.tracking.TrackedFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Copies of a stream's files. copytruncate: logrotate copies {@code app.log} to {@code app.log.1},
 * then truncates {@code app.log}. A file is a copy of a live file only when it holds what was read
 * of it ({@link ReadMark}: its first bytes, the bytes just before the read position and a digest of
 * all of them) and a cause shows ({@link CopyCause}); such a copy
 * is not read on its own (its lines come through the original), and when the original turns out
 * truncated the copy takes over at the original's position, read before what the original holds
 * now. Files that merely start alike (a shared banner or header) are files of their own. With
 * {@code copytruncate.copies=beside} the copy is also looked for among the files named after the
 * log in its directory ({@link BesideCopies}), and the copies of rotations Thor had not reached yet
 * are read after it, in order. compress: a compressed copy ({@code app.log.1.gz}) of a file that vanished before it was
 * read to its end takes over the same way; one of a finished file takes over at the finished
 * position, so nothing is sent twice.
 */
public final class CopyTruncation {

    private static final Logger log = LoggerFactory.getLogger(CopyTruncation.class);
    /**
     * How long a new file whose bytes so far equal another file's start may still become its copy;
     * and how long a compressed file must stay unchanged before it is taken as complete.
     */
    public static final long DECISION_MS = 1_000;
    /**
     * How long the new lines of a truncated file wait for the copy of what it had not been read of
     * to turn up beside it (logrotate may still be compressing it, or renaming it on): its lines
     * come first. After that the new lines are read, and a copy found later is read after them.
     */
    static final long COPY_WAIT_MS = 5_000;

    public enum Decision {
        /** A file of its own: read it. */
        READ,
        /** A copy, or maybe one: not now. */
        SKIP,
        /** The order of the files changed: start over. */
        RESTART
    }

    /**
     * What a truncated or vanished file had not been read of, kept for a while in case its copy
     * shows up late; the copy is read before {@code next}. {@code seen} is the furthest end seen.
     */
    private record Owed(TrackedFile file, TrackedFile next, ReadMark mark, ReadMark seen, long unreadBytes,
                        long sinceMillis) {
    }

    private final String pattern;
    private final StreamFiles files;
    private final LogFileSourceConfig config;
    private final RotationCounts counts;
    private final CopyHandover handover;
    /** With copytruncate.copies=beside, else null. */
    private final BesideCopies beside;
    private final List<Owed> owed = new ArrayList<>();

    public CopyTruncation(String pattern, StreamFiles files, LogFileSourceConfig config, RotationCounts counts,
                   CopyHandover handover, BesideCopies beside) {
        this.pattern = pattern;
        this.files = files;
        this.config = config;
        this.counts = counts;
        this.handover = handover;
        this.beside = beside;
    }

    /** Decides about a file none of whose bytes has been sent yet; it is open. */
    public Decision decide(TrackedFile file, long now) throws IOException {
        file.startUnchanged();
        long size = file.compressed ? -1 : file.channel().size();
        TrackedFile finished = file.compressed ? files.finishedHeldBy(file.content()) : null;
        for (Owed debt : List.copyOf(owed)) {
            if (finished != null && debt.mark().position() == 0) {
                continue; // what was seen of it was read through the file this compresses: proven by that, not owed
            }
            if (CopyHandover.holds(file.content(), size, debt.mark(), debt.seen())) {
                owed.remove(debt);
                handover.takeOver(file, debt.file(), debt.next(), debt.mark());
                return Decision.RESTART;
            }
        }
        for (TrackedFile other : files.snapshot()) {
            if (other == file || other.state() != TrackedFile.State.LIVE || !other.started()
                    || !other.fingerprint().agreesWith(file.fingerprint())) {
                continue;
            }
            if (other.position() > 0 && !other.rewritten() && files.copyOf(other) == null
                    && other.mark().provenBy(file.content(), size)) {
                CopyCause.Verdict verdict = size < 0 ? CopyCause.Verdict.PREFIX : CopyCause.judge(file.content(), size, other);
                if (verdict == CopyCause.Verdict.ORIGINAL_REWRITTEN
                        || verdict == CopyCause.Verdict.PARTED && CopyCause.partedLater(file, other)) {
                    log.info("Stream {}: {} holds the {} bytes read of {}, which no longer holds all of it though written"
                            + " since: it was truncated (copytruncate) and written again; the copy is read from there"
                            + " first", pattern, file.path(), other.position(), other.path());
                    holdBack(file, other, now);
                    other.markRewritten();
                    return Decision.SKIP;
                }
                if (verdict == CopyCause.Verdict.PREFIX && files.mayHaveCopies(other, file)) {
                    log.info("Stream {}: {} holds the {} bytes read of {}; its lines come from there if that file is"
                            + " truncated now (copytruncate), else it is read as a file of its own", pattern, file.path(),
                            other.position(), other.path());
                    holdBack(file, other, now);
                    return Decision.SKIP;
                }
                continue; // it only starts as the other does, or what was read of the other proves nothing
            }
            if (size >= 0 && now - file.lastChangeMillis() < DECISION_MS && files.mayHaveCopies(other, file)
                    && CopyCause.mayBecomeCopy(file, size, other)) {
                return Decision.SKIP;
            }
        }
        if (finished != null) {
            handover.takeOver(file, finished, files.after(file), finished.mark());
            return Decision.RESTART;
        }
        return Decision.READ;
    }

    /**
     * The finished file {@code candidate} is a compressed copy of, or null: a log truncated before
     * any of it was read, whose unread bytes such a copy holds, had them read through that file
     * (taken for a file of its own when it appeared, then finished and compressed by the rotation).
     */
    private TrackedFile compressedCopyOfFinished(TrackedFile candidate) throws IOException {
        return candidate.compressed ? files.finishedHeldBy(candidate.content()) : null;
    }

    private static void holdBack(TrackedFile copy, TrackedFile original, long now) {
        copy.becomeCopyOf(original, now);
        copy.close();
    }

    /**
     * A copy needs a cause: copytruncate truncates its log right after copying it, so a file taken
     * for a copy whose original is still there and still holds all of it once the copy has not
     * changed for {@link #DECISION_MS} is a file of its own (a {@code cp} of a log is new data to
     * whoever made it), read from its start. An original that no longer holds its copy was
     * truncated, even if it grew back past the position with the same first bytes: the read hands over.
     */
    public void settleCopies(long now) {
        for (TrackedFile copy : files.snapshot()) {
            TrackedFile original = copy.original();
            if (copy.state() != TrackedFile.State.COPY || now - copy.copySinceMillis() < DECISION_MS
                    || now - copy.lastChangeMillis() < DECISION_MS || !original.isOpen() || !original.presentAtPath()) {
                continue;
            }
            try {
                FileKeys.Stat onDisk = FileKeys.stat(copy.path());
                if (onDisk == null || !onDisk.key().equals(copy.key)) {
                    continue;
                }
                if (onDisk.size() != copy.size()) {
                    // still being written (logrotate's copy): judged once it has stood still at its full size
                    copy.sizeNow(onDisk.size(), now);
                    continue;
                }
                CopyCause.Verdict verdict = copy.compressed ? CopyCause.judgeByOriginal(original)
                        : FileContent.readOnce(copy.path(), copy.key, content -> CopyCause.judge(content, copy.size(), original));
                if (verdict == CopyCause.Verdict.PREFIX) {
                    log.info("Stream {}: {} is no copy: {} is still there and holds all of it;"
                            + " reading {} from its start", pattern, copy.path(), original.path(), copy.path());
                    copy.becomeFileOfItsOwn();
                } else {
                    log.info("Stream {}: {} no longer holds all of {}, its copy: it was truncated (copytruncate)"
                            + " and written again", pattern, original.path(), copy.path());
                    original.markRewritten();
                }
            } catch (IOException e) {
                // the read of the original reports it
            }
        }
    }

    /**
     * A live file that is gone, and was not open: its compressed copy (or, later, any copy)
     * continues it where it was, in its place.
     */
    public void vanished(TrackedFile file, long now) {
        TrackedFile next = files.after(file);
        TrackedFile copy = files.copyOf(file);
        if (copy != null) {
            handover.takeOver(copy, file, next, file.mark());
        } else if (file.fingerprint().length() > 0) {
            owed.add(new Owed(file, next, file.mark(), file.seenMark(), file.compressed ? 0 : file.unreadSeen(), now));
        }
        files.remove(file);
    }

    /**
     * The file shrank, or no longer holds what was read or seen of it: hand what it owed to its
     * copy and read it anew.
     *
     * @param scan lists the directories now, since the copy was made just before the truncation
     * @param open opens a file, false if it cannot be opened
     */
    public void truncated(TrackedFile file, long now, Runnable scan, Predicate<TrackedFile> open) throws IOException {
        log.info("Stream {}: {} was truncated (copytruncate) after byte {}", pattern, file.path(), file.position());
        counts.rotated();
        ReadMark mark = file.mark();
        ReadMark seen = file.seenMark();
        long unread = file.unreadSeen();
        // what it holds now is taken at once: a rotation while its copy is looked for is then found by the next read
        file.restartFromTruncation(config.maxLineBytes, config.charset);
        TrackedFile copy = files.copyOf(file);
        if (copy != null && !CopyHandover.openFollowingRenames(copy, scan, open)) {
            copy = null; // gone, or renamed on faster than it is listed: retired below, not read as a file of its own
        } else if (copy != null && !CopyHandover.holds(copy, mark, seen)) {
            if (copy.size() >= mark.position()) {
                copy.becomeLive(); // not the copy it seemed: a file of its own
            }
            copy = null; // else it holds less than was read: nothing owed, it is retired below
        }
        // none of it read, but what was seen of it is in a file read as one of its own: its copy, taken for new
        TrackedFile readAlready = copy == null && mark.position() == 0 && unread > 0 ? files.otherHolding(file, seen) : null;
        if (copy == null && readAlready == null && (mark.position() > 0 || unread > 0)) {
            scan.run();
            for (TrackedFile candidate : files.snapshot()) {
                if (candidate != file && !candidate.started() && candidate.state() == TrackedFile.State.LIVE
                        && open.test(candidate) && CopyHandover.holds(candidate, mark, seen)) {
                    readAlready = mark.position() == 0 ? compressedCopyOfFinished(candidate) : null;
                    copy = readAlready == null ? candidate : null;
                    break;
                }
            }
        }
        if (copy != null) {
            copy.becomeLive(); // taken over below, not retired with the others
        }
        files.retireCopiesOf(file);
        if (copy != null) {
            copy.markComplete();
            handover.takeOver(copy, file, file, mark);
        } else if (readAlready != null) {
            log.info("Stream {}: what {} held before was read from {}, its copy, read as a file of its own", pattern,
                    file.path(), readAlready.path());
        } else if ((mark.position() > 0 || unread > 0) && (beside == null || !beside.takeOver(file, file, mark, seen))) {
            owed.add(new Owed(file, file, mark, seen, unread, now));
        }
        // what it holds now was written after everything else of the stream, copies found just now included
        files.moveToNewest(file);
    }

    /** Whether no truncated or removed file waits for its copy. */
    public boolean owesNothing() {
        return owed.isEmpty();
    }

    /** Whether {@code file} was truncated before all of it was read, and its copy is still awaited beside it. */
    public boolean awaitsCopy(TrackedFile file, long now) {
        if (beside == null) {
            return false;
        }
        for (Owed debt : owed) {
            if (debt.file() == file && debt.next() == file && now - debt.sinceMillis() < COPY_WAIT_MS) {
                return true;
            }
        }
        return false;
    }

    /** Looks again for the copies of truncated files beside them; counts as lost what no copy turned up for. */
    public void expire(long now) {
        for (Owed debt : List.copyOf(owed)) {
            if (beside != null && debt.file() == debt.next() && files.contains(debt.file())
                    && beside.takeOver(debt.file(), debt.next(), debt.mark(), debt.seen())) {
                owed.remove(debt);
            } else if (now - debt.sinceMillis() > Math.max(config.closeInactiveMs, DECISION_MS)) {
                owed.remove(debt);
                if (debt.unreadBytes() > 0) {
                    counts.lostToRotation(debt.unreadBytes());
                    log.warn("Stream {}: {} was truncated or removed {} bytes before its end, and no copy of it"
                            + " appeared; those lines are lost", pattern, debt.file().path(), debt.unreadBytes());
                }
            }
        }
    }

}
