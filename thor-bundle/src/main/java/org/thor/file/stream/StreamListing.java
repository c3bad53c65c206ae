package org.thor.file.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.find.NameWatch;
import org.thor.file.find.StreamScanner;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.FileKeys;
import org.thor.file.identity.Fingerprint;
import org.thor.file.rotation.CopyTruncation;
import org.thor.file.tracking.ListingPresence;
import org.thor.file.tracking.RotationCounts;
import org.thor.file.tracking.StreamFiles;
import org.thor.file.tracking.TrackedFile;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Keeps a stream's files in step with its directories: lists them when due and takes what the
 * listing shows into {@link StreamFiles}: new files, renames, files gone (handed to
 * {@link CopyTruncation}, which waits for their copies) and finished files that grew again.
 */
final class StreamListing {

    private static final Logger log = LoggerFactory.getLogger(StreamListing.class);
    /** Files changed this recently are checked by their first bytes, since inode timestamps are coarse. */
    private static final long RECENT_MS = 60_000;
    /** How soon a file or directory that could not be looked at is looked at again. */
    private static final long RETRY_MS = 1_000;
    /** How often a listing at start is made again while files move under it (logrotate renaming its files). */
    private static final int SETTLE_ATTEMPTS = 20;

    private final String pattern;
    private final LogFileSourceConfig config;
    private final StreamScanner scanner;
    private final StreamFiles files;
    private final CopyTruncation copies;
    private final RotationCounts counts;
    private final NameWatch names;
    private long lastScanMillis = Long.MIN_VALUE / 2;
    /** The watch's mark taken as the last listing began. */
    private long listedAt = -1;
    private long listings;
    /** A file was not where it was last seen: list the directories at the next chance. */
    private boolean rescan;

    StreamListing(String pattern, LogFileSourceConfig config, StreamScanner scanner, StreamFiles files,
                  CopyTruncation copies, RotationCounts counts, NameWatch names) {
        this.pattern = pattern;
        this.names = names;
        this.config = config;
        this.scanner = scanner;
        this.files = files;
        this.copies = copies;
        this.counts = counts;
    }

    /**
     * The files, from listings made when no rename was under way, as many as it takes for a file
     * to be gone: the stored offset is matched against them, and a stored file missed because it
     * was being renamed would have its unsent lines taken for lost.
     */
    List<StreamScanner.Found> settled(long now) {
        lastScanMillis = now;
        listedAt = names.mark();
        listings++;
        Map<String, StreamScanner.Found> byKey = new HashMap<>();
        for (int listing = 0; listing < ListingPresence.LISTINGS_TO_BE_GONE; listing++) {
            List<StreamScanner.Found> found = scanner.scan();
            for (int attempt = 1; scanner.raced() && attempt < SETTLE_ATTEMPTS; attempt++) {
                found = scanner.scan();
            }
            found.forEach(file -> byKey.put(file.stat().key(), file));
        }
        return byKey.values().stream().sorted(StreamScanner.OLDEST_FIRST).toList();
    }

    /**
     * Lists the directories every scan.interval.ms; and when the stream's files are all at their
     * end ({@code atEnd}), as often as it is asked (every poll.interval.ms), as soon as a cheap
     * check (the matched names, and the inode behind each file being read) says something
     * changed, so that a newer file is followed at once.
     */
    void listIfDue(long now, boolean atEnd) {
        if (rescan || now - lastScanMillis >= config.scanIntervalMs || atEnd && somethingMoved(now)) {
            list(now);
        }
    }

    /**
     * Lists now if a name changed in the stream's directory since the last listing, as the watch
     * says: a rotation while a file is read, whose copies must be known before more of it is read.
     * Returns whether it listed.
     */
    boolean listIfRenamed(long now) {
        if (!scanner.oneDirectory() || watchVouchesForNames()) {
            return false;
        }
        list(now);
        return true;
    }

    /** A file was not found where it was listed: list again at the next chance. */
    void listSoon() {
        rescan = true;
    }

    private boolean somethingMoved(long now) {
        if (scanner.incomplete() && now - lastScanMillis >= RETRY_MS) {
            return true;
        }
        if (watchVouchesForNames()) {
            return false;
        }
        // what the check below finds unchanged need not be checked again until the watch sees a change after it
        long mark = names.mark();
        if (scanner.namesChanged()) {
            return true;
        }
        for (TrackedFile file : files.snapshot()) {
            if (file.state() == TrackedFile.State.LIVE && !file.gone()) {
                try {
                    if (!file.key.equals(FileKeys.of(file.path()))) {
                        return true;
                    }
                } catch (IOException e) {
                    return true;
                }
            }
        }
        listedAt = mark;
        return false;
    }

    /**
     * No file was created, deleted or renamed in any of the stream's directories since the last
     * listing, as the watch says: then the names and the files behind them are as listed.
     */
    private boolean watchVouchesForNames() {
        return scanner.oneDirectory() && directories().stream().allMatch(directory -> names.unchangedSince(directory, listedAt));
    }

