package org.thor.file.rotation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.find.CopiesBeside;
import org.thor.file.find.StreamScanner;
import org.thor.file.identity.ContentDigest;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.Fingerprint;
import org.thor.file.identity.ReadMark;
import org.thor.file.offset.StreamOffset;
import org.thor.file.tracking.RotationCounts;
import org.thor.file.tracking.StreamFiles;
import org.thor.file.tracking.TrackedFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * With {@code copytruncate.copies=beside}: the copies of a log found among the files named after it
 * in its directory ({@link CopiesBeside}), whether or not the stream's pattern matches them. After
 * a truncation, after a restart, or when {@link BesideCopyWatch} finds copies the log no longer
 * holds, the copy holding what was read of the log is read from there, then the later copies
 * whole, oldest first, then the log anew. Each is opened at once: no listing follows it when
 * logrotate renames it on ({@code app.log.2} to {@code app.log.3}), its open handle does.
 */
public final class BesideCopies {

    private static final Logger log = LoggerFactory.getLogger(BesideCopies.class);
    /** How often the files beside a truncated log are listed again when one moves while they are opened. */
    private static final int ATTEMPTS = 5;

    private final String pattern;
    private final StreamFiles files;
    private final LogFileSourceConfig config;
    private final RotationCounts counts;
    private final CopiesBeside beside;
    private final CopyHandover handover;

    public BesideCopies(String pattern, StreamFiles files, LogFileSourceConfig config, RotationCounts counts, CopyHandover handover) {
        this.pattern = pattern;
        this.files = files;
        this.config = config;
        this.counts = counts;
        this.beside = new CopiesBeside(config.exclude);
        this.handover = handover;
    }

    /**
     * With copytruncate.copies=beside: the copy of {@code file} among the files named after it,
     * read from the mark before {@code next}; then the copies made after it (rotations Thor had not
     * reached yet), whole and in order. Each is opened at once: no listing follows it when
     * logrotate renames it on ({@code app.log.2} to {@code app.log.3}), its open handle does.
     * Returns whether the copy was found.
     */
    boolean takeOver(TrackedFile file, TrackedFile next, ReadMark mark, ReadMark seen) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<TrackedFile> copies = openCopiesBeside(file, mark, seen);
            if (copies == null) {
                continue; // one moved between the listing and its opening: list again
            }
            if (copies.isEmpty()) {
                return false;
            }
            handover.readCopies(file, next, mark, copies);
            if (next == file) {
                followRotationMeanwhile(file, copies.get(copies.size() - 1));
            }
            return true;
        }
        return false;
    }

    /**
     * After a restart: the file holds other content than what was read of it, so copytruncate
     * rotated it while Thor was down (being down is being behind). The copy holding the stored
     * position is read from there, then every later copy whole, oldest first, then the file.
     */
    public void resumeBeside(TrackedFile file, StreamOffset.Entry stored, Predicate<TrackedFile> open) {
        if (!open.test(file)) {
            return;
        }
        ReadMark mark = stored.mark();
        log.info("Stream {}: {} no longer holds the {} bytes read of it: it was truncated (copytruncate) while"
                + " Thor was stopped; looking for its copies beside it", pattern, file.path(), mark.position());
        counts.rotated();
        if (!takeOver(file, file, mark, mark)) {
            counts.lostToRotation(stored.unreadSeen());
            log.warn("Stream {}: no file beside {} holds the {} bytes read of it (removed by rotation while Thor"
                    + " was stopped?); the lines after that byte are lost ({} bytes seen before the stop, and any"
                    + " written after), those in {} are read", pattern, file.path(), mark.position(),
                    stored.unreadSeen(), file.path());
        }
    }

    /**
     * After a restart, for a file whose stored position was at its start: the copies beside it
     * that no stored entry knows and that were written after the newest file finished before
     * the stop were made while Thor was down; they are read whole, oldest first, before the file.
     */
    public void resumeNewerCopies(TrackedFile file, long finishedMtime) {
        Map<String, StreamScanner.Found> missed = new LinkedHashMap<>();
        // a copy renamed on as it is opened is found under its new name by the next listing
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            missed.clear();
            for (StreamScanner.Found found : beside.of(file.path(), files::knows)) {
                if (found.stat().mtimeMillis() <= finishedMtime) {
                    continue;
                }
                TrackedFile copy = besideCopy(found);
                try {
                    copy.open(config.maxLineBytes, config.charset);
                } catch (IOException e) {
                    missed.put(found.stat().key(), found);
                    continue;
                }
                log.info("Stream {}: reading {}, a copy of {} made while Thor was stopped", pattern, copy.path(), file.path());
                counts.rotated();
                files.placeBefore(copy, file);
            }
            if (missed.isEmpty()) {
                return;
            }
        }
        for (StreamScanner.Found found : missed.values()) {
            counts.lostToRotation(found.stat().size());
            log.warn("Stream {}: {}, a copy of {} made while Thor was stopped, was removed before it could be read;"
                    + " its {} bytes are lost", pattern, found.path(), file.path(), found.stat().size());
        }
    }

    /**
     * copytruncate rotated {@code file} since it was read, once or more, and it grew back unseen
     * ({@link BesideCopyWatch}): the copy holding what was read of it is read from there, then the
     * later copies whole, oldest first, then what the file holds now. Returns false, changing
     * nothing, when a copy cannot be opened (it moved): it is looked at again.
     */
    public boolean rotatedBeside(TrackedFile file, List<StreamScanner.Found> owed) throws IOException {
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
        handover.readCopies(file, file, mark, copies);
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
            if (file.position() == 0 && file.seenMark().position() > 0 && CopyHandover.holds(newestCopy, file.mark(), file.seenMark())) {
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
            if (!copies.isEmpty() || CopyHandover.holds(found, mark, seen)) {
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
}
