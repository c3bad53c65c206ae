package org.thor.file.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.file.find.CopiesBeside;
import org.thor.file.find.NameWatch;
import org.thor.file.find.PatternRoot;
import org.thor.file.find.StreamScanner;
import org.thor.file.offset.DirectoryPartition;
import org.thor.file.offset.StoredPositions;
import org.thor.file.rotation.BesideCopies;
import org.thor.file.rotation.BesideCopyWatch;
import org.thor.file.rotation.CopyHandover;
import org.thor.file.rotation.CopyTruncation;
import org.thor.file.tracking.RotationCounts;
import org.thor.file.tracking.StreamFiles;
import org.thor.file.tracking.TrackedFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One stream: the files one glob pattern matches, read oldest first. A file is read to its end
 * before lines of a newer one are sent; an older file that grows again is read again first; a
 * file is finished (closed) once a newer file exists and it has not grown for close.inactive.ms.
 * Renames keep a file's identity (device and inode); copytruncate is handled by {@link CopyTruncation}.
 */
public final class FileStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileStream.class);

    public final String pattern;
    public final Path root;
    private DirectoryPartition partition;
    private final LogFileSourceConfig config;
    private final StreamScanner scanner;
    private final StreamFiles files;
    private final CopyTruncation copies;
    /** With copytruncate.copies=beside, else null. */
    private final BesideCopies beside;
    private final StreamListing listing;
    private final NameWatch names;
    private final RotationCounts counts;
    /** With copytruncate.copies=beside: the copies made beside a file, looked at before it is read on. */
    private final BesideCopyWatch besideCopies;
    private final FileOpener opener;
    private final WaitingFiles waiting;
    /** Made once the partition is known, at start. */
    private FileReads reads;
    /** The watch's mark, the time and the listings made, as the last read began. */
    private long readMark = -1;
    private long readMillis;
    private long readListings = -1;
    /** The last read found less than it was allowed to read: every file of the stream is at its end. */
    private boolean atEnd = true;
    private volatile List<StreamFiles.Progress> progress = List.of();
    private volatile int openFiles;

    /**
     * @param earlierPatterns the connector's patterns before this one: the files they match are theirs
     * @param names what the task's file-change watch vouches for
     */
    public FileStream(String pattern, List<String> earlierPatterns, LogFileSourceConfig config, RotationCounts counts, NameWatch names) {
        this.pattern = pattern;
        this.root = PatternRoot.of(pattern).directory();
        this.config = config;
        this.scanner = new StreamScanner(pattern, earlierPatterns, config.exclude);
        this.files = new StreamFiles(pattern);
        CopyHandover handover = new CopyHandover(pattern, files, config);
        this.beside = config.copiesBeside ? new BesideCopies(pattern, files, config, counts, handover) : null;
        this.copies = new CopyTruncation(pattern, files, config, counts, handover, beside);
        this.listing = new StreamListing(pattern, config, scanner, files, copies, counts, names);
        this.names = names;
        this.counts = counts;
        this.besideCopies = config.copiesBeside ? new BesideCopyWatch(pattern, new CopiesBeside(config.exclude), names) : null;
        this.opener = new FileOpener(config, scanner, listing);
        this.waiting = new WaitingFiles(scanner, files, copies, beside, besideCopies, opener);
    }

    /** The files the stream finds at start, to be matched to the stored positions. */
    public StreamRestore listForRestore(long now) {
        List<StreamScanner.Found> found = listing.settled(now);
        List<StreamScanner.Found> beside = new ArrayList<>();
        if (config.copiesBeside) {
            CopiesBeside copiesBeside = new CopiesBeside(config.exclude);
            found.forEach(file -> beside.addAll(copiesBeside.of(file.path(), candidate -> false)));
        }
        return new StreamRestore(pattern, root, found, beside, now);
    }

    /** Picks up where the stored positions left off, or starts fresh when it has none. */
    public void start(StreamRestore restore, StoredPositions positions, DirectoryPartition partition) {
        this.partition = partition;
        this.reads = new FileReads(pattern, config, files, copies, listing, waiting, opener, partition, counts);
        Map<String, TrackedFile> finished = new HashMap<>();
        long finishedMtime = restore.resumes(positions) ? positions.finishedMtime(pattern, root) : Long.MIN_VALUE;
        List<TrackedFile> live = restore.restore(positions, finishedMtime, config, finished);
        files.restore(live, finished, finishedMtime);
        if (config.copiesBeside) {
            // the newest copy known before the stop: those newer that no entry knows were made while Thor was down
            long newestKnown = files.finishedMtime();
            for (TrackedFile file : files.snapshot()) {
                if (file.role().beside()) {
                    opener.open(file); // no listing shows it: its open handle follows it when logrotate renames it on
                    newestKnown = Math.max(newestKnown, file.lastChangeMillis());
                }
            }
            for (TrackedFile file : files.snapshot()) {
                if (file.role().beside()) {
                    continue;
                }
                var stored = positions.takeUnfinished(file.key);
                if (stored.isPresent()) {
                    beside.resumeBeside(file, stored.get().entry(), opener::open);
                } else if (newestKnown != Long.MIN_VALUE && file.position() == 0) {
                    beside.resumeNewerCopies(file, newestKnown);
                }
            }
        }
        if (besideCopies != null) {
            // the copies there now were handled above, or were never this run's to read: those made from now on are
            for (TrackedFile file : files.snapshot()) {
                if (!file.role().beside() && !file.compressed && opener.open(file)) {
                    besideCopies.owed(file, waiting::ownOrKnown, System.currentTimeMillis());
                }
            }
        }
        log.info("Stream {}: {} files to read, {} already finished", pattern, files.size(), files.finishedCount());
        publishEntries();
    }

    /** The source partition its records' offsets are stored under. */
    public Map<String, String> partition() {
        return partition.key();
    }

    /** Tells the partition's other streams where this one is, for their records' offsets. */
    private void publishEntries() {
        if (partition.shared()) {
            StringBuilder live = new StringBuilder();
            files.appendOthers(-1, live, live);
            partition.publish(pattern, new DirectoryPartition.Entries(live.toString(), files.finishedEntries(),
                    files.finishedMtime()));
        }
    }

    /** Reads up to {@code maxLines} lines, oldest file first; returns how many were handed to the sink. */
    public int read(int maxLines, LineSink sink, long now) {
        if (atEnd && now - readMillis < config.scanIntervalMs && settledSinceRead()) {
            return 0; // every file was at its end, and nothing was written, truncated or renamed since
        }
        readMark = names.mark();
        readMillis = now;
        readListings = listing.listings();
        int[] count = {0};
        // a file not yet known to be a copy or a file of its own holds back the files after it: their lines come later
        boolean undecided = false;
        boolean heldBack = false;
        for (int i = 0; i < files.size() && count[0] < maxLines; i++) {
            TrackedFile file = files.get(i);
            if (file.state() == TrackedFile.State.COPY) {
                undecided |= undecided(file);
                continue;
            }
            if (file.state() != TrackedFile.State.LIVE) {
                continue;
            }
            if (undecided || copies.awaitsCopy(file, now)) {
                heldBack = true; // what it holds is left to read: the next read must not take the stream as settled
                continue;
            }
            FileOpener.Opened opened = opener.tryOpen(file);
            if (opened == FileOpener.Opened.GONE) {
                copies.vanished(file, now); // what it held unread is owed to a copy, else counted lost
                i--;
                continue;
            }
            if (opened == FileOpener.Opened.MOVED) {
                // renamed on before it was first opened (logrotate shifting app.log.N): the files after it wait
                heldBack = true;
                break;
            }
            if (opened != FileOpener.Opened.OPEN) {
                continue;
            }
            try {
                FileReads.Next next = file.compressed ? reads.readCompressed(file, i, maxLines, count, sink, now)
                        : reads.readPlain(file, i, maxLines, count, sink, now);
                if (next == FileReads.Next.START_OVER) {
                    i = -1;
                    undecided = false;
                } else if (next == FileReads.Next.SAME_INDEX) {
                    i--;
                } else {
                    undecided |= undecided(file);
                }
            } catch (IOException e) {
                scanner.unreadableFiles().failed(file.path(), e);
                file.close();
            }
        }
        atEnd = count[0] < maxLines && !heldBack;
        publishProgress();
        publishEntries();
        return count[0];
    }

    /**
     * A file held back as a copy of a file still in place, or one with bytes none of which were
     * read yet: perhaps a copy, perhaps a file of its own. (A copy whose original was removed or
     * renamed away is one: that is its cause, and nothing waits for it.)
     */
    private static boolean undecided(TrackedFile file) {
        if (file.state() == TrackedFile.State.COPY) {
            return file.original().presentAtPath();
        }
        return file.state() == TrackedFile.State.LIVE && !file.started() && file.size() > 0;
    }

    /**
     * Nothing the last read did not see: no listing since; one file followed at most, and started
     * (none waiting for a decision, a copy, or to be finished once idle for close.inactive.ms); and
     * the watch vouches that nothing changed in the stream's directories.
     */
    private boolean settledSinceRead() {
        if (listing.listings() != readListings || !copies.owesNothing()) {
            return false;
        }
        List<TrackedFile> live = files.snapshot().stream().filter(file -> file.state() == TrackedFile.State.LIVE).toList();
        return live.size() <= 1 && live.stream().allMatch(TrackedFile::started)
                && listing.directories().stream().allMatch(directory -> names.untouchedSince(directory, readMark));
    }

    /** Between reads: lists the directories when due, and keeps track of files waiting to be read. */
    public void maintain(long now) {
        listing.listIfDue(now, atEnd);
        copies.settleCopies(now);
        if (!settledSinceRead()) { // else every file is followed, and as the last read left it: nothing to decide or watch
            waiting.decideNewFiles(now);
            waiting.watchWaitingFiles(now);
        }
        copies.expire(now);
        publishProgress();
        publishEntries();
    }

    /**
     * What is left to read, measured now: the metrics thread stats the files itself, because the
     * task thread may be blocked inside Connect (a full producer buffer) exactly when it matters.
     */
    public long bytesBehind() {
        long behind = 0;
        for (StreamFiles.Progress file : progress) {
            if (file.compressed()) {
                continue; // its size on disk says nothing about its content
            }
            try {
                behind += Math.max(0, Files.size(file.path()) - file.position());
            } catch (IOException e) {
                // gone: nothing more can be read from it by name
            }
        }
        return behind;
    }

    /** The directories where this stream's lines come from: those of its files, and where its pattern starts. */
    public void addDirectories(Set<Path> into) {
        into.addAll(listing.directories());
    }

    /** Whether {@code path} is where one of this stream's files is now. */
    public boolean follows(Path path) {
        return files.snapshot().stream().anyMatch(file -> file.path().equals(path));
    }

    public int openFiles() {
        return openFiles;
    }

    /** The stream's files that cannot be read now (a mode that stops Thor's user, a symlink loop): retried until they open. */
    public List<Path> unreadableFiles() {
        return scanner.unreadableFiles().paths();
    }

    private void publishProgress() {
        progress = files.progress();
        openFiles = files.openCount();
    }

    @Override
    public void close() {
        files.close();
    }
}
