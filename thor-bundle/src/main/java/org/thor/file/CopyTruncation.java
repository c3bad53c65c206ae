package org.thor.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.identity.ContentDigest;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.Fingerprint;
import org.thor.file.identity.ReadMark;

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
 * log in its directory, and the copies of rotations Thor had not reached yet are read after it, in
 * order. compress: a compressed copy ({@code app.log.1.gz}) of a file that vanished before it was
 * read to its end takes over the same way; one of a finished file takes over at the finished
 * position, so nothing is sent twice.
 */
final class CopyTruncation {

    private static final Logger log = LoggerFactory.getLogger(CopyTruncation.class);
    /**
     * How long a new file whose bytes so far equal another file's start may still become its copy;
     * and how long a compressed file must stay unchanged before it is taken as complete.
     */
    static final long DECISION_MS = 1_000;
    /**
     * How long the new lines of a truncated file wait for the copy of what it had not been read of
     * to turn up beside it (logrotate may still be compressing it, or renaming it on): its lines
     * come first. After that the new lines are read, and a copy found later is read after them.
     */
    static final long COPY_WAIT_MS = 5_000;
    /** How often the files beside a truncated log are listed again when one moves while they are opened. */
    private static final int BESIDE_ATTEMPTS = 5;

    enum Decision {
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
    private final CopiesBeside beside;
    private final List<Owed> owed = new ArrayList<>();

    CopyTruncation(String pattern, StreamFiles files, LogFileSourceConfig config, RotationCounts counts) {
        this.pattern = pattern;
        this.files = files;
        this.config = config;
        this.counts = counts;
        this.beside = config.copiesBeside ? new CopiesBeside(config.exclude) : null;
    }

    /** Decides about a file none of whose bytes has been sent yet; it is open. */
    Decision decide(TrackedFile file, long now) throws IOException {
        file.startUnchanged();
        long size = file.compressed ? -1 : file.channel().size();
        for (Owed debt : List.copyOf(owed)) {
            if (holds(file.content(), size, debt.mark(), debt.seen())) {
                owed.remove(debt);
                takeOver(file, debt.file(), debt.next(), debt.mark());
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
                    && mayBecomeCopy(file, size, other)) {
                return Decision.SKIP;
            }
        }
        TrackedFile finished = file.compressed ? files.finishedHeldBy(file.content()) : null;
        if (finished != null) {
            takeOver(file, finished, files.after(file), finished.mark());
            return Decision.RESTART;
        }
        return Decision.READ;
    }