    /** The directories of the stream: its pattern's, where new files appear, and those of its files. */
    Set<Path> directories() {
        Set<Path> directories = new HashSet<>();
        directories.add(scanner.root());
        for (TrackedFile file : files.snapshot()) {
            if (!file.gone() && file.path().getParent() != null) {
                directories.add(file.path().getParent());
            }
        }
        return directories;
    }

    /** How many listings were made: one more means the stream's files may have changed. */
    long listings() {
        return listings;
    }

    /** Lists the directories now and takes what changed into the stream's files. */
    void list(long now) {
        lastScanMillis = now;
        listedAt = names.mark();
        listings++;
        rescan = false;
        Set<String> seen = new HashSet<>();
        boolean newerHeldBack = false;
        for (StreamScanner.Found found : scanner.scan()) {
            FileKeys.Stat stat = found.stat();
            TrackedFile file = files.tracked(stat.key());
            if (file != null && !file.isOpen() && file.compressed != FileContent.isCompressed(found.path())) {
                // no rename makes an archive of a log: a new file took the inode of one gone (none held it open),
                // which goes first
                rescan = true;
                newerHeldBack = true;
                continue;
            }
            seen.add(stat.key());
            if (file != null) {
                if (!file.path().equals(found.path())) {
                    log.info("Stream {}: {} was renamed to {}", pattern, file.path(), found.path());
                    counts.rotated();
                    file.disk().movedTo(found.path());
                }
                if (stat.size() != file.size()) {
                    // smaller is a truncation, left for the read: the size seen before it tells what was left unread
                    file.disk().changedAt(Math.max(file.size(), stat.size()), now);
                }
                file.disk().modifiedAt(stat.mtimeNanos());
                file.listed(true);
            } else if (!resumeFinished(found, now) && !newerHeldBack) {
                // a new file renamed under the listing is taken up at the next: those written after it wait for it
                newerHeldBack = !addNew(found, now);
            }
        }
        if (scanner.raced()) {
            // a file missing from this listing may only have been renamed meanwhile: ask again
            rescan = true;
            return;
        }
        // a copy found beside a truncated file is not the pattern's to list
        Predicate<TrackedFile> shown = file -> seen.contains(file.key) || file.role().beside() || scanner.unlisted(file.path());
        for (TrackedFile file : files.snapshot()) {
            if (file.listed(shown.test(file)) && !file.isOpen()) {
                if (file.state() == TrackedFile.State.LIVE) {
                    copies.vanished(file, now);
                } else {
                    files.remove(file);
                }
            }
            rescan |= file.perhapsGone();
        }
        rescan |= files.keepFinished(shown);
    }

    /**
     * Its first bytes are taken now, so that a truncation before its first read is noticed too.
     * An old file that only now matches (copied in with its times, a directory that appeared) is
     * idle since its modification, not since it was found. False when it was renamed since the
     * listing: it is taken up at the next, under its new name.
     */
    private boolean addNew(StreamScanner.Found found, long now) {
        FileKeys.Stat stat = found.stat();
        Fingerprint start = Fingerprint.of(found.path(), stat.key());
        if (start == null) {
            rescan = true;
            return false;
        }
        files.addNew(new TrackedFile(stat.key(), found.path(), start, 0, stat.size(), Math.min(now, stat.mtimeMillis())),
                stat.mtimeNanos());
        counts.rotated();
        log.info("Stream {}: new file {}", pattern, found.path());
        return true;
    }

    /**
     * A finished file that grew again is read again from where it was finished. A file that merely
     * reuses a finished file's inode (deleted, then a new file created) is not that file: unless the
     * file is old and unchanged, its first bytes decide.
     */
    private boolean resumeFinished(StreamScanner.Found found, long now) {
        TrackedFile file = files.finished(found.stat().key());
        if (file == null) {
            return false;
        }
        FileKeys.Stat stat = found.stat();
        file.disk().movedTo(found.path());
        boolean unchanged = stat.mtimeMillis() == file.disk().finishedMtimeMillis();
        if (unchanged && (file.compressed || stat.size() == file.position() && now - stat.mtimeMillis() > RECENT_MS)) {
            return true;
        }
        boolean held;
        try {
            long size = file.compressed ? -1 : stat.size();
            held = FileContent.readOnce(file.path(), file.key, content -> file.mark().provenBy(content, size));
        } catch (FileKeys.MovedException | NoSuchFileException e) {
            rescan = true; // renamed since the listing: decided when it is listed under its new name
            return true;
        } catch (IOException e) {
            held = false;
        }
        // an archive does not grow: it is the finished file if it still holds what was read
        if (!held) {
            files.forgetFinished(file.key);
            return false;
        }
        if (file.compressed) {
            file.disk().finishedAt(stat.mtimeMillis());
            return true;
        }
        if (stat.size() > file.position()) {
            log.info("Stream {}: finished file {} grew; sending its new lines", pattern, file.path());
            file.disk().changedAt(stat.size(), now);
            files.reopen(file);
        }
        file.disk().finishedAt(stat.mtimeMillis());
        return true;
    }
}
