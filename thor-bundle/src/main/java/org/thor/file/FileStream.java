package org.thor.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One stream: the files one glob pattern matches, read oldest first. A file is read to its end
 * before lines of a newer one are sent; an older file that grows again is read again first; a
 * file is finished (closed) once a newer file exists and it has not grown for close.inactive.ms.
 * Renames keep a file's identity (device and inode); copytruncate is handled by {@link CopyTruncation}.
 */
final class FileStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileStream.class);
    /** Files changed this recently are checked by their first bytes, since inode timestamps are coarse. */
    private static final long RECENT_MS = 60_000;
    /** How soon a file or directory that could not be looked at is looked at again. */
    private static final long RETRY_MS = 1_000;
    /** How often a listing at start is made again while files move under it (logrotate renaming its files). */
    private static final int SETTLE_ATTEMPTS = 20;

    /** Receives each line, with the stream's offset after it. */
    interface LineSink {
        void line(TrackedFile file, LineReader line, Map<String, Object> offset);
    }

    final String pattern;
    final Map<String, String> partition;
    private final LogFileSourceConfig config;
    private final StreamScanner scanner;
    private final TaskMetrics metrics;
    private final StreamFiles files;
    private final CopyTruncation copies;
    private long lastScanMillis = Long.MIN_VALUE / 2;
    /** A file was not where it was last seen: list the directories at the next chance. */
    private boolean rescan;
    /** The last read found less than it was allowed to read: every file of the stream is at its end. */
    private boolean atEnd = true;
    private volatile List<StreamFiles.Progress> progress = List.of();
    private volatile int openFiles;

    FileStream(String pattern, LogFileSourceConfig config, TaskMetrics metrics) {
        this.pattern = pattern;
        this.partition = StreamOffset.partition(pattern);
        this.config = config;
        this.scanner = new StreamScanner(pattern, config.exclude);
        this.metrics = metrics;
        this.files = new StreamFiles(pattern);
        this.copies = new CopyTruncation(pattern, files, config, metrics);
    }

    /** Picks up where the stored offset left off, or starts fresh when there is none. */
    void start(Map<String, Object> storedOffset, long now) {
        StreamRestore restore = new StreamRestore(pattern, listWhenSettled(), now);
        lastScanMillis = now;
        if (storedOffset == null) {
            log.info("Stream {}: no stored offset; reading existing files from their {}", pattern,
                    config.readFromEnd ? "end" : config.readFromTimeMillis != Long.MIN_VALUE
                            ? "beginning when modified since " + java.time.Instant.ofEpochMilli(config.readFromTimeMillis)
                            : "beginning");
            Map<String, TrackedFile> skipped = new HashMap<>();
            List<TrackedFile> live = restore.fresh(config.readFromEnd, config.readFromTimeMillis, skipped);
            long skippedMtime = skipped.values().stream().mapToLong(f -> f.finishedMtimeMillis).max().orElse(Long.MIN_VALUE);
            files.restore(live, skipped, skippedMtime);
        } else {
            log.info("Stream {}: resuming from stored offset {}", pattern, storedOffset);
            long finishedMtime = StreamOffset.finishedMtime(storedOffset);
            Map<String, TrackedFile> finished = new HashMap<>();
            files.restore(restore.resume(StreamOffset.entries(storedOffset), finishedMtime, finished), finished,
                    finishedMtime);
        }
        log.info("Stream {}: {} files to read, {} already finished", pattern, files.size(), files.finishedCount());
    }

    /**
     * The files, from listings made when no rename was under way, as many as it takes for a file
     * to be gone: the stored offset is matched against them, and a stored file missed because it
     * was being renamed would have its unsent lines taken for lost.
     */
    private List<StreamScanner.Found> listWhenSettled() {
        Map<String, StreamScanner.Found> byKey = new HashMap<>();
        for (int listing = 0; listing < TrackedFile.LISTINGS_TO_BE_GONE; listing++) {
            List<StreamScanner.Found> found = scanner.scan();
            for (int attempt = 1; scanner.raced() && attempt < SETTLE_ATTEMPTS; attempt++) {
                found = scanner.scan();
            }
            found.forEach(file -> byKey.put(file.stat().key(), file));
        }
        return byKey.values().stream().sorted(StreamScanner.OLDEST_FIRST).toList();
    }

    /** What the read loop does after a file: go on, start over (the order changed), or stay (the file left). */
    private enum Next { ON, START_OVER, SAME_INDEX }

    /** Reads up to {@code maxLines} lines, oldest file first; returns how many were handed to the sink. */
    int read(int maxLines, LineSink sink, long now) {
        int[] count = {0};
        for (int i = 0; i < files.size() && count[0] < maxLines; i++) {
            TrackedFile file = files.get(i);
            if (file.state != TrackedFile.State.LIVE || !open(file)) {
                continue;
            }
            try {
                Next next = file.compressed ? readCompressed(file, i, maxLines, count, sink, now)
                        : readPlain(file, i, maxLines, count, sink, now);
                if (next == Next.START_OVER) {
                    i = -1;
                } else if (next == Next.SAME_INDEX) {
                    i--;
                }
            } catch (IOException e) {
                scanner.reportOnce(file.path.toString(), e);
                file.close();
            }
        }
        atEnd = count[0] < maxLines;
        publishProgress();
        return count[0];
    }

    private Next readPlain(TrackedFile file, int index, int maxLines, int[] count, LineSink sink, long now)
            throws IOException {
        long size = file.channel().size();
        if (size != file.size) {
            file.size = size;
            file.lastChangeMillis = now;
        }
        long readPosition = file.reader().readPosition();
        if (size < readPosition || size > readPosition && !file.startUnchanged()) {
            copies.truncated(file, now, () -> scan(now), this::open);
            return Next.START_OVER;
        }
        if (!file.started && size > 0) {
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
        if (size != file.size) {
            file.size = size;
            file.lastChangeMillis = now;
        }
        if (!file.started) {
            if (now - file.lastChangeMillis < CopyTruncation.DECISION_MS) {
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
            if (now - file.lastChangeMillis < config.closeInactiveMs) {
                file.close(); // still being written, perhaps: read again from the last line sent
                return Next.ON;
            }
            log.warn("Stream {}: {} cannot be read past byte {} of its content ({}); its remaining lines are lost",
                    pattern, file.path, file.reader().readPosition(), damage.toString());
            files.finish(file);
            return Next.SAME_INDEX;
        }
        return Next.ON;
    }

    /**
     * Lists the directories every scan.interval.ms; and when this stream's files are all at their
     * end, as often as it is asked (every poll.interval.ms), as soon as a cheap check (the matched
     * names, and the inode behind each file being read) says something changed, so that a newer
     * file is followed at once.
     */
    void maintain(long now) {
        if (rescan || now - lastScanMillis >= config.scanIntervalMs || atEnd && somethingMoved(now)) {
            scan(now);
        }
        completeShortStarts();
        copies.expire(now);
        publishProgress();
    }

    /**
     * A file truncated while (nearly) empty has a fingerprint of less than its full length, which
     * grows when the file is read; but while older files are still being read it is not, and a
     * second copytruncate could then rewrite it unnoticed (its new content would still start with
     * the short fingerprint), putting what was copied away after what it holds now. So the first
     * bytes of waiting files are taken as they are written.
     */
    private void completeShortStarts() {
        for (TrackedFile file : files.snapshot()) {
            if (file.state == TrackedFile.State.LIVE && file.isOpen() && !file.compressed && !file.fingerprint.isFull()) {
                try {
                    file.startUnchanged(); // a changed start is left for the read, which handles the truncation
                } catch (IOException e) {
                    // the read reports it
                }
            }
        }
    }

    private boolean somethingMoved(long now) {
        if (scanner.incomplete() && now - lastScanMillis >= RETRY_MS || scanner.namesChanged()) {
            return true;
        }
        for (TrackedFile file : files.snapshot()) {
            if (file.state == TrackedFile.State.LIVE && !file.gone) {
                try {
                    if (!file.key.equals(FileKeys.of(file.path))) {
                        return true;
                    }
                } catch (IOException e) {
                    return true;
                }
            }
        }
        return false;
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

    int openFiles() {
        return openFiles;
    }

    private void publishProgress() {
        progress = files.progress();
        openFiles = files.openCount();
    }

    private void scan(long now) {
        lastScanMillis = now;
        rescan = false;
        Set<String> seen = new HashSet<>();
        for (StreamScanner.Found found : scanner.scan()) {
            FileKeys.Stat stat = found.stat();
            seen.add(stat.key());
            TrackedFile file = files.tracked(stat.key());
            if (file != null) {
                if (!file.path.equals(found.path())) {
                    log.info("Stream {}: {} was renamed to {}", pattern, file.path, found.path());
                    metrics.rotations.increment();
                    file.path = found.path();
                }
                if (stat.size() != file.size) {
                    file.size = stat.size();
                    file.lastChangeMillis = now;
                }
                file.listed(true);
            } else if (!resumeFinished(found, now)) {
                addNew(found, now);
            }
        }
        if (scanner.raced()) {
            // a file missing from this listing may only have been renamed meanwhile: ask again
            rescan = true;
            return;
        }
        Predicate<TrackedFile> shown = file -> seen.contains(file.key) || scanner.unlisted(file.path);
        for (TrackedFile file : files.snapshot()) {
            if (file.listed(shown.test(file)) && !file.isOpen()) {
                if (file.state == TrackedFile.State.LIVE) {
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
     * idle since its modification, not since it was found.
     */
    private void addNew(StreamScanner.Found found, long now) {
        FileKeys.Stat stat = found.stat();
        Fingerprint start = Fingerprint.of(found.path(), stat.key());
        if (start == null) {
            rescan = true; // renamed since the listing: it is taken up under its new name
            return;
        }
        files.addNewest(new TrackedFile(stat.key(), found.path(), start, 0, stat.size(), Math.min(now, stat.mtimeMillis())));
        metrics.rotations.increment();
        log.info("Stream {}: new file {}", pattern, found.path());
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
        file.path = found.path();
        boolean unchanged = stat.mtimeMillis() == file.finishedMtimeMillis;
        if (unchanged && (file.compressed || stat.size() == file.position && now - stat.mtimeMillis() > RECENT_MS)) {
            return true;
        }
        Fingerprint start = Fingerprint.of(file.path, file.key);
        if (start == null) {
            rescan = true; // renamed since the listing: decided when it is listed under its new name
            return true;
        }
        // an archive does not grow: it is the finished file if it still starts the same
        if (!file.compressed && stat.size() < file.position || !file.fingerprint.isPrefixOf(start)) {
            files.forgetFinished(file.key);
            return false;
        }
        if (file.compressed) {
            file.finishedMtimeMillis = stat.mtimeMillis();
            return true;
        }
        if (stat.size() > file.position) {
            log.info("Stream {}: finished file {} grew; sending its new lines", pattern, file.path);
            file.size = stat.size();
            file.lastChangeMillis = now;
            files.reopen(file);
        }
        file.finishedMtimeMillis = stat.mtimeMillis();
        return true;
    }

    private boolean open(TrackedFile file) {
        if (file.isOpen()) {
            return true;
        }
        try {
            file.open(config.maxLineBytes, config.charset);
            scanner.clearReport(file.path.toString());
            return true;
        } catch (NoSuchFileException | FileKeys.MovedException e) {
            rescan = true;
            return false;
        } catch (IOException e) {
            scanner.reportOnce(file.path.toString(), e);
            return false;
        }
    }

    private int readLines(TrackedFile file, int index, int maxLines, LineSink sink, boolean finishing) throws IOException {
        LineReader reader = file.reader();
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        files.appendOthers(index, before, after);
        RecordOffset.Frame frame = new RecordOffset.Frame(before.toString(), StreamOffset.entryPrefix(file),
                after.toString(), files.finishedMtime());
        int count = 0;
        while (count < maxLines) {
            if (!reader.next(finishing)) {
                if (reader.fill(file.content()) > 0) {
                    continue;
                }
                break;
            }
            file.position = reader.lineEnd;
            file.started = true;
            sink.line(file, reader, new RecordOffset(frame, file.position));
            count++;
        }
        return count;
    }

    private boolean mayFinish(TrackedFile file, int index, long now) throws IOException {
        if (file.reader().readPosition() < file.channel().size() || now - file.lastChangeMillis < config.closeInactiveMs) {
            return false;
        }
        return file.gone || files.hasNewerLive(index);
    }

    @Override
    public void close() {
        files.close();
    }
}
