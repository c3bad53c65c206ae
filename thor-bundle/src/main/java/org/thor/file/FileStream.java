package org.thor.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
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
    /** Files changed this recently are checked by their first bytes, since inode timestamps are coarse. */
    private static final long RECENT_MS = 60_000;
    /** How soon a file or directory that could not be looked at is looked at again. */
    private static final long RETRY_MS = 1_000;

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
        StreamRestore restore = new StreamRestore(pattern, scanner.scan(), now);
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

    /** Reads up to {@code maxLines} lines, oldest file first; returns how many were handed to the sink. */
    int read(int maxLines, LineSink sink, long now) {
        int count = 0;
        for (int i = 0; i < files.size() && count < maxLines; i++) {
            TrackedFile file = files.get(i);
            if (file.state != TrackedFile.State.LIVE || !open(file)) {
                continue;
            }
            try {
                long size = file.channel().size();
                if (size != file.size) {
                    file.size = size;
                    file.lastChangeMillis = now;
                }
                long readPosition = file.reader().readPosition();
                if (size < readPosition || size > readPosition && !file.startUnchanged()) {
                    copies.truncated(file, now, () -> scan(now), this::open);
                    i = -1;
                    continue;
                }
                if (!file.started && size > 0) {
                    CopyTruncation.Decision decision = copies.decide(file, now);
                    if (decision == CopyTruncation.Decision.RESTART) {
                        i = -1;
                    }
                    if (decision != CopyTruncation.Decision.READ) {
                        continue;
                    }
                }
                count += readLines(file, i, maxLines - count, sink, false);
                if (count < maxLines && mayFinish(file, i, now)) {
                    count += readLines(file, i, maxLines - count, sink, true);
                    if (!file.reader().holdsPartialLine()) {
                        files.finish(file);
                        i--;
                    }
                }
            } catch (IOException e) {
                scanner.reportOnce(file.path.toString(), e);
                file.close();
            }
        }
        atEnd = count < maxLines;
        publishProgress();
        return count;
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
        copies.expire(now);
        publishProgress();
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
                file.gone = false;
            } else if (!resumeFinished(found, now)) {
                // an old file that only now matches (copied in with its times, a directory that
                // appeared) is idle since its modification, not since it was found
                // its first bytes now, so that a truncation before its first read is noticed too
                files.addNewest(new TrackedFile(stat.key(), found.path(), fingerprintOf(found.path()), 0, stat.size(),
                        Math.min(now, stat.mtimeMillis())));
                metrics.rotations.increment();
                log.info("Stream {}: new file {}", pattern, found.path());
            }
        }
        for (TrackedFile file : files.snapshot()) {
            file.gone = !seen.contains(file.key);
            if (file.gone && !file.isOpen()) {
                if (file.state == TrackedFile.State.LIVE && file.size > file.position) {
                    log.warn("Stream {}: {} vanished before it was read to its end", pattern, file.path);
                }
                files.remove(file);
            }
        }
        files.keepFinished(seen);
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
        if (stat.size() == file.position && stat.mtimeMillis() == file.finishedMtimeMillis
                && now - stat.mtimeMillis() > RECENT_MS) {
            return true;
        }
        if (stat.size() < file.position || !sameStart(file)) {
            files.forgetFinished(file.key);
            return false;
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

    private static Fingerprint fingerprintOf(java.nio.file.Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return Fingerprint.read(channel);
        } catch (IOException e) {
            return Fingerprint.EMPTY;
        }
    }

    private static boolean sameStart(TrackedFile file) {
        try (FileChannel channel = FileChannel.open(file.path, StandardOpenOption.READ)) {
            return file.fingerprint.isPrefixOf(Fingerprint.read(channel));
        } catch (IOException e) {
            return false;
        }
    }

    private boolean open(TrackedFile file) {
        if (file.isOpen()) {
            return true;
        }
        try {
            file.open(config.maxLineBytes, config.charset);
            scanner.clearReport(file.path.toString());
            return true;
        } catch (NoSuchFileException | TrackedFile.MovedException e) {
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
                if (reader.fill(file.channel()) > 0) {
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
