package org.thor.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.file.identity.FileKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
final class FileStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileStream.class);

    /** Receives each line, with the stream's offset after it. */
    interface LineSink {
        void line(TrackedFile file, LineReader line, Map<String, Object> offset);

        /** Whether the sink takes no more lines now (its batch holds as many bytes as may be in flight). */
        boolean full();
    }

    final String pattern;
    final Path root;
    private DirectoryPartition partition;
    private final LogFileSourceConfig config;
    private final StreamScanner scanner;
    private final StreamFiles files;
    private final CopyTruncation copies;
    /** With copytruncate.copies=beside, else null. */
    private final BesideCopies beside;
    private final StreamListing listing;
    private final NameWatch names;
    /** With copytruncate.copies=beside: the copies made beside a file, looked at before it is read on. */
    private final BesideCopyWatch besideCopies;
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
    FileStream(String pattern, List<String> earlierPatterns, LogFileSourceConfig config, RotationCounts counts, NameWatch names) {
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
        this.besideCopies = config.copiesBeside ? new BesideCopyWatch(pattern, new CopiesBeside(config.exclude), names) : null;
    }

    /** The files the stream finds at start, to be matched to the stored positions. */
    StreamRestore listForRestore(long now) {
        List<StreamScanner.Found> found = listing.settled(now);
        List<StreamScanner.Found> beside = new ArrayList<>();
        if (config.copiesBeside) {
            CopiesBeside copiesBeside = new CopiesBeside(config.exclude);
            found.forEach(file -> beside.addAll(copiesBeside.of(file.path(), candidate -> false)));
        }
        return new StreamRestore(pattern, found, beside, now);
    }

    /** Picks up where the stored positions left off, or starts fresh when it has none. */
    void start(StreamRestore restore, StoredPositions positions, DirectoryPartition partition) {
        this.partition = partition;
        Map<String, TrackedFile> finished = new HashMap<>();
        long finishedMtime = restore.resumes(positions) ? positions.finishedMtime(pattern, root) : Long.MIN_VALUE;
        List<TrackedFile> live = restore.restore(positions, finishedMtime, config, finished);
        files.restore(live, finished, finishedMtime);
        if (config.copiesBeside) {
            // the newest copy known before the stop: those newer that no entry knows were made while Thor was down
            long newestKnown = files.finishedMtime();
            for (TrackedFile file : files.snapshot()) {
                if (file.beside()) {
                    open(file); // no listing shows it: its open handle follows it when logrotate renames it on
                    newestKnown = Math.max(newestKnown, file.lastChangeMillis());
                }
            }
            for (TrackedFile file : files.snapshot()) {
                if (file.beside()) {
                    continue;
                }
                var stored = positions.takeUnfinished(file.key);
                if (stored.isPresent()) {
                    beside.resumeBeside(file, stored.get().entry(), this::open);
                } else if (newestKnown != Long.MIN_VALUE && file.position() == 0) {
                    beside.resumeNewerCopies(file, newestKnown);
                }
            }
        }
        if (besideCopies != null) {
            // the copies there now were handled above, or were never this run's to read: those made from now on are
            for (TrackedFile file : files.snapshot()) {
                if (!file.beside() && !file.compressed && open(file)) {
                    besideCopies.owed(file, this::ownOrKnown, System.currentTimeMillis());
                }
            }
        }
        log.info("Stream {}: {} files to read, {} already finished", pattern, files.size(), files.finishedCount());
    }

    /** The source partition its records' offsets are stored under. */
    Map<String, String> partition() {
        return partition.key;
    }

    void appendLiveEntries(StringBuilder out) {
        files.appendOthers(-1, out, out);
    }

    String finishedEntries() {
        return files.finishedEntries();
    }

    long finishedMtime() {
        return files.finishedMtime();
    }

    /** What the read loop does after a file: go on, start over (the order changed), or stay (the file left). */
    private enum Next { ON, START_OVER, SAME_INDEX }

    /** Reads up to {@code maxLines} lines, oldest file first; returns how many were handed to the sink. */
    int read(int maxLines, LineSink sink, long now) {
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
            if (!open(file)) {
                continue;
            }
            try {
                Next next = file.compressed ? readCompressed(file, i, maxLines, count, sink, now)
                        : readPlain(file, i, maxLines, count, sink, now);
                if (next == Next.START_OVER) {
                    i = -1;
                    undecided = false;
                } else if (next == Next.SAME_INDEX) {
                    i--;
                } else {
                    undecided |= undecided(file);
                }
            } catch (IOException e) {
                scanner.reportOnce(file.path().toString(), e);
                file.close();
            }
        }
        atEnd = count[0] < maxLines && !heldBack;
        publishProgress();
        return count[0];
    }

    private Next readPlain(TrackedFile file, int index, int maxLines, int[] count, LineSink sink, long now)
            throws IOException {
        try {
            return readPlainUnlessRewritten(file, index, maxLines, count, sink, now);
        } catch (RewrittenException e) {
            // before its size is updated: the size last seen tells how much was left unread
            copies.truncated(file, now, () -> listing.list(now), this::open);
            return Next.START_OVER;
        }
    }

    private Next readPlainUnlessRewritten(TrackedFile file, int index, int maxLines, int[] count, LineSink sink, long now)
            throws IOException {
        long size = file.channel().size();
        long readPosition = file.reader().readPosition();
        if (followedBesideCopies(file, now) || file.started() && listing.listIfRenamed(now) && decideNewFiles(now)) {
            return Next.START_OVER;
        }
        if (size < readPosition || !file.unchanged(size > readPosition)) {
            throw new RewrittenException();
        }
        file.sizeNow(size, now);
        if (!file.started() && size > 0) {
            CopyTruncation.Decision decision = copies.decide(file, now);
            if (decision != CopyTruncation.Decision.READ) {
                return decision == CopyTruncation.Decision.RESTART ? Next.START_OVER : Next.ON;
            }
        }
        count[0] += readLines(file, index, maxLines - count[0], sink, false);
        if (count[0] < maxLines && mayFinish(file, index, now)) {
            count[0] += readLines(file, index, maxLines - count[0], sink, true);
            if (!file.reader().holdsPartialLine()) {
                files.finish(file);
                return Next.SAME_INDEX;
            }
        }
        return Next.ON;
    }

    /**
     * A compressed file does not grow: once it has stayed unchanged a moment (it is not being
     * written any more) it is read through and finished at its end. One that ends early is
     * waited for while it changes, else reported and finished where it breaks.
     */
    private Next readCompressed(TrackedFile file, int index, int maxLines, int[] count, LineSink sink, long now)
            throws IOException {
        long size = file.channel().size();
        file.sizeNow(size, now);
        if (!file.started()) {
            if (now - file.lastChangeMillis() < CopyTruncation.DECISION_MS) {
                return Next.ON;
            }
            CopyTruncation.Decision decision = copies.decide(file, now);
            if (decision != CopyTruncation.Decision.READ) {
                return decision == CopyTruncation.Decision.RESTART ? Next.START_OVER : Next.ON;
            }
        }
        count[0] += readLines(file, index, maxLines - count[0], sink, false);
        if (count[0] >= maxLines) {
            return Next.ON;
        }
        if (file.contentEnded()) {
            count[0] += readLines(file, index, maxLines - count[0], sink, true);
            files.finish(file);
            return Next.SAME_INDEX;
        }
        IOException damage = file.contentDamage();
        if (damage != null) {
            if (now - file.lastChangeMillis() < config.closeInactiveMs) {
                file.close(); // still being written, perhaps: read again from the last line sent
                return Next.ON;
            }
            log.warn("Stream {}: {} cannot be read past byte {} of its content ({}); its remaining lines are lost",
                    pattern, file.path(), file.reader().readPosition(), damage.toString());
            files.finish(file);
            return Next.SAME_INDEX;
        }
        return Next.ON;
    }

    /**
     * Whether copies made beside the file (not ones the pattern matches) since it was read or
     * seen hold lines it no longer does: then they are read first, and the file anew.
     */
    private boolean followedBesideCopies(TrackedFile file, long now) throws IOException {
        if (besideCopies == null || file.beside() || file.complete() || file.compressed) {
            return false;
        }
        List<StreamScanner.Found> owed = besideCopies.owed(file, this::ownOrKnown, now);
        return !owed.isEmpty() && beside.rotatedBeside(file, owed);
    }

    /** Whether a file beside one of the stream's is one the stream reads (its pattern matches it) or tracks. */
    private boolean ownOrKnown(StreamScanner.Found found) {
        return scanner.matches(found.path()) || files.knows(found);
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
    void maintain(long now) {
        listing.listIfDue(now, atEnd);
        copies.settleCopies(now);
        if (!settledSinceRead()) { // else every file is followed, and as the last read left it: nothing to decide or watch
            decideNewFiles(now);
            watchWaitingFiles(now);
        }
        copies.expire(now);
        publishProgress();
    }

    /**
     * Files just listed are decided about at once, before more of the files they may be copies of
     * is read: a copy is proven by holding what was read of its original, so the sooner it is
     * looked at, the surer that is. Returns whether the order of the files changed.
     */
    private boolean decideNewFiles(long now) {
        boolean reordered = false;
        for (TrackedFile file : files.snapshot()) {
            if (file.state() != TrackedFile.State.LIVE || file.started() || file.compressed || file.size() == 0 || !open(file)) {
                continue;
            }
            try {
                reordered |= copies.decide(file, now) == CopyTruncation.Decision.RESTART;
            } catch (IOException e) {
                // the read reports it
            }
        }
        return reordered;
    }

    /**
     * Files waiting to be read are watched as they are written: their first bytes are completed
     * while short, and their end is noted ({@link TrackedFile#see()}), so that one truncated and
     * written again before Thor reads it (same banner, even past the old end) is still found
     * truncated, and its copy proven by what was seen of it.
     */
    private void watchWaitingFiles(long now) {
        for (TrackedFile file : files.snapshot()) {
            if (file.state() != TrackedFile.State.LIVE || file.compressed || file.gone() || !open(file)) {
                continue;
            }
            try {
                if (followedBesideCopies(file, now)) {
                    continue;
                }
                if (!file.fingerprint().isFull()) {
                    file.startUnchanged(); // a changed start is left for the read, which handles the truncation
                }
                file.see();
            } catch (IOException e) {
                // the read reports it
            }
        }
    }

    /**
     * What is left to read, measured now: the metrics thread stats the files itself, because the
     * task thread may be blocked inside Connect (a full producer buffer) exactly when it matters.
     */
    long bytesBehind() {
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
    void addDirectories(Set<Path> into) {
        into.addAll(listing.directories());
    }

    /** Whether {@code path} is where one of this stream's files is now. */
    boolean follows(Path path) {
        for (TrackedFile file : files.snapshot()) {
            if (file.path().equals(path)) {
                return true;
            }
        }
        return false;
    }

    int openFiles() {
        return openFiles;
    }

    private void publishProgress() {
        progress = files.progress();
        openFiles = files.openCount();
    }

    private boolean open(TrackedFile file) {
        if (file.isOpen()) {
            return true;
        }
        try {
            file.open(config.maxLineBytes, config.charset);
            scanner.clearReport(file.path().toString());
            return true;
        } catch (NoSuchFileException | FileKeys.MovedException e) {
            listing.listSoon();
            return false;
        } catch (IOException e) {
            scanner.reportOnce(file.path().toString(), e);
            return false;
        }
    }

    /**
     * The file no longer holds what was read of it: it was truncated (copytruncate) and perhaps
     * written again past the position, or its first bytes changed.
     */
    private static final class RewrittenException extends IOException {
        private static final long serialVersionUID = 1L;

        RewrittenException() {
            super("rewritten under the read");
        }
    }

    private int readLines(TrackedFile file, int index, int maxLines, LineSink sink, boolean finishing)
            throws IOException {
        LineReader reader = file.reader();
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        files.appendOthers(index, before, after);
        RecordOffset.Frame frame = partition.frame(this, before.toString(), StreamOffset.entryPrefix(file),
                after.toString());
        int count = 0;
        while (count < maxLines && !sink.full()) {
            if (!reader.next(finishing)) {
                if (reader.fill(file.content()) > 0) {
                    // truncated and written again between the check before the read and the read itself?
                    if (!file.compressed && !file.unchanged(false)) {
                        throw new RewrittenException();
                    }
                    continue;
                }
                break;
            }
            long tailHash = reader.tailHash();
            file.advance(reader.lineEnd, tailHash, reader.digest());
            // what the reader holds beyond the line was in the file too: lost, not unknown, if it goes unread
            long seenEnd = Math.max(file.position() + file.unreadSeen(), reader.readPosition());
            sink.line(file, reader, new RecordOffset(frame, file.position(), tailHash, reader.digest(), seenEnd));
            count++;
        }
        return count;
    }

    private boolean mayFinish(TrackedFile file, int index, long now) throws IOException {
        if (file.reader().readPosition() < file.channel().size()) {
            return false;
        }
        if (file.complete()) {
            return true;
        }
        return now - file.lastChangeMillis() >= config.closeInactiveMs && (file.gone() || files.hasNewerLive(index));
    }

    @Override
    public void close() {
        files.close();
    }
}