    /**
     * Whether a file still being written, shorter than what was read of {@code other}, may be
     * becoming its copy: its bytes so far end as {@code other}'s bytes at the same place.
     */
    private static boolean mayBecomeCopy(TrackedFile file, long size, TrackedFile other) {
        if (size >= other.position()) {
            return false;
        }
        try {
            long mine = ReadMark.tailHashAt(file.content(), size);
            long theirs = other.isOpen() ? ReadMark.tailHashAt(other.content(), size)
                    : FileContent.readOnce(other.path(), other.key, content -> ReadMark.tailHashAt(content, size));
            return theirs == -1 || mine == theirs;
        } catch (IOException e) {
            return true; // the original cannot tell now: wait, as for a copy
        }
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
    void settleCopies(long now) {
        for (TrackedFile copy : files.snapshot()) {
            TrackedFile original = copy.original();
            if (copy.state() != TrackedFile.State.COPY || now - copy.copySinceMillis() < DECISION_MS
                    || now - copy.lastChangeMillis() < DECISION_MS || !original.isOpen() || !original.presentAtPath()) {
                continue;
            }
            try {
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
    void vanished(TrackedFile file, long now) {
        TrackedFile next = files.after(file);
        TrackedFile copy = files.copyOf(file);
        if (copy != null) {
            takeOver(copy, file, next, file.mark());
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
    void truncated(TrackedFile file, long now, Runnable scan, Predicate<TrackedFile> open) throws IOException {
        log.info("Stream {}: {} was truncated (copytruncate) after byte {}", pattern, file.path(), file.position());
        counts.rotated();
        ReadMark mark = file.mark();
        ReadMark seen = file.seenMark();
        long unread = file.unreadSeen();
        TrackedFile copy = files.copyOf(file);
        if (copy != null && !(open.test(copy) && holds(copy, mark, seen))) {
            if (copy.size() >= mark.position()) {
                copy.becomeLive(); // not the copy it seemed: a file of its own
            }
            copy = null; // else it holds less than was read: nothing owed, it is retired below
        }
        if (copy == null && (mark.position() > 0 || unread > 0)) {
            scan.run();
            for (TrackedFile candidate : files.snapshot()) {
                if (candidate != file && !candidate.started() && candidate.state() == TrackedFile.State.LIVE
                        && open.test(candidate) && holds(candidate, mark, seen)) {
                    copy = candidate;
                    break;
                }
            }
        }
        if (copy != null) {
            copy.becomeLive(); // taken over below, not retired with the others
        }
        files.retireCopiesOf(file);
        // taken before its copies are listed: a copy of what it holds now, made meanwhile, is then told apart
        file.restartFromTruncation(config.maxLineBytes, config.charset);
        TrackedFile readAlready = copy == null && mark.position() == 0 && unread > 0 ? files.otherHolding(file, seen) : null;
        if (copy != null) {
            copy.markComplete();
            takeOver(copy, file, file, mark);
        } else if (readAlready != null) {
            log.info("Stream {}: what {} held before was read from {}, its copy, read as a file of its own", pattern,
                    file.path(), readAlready.path());
        } else if ((mark.position() > 0 || unread > 0) && !takeOverBeside(file, file, mark, seen)) {
            owed.add(new Owed(file, file, mark, seen, unread, now));
        }
        // what it holds now was written after everything else of the stream, copies found just now included
        files.moveToNewest(file);
    }

    /**
     * After a restart: the file holds other content than what was read of it, so copytruncate
     * rotated it while Thor was down (being down is being behind). The copy holding the stored
     * position is read from there, then every later copy whole, oldest first, then the file.
     */
    void resumeBeside(TrackedFile file, ReadMark mark, Predicate<TrackedFile> open) {
        if (!open.test(file)) {
            return;
        }
        log.info("Stream {}: {} no longer holds the {} bytes read of it: it was truncated (copytruncate) while"
                + " Thor was stopped; looking for its copies beside it", pattern, file.path(), mark.position());
        counts.rotated();
        if (!takeOverBeside(file, file, mark, mark)) {
            log.warn("Stream {}: no file beside {} holds the {} bytes read of it (removed by rotation while Thor"
                    + " was stopped?); the lines after that byte are lost, those in {} are read", pattern, file.path(),
                    mark.position(), file.path());
        }
    }

    /**
     * After a restart, for a file whose stored position was at its start: the copies beside it
     * that no stored entry knows and that were written after the newest file finished before
     * the stop were made while Thor was down; they are read whole, oldest first, before the file.
     */
    void resumeNewerCopies(TrackedFile file, long finishedMtime) {
        for (StreamScanner.Found found : beside.of(file.path(), files::knows)) {
            if (found.stat().mtimeMillis() <= finishedMtime) {
                continue;
            }
            TrackedFile copy = besideCopy(found);
            try {
                copy.open(config.maxLineBytes, config.charset);
            } catch (IOException e) {
                continue; // renamed on or removed meanwhile: what it held is counted by no one, so say so
            }
            log.info("Stream {}: reading {}, a copy of {} made while Thor was stopped", pattern, copy.path(), file.path());
            counts.rotated();
            files.placeBefore(copy, file);
        }
    }

    /** Whether no truncated or removed file waits for its copy. */
    boolean owesNothing() {
        return owed.isEmpty();
    }

    /** Whether {@code file} was truncated before all of it was read, and its copy is still awaited beside it. */
    boolean awaitsCopy(TrackedFile file, long now) {
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
    void expire(long now) {
        for (Owed debt : List.copyOf(owed)) {
            if (beside != null && debt.file() == debt.next() && files.contains(debt.file())
                    && takeOverBeside(debt.file(), debt.next(), debt.mark(), debt.seen())) {
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

    /**
     * With copytruncate.copies=beside: the copy of {@code file} among the files named after it,
     * read from the mark before {@code next}; then the copies made after it (rotations Thor had not
     * reached yet), whole and in order. Each is opened at once: no listing follows it when
     * logrotate renames it on ({@code app.log.2} to {@code app.log.3}), its open handle does.
     * Returns whether the copy was found.
     */
    private boolean takeOverBeside(TrackedFile file, TrackedFile next, ReadMark mark, ReadMark seen) {
        if (beside == null) {
            return false;
        }
        for (int attempt = 0; attempt < BESIDE_ATTEMPTS; attempt++) {
            List<TrackedFile> copies = openCopiesBeside(file, mark, seen);
            if (copies == null) {
                continue; // one moved between the listing and its opening: list again
            }
            if (copies.isEmpty()) {
                return false;
            }
            readCopies(file, next, mark, copies);
            if (next == file) {
                followRotationMeanwhile(file, copies.get(copies.size() - 1));
            }
            return true;
        }
        return false;
    }

    /** The first copy from the mark, then the later ones whole, in order, before {@code next}. */
    private void readCopies(TrackedFile file, TrackedFile next, ReadMark mark, List<TrackedFile> copies) {
        takeOver(copies.get(0), file, next, mark);
        for (TrackedFile rotation : copies.subList(1, copies.size())) {
            log.info("Stream {}: reading {}, a copy of {} from a later rotation", pattern, rotation.path(), file.path());
            files.placeBefore(rotation, next);
        }
    }

    /**
     * copytruncate rotated {@code file} since it was read, once or more, and it grew back unseen
     * ({@link BesideCopyWatch}): the copy holding what was read of it is read from there, then the
     * later copies whole, oldest first, then what the file holds now. Returns false, changing
     * nothing, when a copy cannot be opened (it moved): it is looked at again.
     */
    boolean rotatedBeside(TrackedFile file, List<StreamScanner.Found> owed) throws IOException {
        List<TrackedFile> copies = new ArrayList<>();
        for (StreamScanner.Found found : owed) {
            TrackedFile copy = besideCopy(found);
            try {
                copy.open(config.maxLineBytes, config.charset);
            } catch (IOException e) {
                copies.forEach(TrackedFile::close);
                return false;
            }
            copies.add(copy);
        }
        log.info("Stream {}: {} was truncated (copytruncate) after byte {}, {} times since", pattern, file.path(),
                file.position(), copies.size());
        copies.forEach(copy -> counts.rotated());
        ReadMark mark = file.mark();
        files.retireCopiesOf(file);
        file.restartFromTruncation(config.maxLineBytes, config.charset);
        readCopies(file, file, mark, copies);
        files.moveToNewest(file);
        return true;
    }

    /**
     * The truncated file was taken as it was just before its copies were listed. If the newest
     * copy holds what it held then, the log was copied and truncated again in between: what was
     * taken is read through that copy, and the file is taken anew. (A second rotation within the
     * few milliseconds this takes is not looked for.)
     */
    private void followRotationMeanwhile(TrackedFile file, TrackedFile newestCopy) {
        try {
            if (file.position() == 0 && file.seenMark().position() > 0 && holds(newestCopy, file.mark(), file.seenMark())) {
                log.info("Stream {}: {} was copied to {} and truncated again while its copies were listed",
                        pattern, file.path(), newestCopy.path());
                counts.rotated();
                file.restartFromTruncation(config.maxLineBytes, config.charset);
            }
        } catch (IOException e) {
            // read as it was taken: a read that finds it changed handles that as a truncation
        }
    }

    /** The proven copy and the later ones, open; empty when none holds the mark; null when one could not be opened. */
    private List<TrackedFile> openCopiesBeside(TrackedFile file, ReadMark mark, ReadMark seen) {
        List<StreamScanner.Found> candidates = beside.of(file.path(), files::knows);
        List<TrackedFile> copies = new ArrayList<>();
        for (StreamScanner.Found found : candidates) {
            if (!copies.isEmpty() && holdsNow(file, found)) {
                continue; // what the file holds now, copied but not yet truncated: it is read as the file's
            }
            if (!copies.isEmpty() || holds(found, mark, seen)) {
                TrackedFile copy = besideCopy(found);
                try {
                    copy.open(config.maxLineBytes, config.charset);
                } catch (IOException e) {
                    copies.forEach(TrackedFile::close);
                    return null;
                }
                copies.add(copy);
            }
        }
        return copies;
    }

    /**
     * Whether {@code file}, as it is now, begins with all of {@code found}: copytruncate copied the
     * file and has not truncated it yet. Such a copy is no later rotation: its lines are the file's.
     */
    private static boolean holdsNow(TrackedFile file, StreamScanner.Found found) {
        if (FileContent.isCompressed(found.path())) {
            return false; // logrotate compresses older copies only
        }
        try {
            long size = found.stat().size();
            FileContent now = file.content();
            if (file.channel().size() < size) {
                return false;
            }
            Fingerprint head = Fingerprint.read(now);
            ReadMark whole = ReadMark.of(head, size, ReadMark.tailHashAt(now, size), ContentDigest.of(now, size));
            return whole.provenBy(found.path(), found.stat().key());
        } catch (IOException e) {
            return false;
        }
    }

    private static TrackedFile besideCopy(StreamScanner.Found found) {
        Fingerprint start = Fingerprint.of(found.path(), found.stat().key());
        TrackedFile copy = new TrackedFile(found.stat().key(), found.path(), start == null ? Fingerprint.EMPTY : start,
                0, found.stat().size(), found.stat().mtimeMillis());
        copy.markFoundBeside();
        return copy;
    }

    private static boolean holds(TrackedFile candidate, ReadMark mark, ReadMark seen) throws IOException {
        return holds(candidate.content(), candidate.compressed ? -1 : candidate.channel().size(), mark, seen);
    }

    private static boolean holds(FileContent content, long size, ReadMark mark, ReadMark seen) throws IOException {
        return mark.provenBy(content, size) && (seen.equals(mark) || seen.provenBy(content, size));
    }

    private static boolean holds(StreamScanner.Found found, ReadMark mark, ReadMark seen) {
        return mark.provenBy(found.path(), found.stat().key()) && (seen.equals(mark) || seen.provenBy(found.path(), found.stat().key()));
    }

    private void takeOver(TrackedFile copy, TrackedFile original, TrackedFile next, ReadMark mark) {
        log.info("Stream {}: reading {} from byte {}, where {} left off", pattern, copy.path(), mark.position(), original.path());
        copy.becomeLive();
        copy.continueFrom(mark);
        copy.rewind(config.maxLineBytes, config.charset);
        files.placeBefore(copy, next);
    }
}
