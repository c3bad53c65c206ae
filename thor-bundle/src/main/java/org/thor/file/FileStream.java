package org.thor.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One stream: the files one glob pattern matches, read oldest first. A file is read to its end
 * before lines of a newer one are sent; an older file that grows again is read again first; a
 * file is finished (closed) once a newer file exists and it has not grown for close.inactive.ms.
 * Renames keep a file's identity; a truncated file (copytruncate) hands its unread tail to its copy.
 */
final class FileStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileStream.class);
    private static final long IDLE_SCAN_MS = 1_000;
    /** How long a new file whose bytes so far equal another file's start may still become its copy. */
    private static final long COPY_DECISION_MS = 1_000;
    /** Files changed this recently are checked by their first bytes, since inode timestamps are coarse. */
    private static final long RECENT_MS = 60_000;

    /** Receives each line, with the stream's offset after it. */
    interface LineSink {
        void line(TrackedFile file, LineReader line, Map<String, Object> offset);
    }

    private enum Decision { READ, SKIP, RESTART }

    private record Progress(java.nio.file.Path path, long position) {
    }

    private record Owed(TrackedFile truncated, Fingerprint fingerprint, long position, long sinceMillis) {
    }

    final String pattern;
    final Map<String, String> partition;
    private final LogFileSourceConfig config;
    private final StreamScanner scanner;
    private final TaskMetrics metrics;
    /** LIVE and COPY files, oldest first. */
    private final List<TrackedFile> files = new ArrayList<>();
    private final Map<String, TrackedFile> finished = new HashMap<>();
    private final List<Owed> owed = new ArrayList<>();
    private long finishedMtime = Long.MIN_VALUE;
    private long lastScanMillis = Long.MIN_VALUE / 2;
    /** A file was not where it was last seen: list the directories at the next chance. */
    private boolean rescan;
    private volatile List<Progress> progress = List.of();
    private volatile int openFiles;

    FileStream(String pattern, LogFileSourceConfig config, TaskMetrics metrics) {
        this.pattern = pattern;
        this.partition = StreamOffset.partition(pattern);
        this.config = config;
        this.scanner = new StreamScanner(pattern, config.exclude);
        this.metrics = metrics;
    }

    /** Picks up where the stored offset left off, or starts fresh when there is none. */
    void start(Map<String, Object> storedOffset, long now) {
        List<StreamScanner.Found> found = scanner.scan();
        lastScanMillis = now;
        StreamRestore restore = new StreamRestore(pattern, found, now);
        if (storedOffset == null) {
            log.info("Stream {}: no stored offset; reading existing files from their {}", pattern,
                    config.readFromEnd ? "end" : "beginning");
            files.addAll(restore.fresh(config.readFromEnd));
        } else {
            log.info("Stream {}: resuming from stored offset {}", pattern, storedOffset);
            finishedMtime = StreamOffset.finishedMtime(storedOffset);
            files.addAll(restore.resume(StreamOffset.entries(storedOffset), finishedMtime, finished));
        }
        log.info("Stream {}: {} files to read, {} already finished", pattern, files.size(), finished.size());
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
                if (size < readPosition || size > readPosition && !verifyFingerprint(file)) {
                    onTruncated(file, now);
                    i = -1;
                    continue;
                }
                if (!file.started && size > 0) {
                    Decision decision = decideIfCopy(file, now);
                    if (decision == Decision.RESTART) {
                        i = -1;
                    }
                    if (decision != Decision.READ) {
                        continue;
                    }
                }
                count += readLines(file, i, maxLines - count, sink, false);
                if (count < maxLines && mayFinish(file, i, now)) {
                    count += readLines(file, i, maxLines - count, sink, true);
                    if (!file.reader().holdsPartialLine()) {
                        finish(file);
                        i--;
                    }
                }
            } catch (IOException e) {
                scanner.reportOnce(file.path.toString(), e);
                file.close();
            }
        }
        publishProgress();
        return count;
    }

    /** Lists the directories when due: every scan.interval.ms, or sooner when there was nothing to read. */
    void maintain(long now, boolean idle) {
        long due = idle ? Math.min(config.scanIntervalMs, IDLE_SCAN_MS) : config.scanIntervalMs;
        if (rescan || now - lastScanMillis >= due) {
            scan(now);
        }
        owed.removeIf(o -> now - o.sinceMillis() > Math.max(config.closeInactiveMs, COPY_DECISION_MS));
        publishProgress();
    }

    /**
     * What is left to read, measured now: the metrics thread stats the files itself, because the
     * task thread may be blocked inside Connect (a full producer buffer) exactly when it matters.
     */
    long bytesBehind() {
        long behind = 0;
        for (Progress file : progress) {
            try {
                behind += Math.max(0, java.nio.file.Files.size(file.path()) - file.position());
            } catch (IOException e) {
                // gone: nothing more can be read from it by name
            }
        }
        return behind;
    }

    private void publishProgress() {
        List<Progress> live = new ArrayList<>();
        for (TrackedFile file : files) {
            if (file.state == TrackedFile.State.LIVE) {
                live.add(new Progress(file.path, file.position));
            }
        }
        progress = live;
        openFiles = (int) files.stream().filter(TrackedFile::isOpen).count();
    }

    int openFiles() {
        return openFiles;
    }

    private void scan(long now) {
        lastScanMillis = now;
        rescan = false;
        Set<String> seen = new HashSet<>();
        Map<String, TrackedFile> tracked = new HashMap<>();
        files.forEach(file -> tracked.put(file.key, file));
        for (StreamScanner.Found found : scanner.scan()) {
            FileKeys.Stat stat = found.stat();
            seen.add(stat.key());
            TrackedFile file = tracked.get(stat.key());
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
                TrackedFile added = new TrackedFile(stat.key(), found.path(), Fingerprint.EMPTY, 0, stat.size(), now);
                files.add(added);
                metrics.rotations.increment();
                log.info("Stream {}: new file {}", pattern, found.path());
            }
        }
        for (TrackedFile file : List.copyOf(files)) {
            file.gone = !seen.contains(file.key);
            if (file.gone && !file.isOpen()) {
                if (file.state == TrackedFile.State.LIVE && file.size > file.position) {
                    log.warn("Stream {}: {} vanished before it was read to its end", pattern, file.path);
                }
                files.remove(file);
            }
        }
        finished.keySet().retainAll(seen);
    }

    /**
     * A finished file that grew again is read again from where it was finished. A file that merely
     * reuses a finished file's inode (deleted, then a new file created) is not that file: unless the
     * file is old and unchanged, its first bytes decide.
     */
    private boolean resumeFinished(StreamScanner.Found found, long now) {
        TrackedFile file = finished.get(found.stat().key());
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
            finished.remove(file.key);
            return false;
        }
        if (stat.size() == file.position) {
            file.finishedMtimeMillis = stat.mtimeMillis();
            return true;
        }
        finished.remove(file.key);
        log.info("Stream {}: finished file {} grew; sending its new lines", pattern, file.path);
        file.state = TrackedFile.State.LIVE;
        file.size = found.stat().size();
        file.lastChangeMillis = now;
        files.add(0, file);
        return true;
    }

    private boolean sameStart(TrackedFile file) {
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
        for (int j = 0; j < files.size(); j++) {
            TrackedFile other = files.get(j);
            if (j != index && other.state == TrackedFile.State.LIVE) {
                StreamOffset.appendEntry(j < index ? before : after, other, other.position);
            }
        }
        int count = 0;
        StringBuilder entry = new StringBuilder(before.length() + after.length() + 64);
        while (count < maxLines) {
            if (!reader.next(finishing)) {
                if (reader.fill(file.channel()) > 0) {
                    continue;
                }
                break;
            }
            file.position = reader.lineEnd;
            file.started = true;
            entry.setLength(0);
            entry.append(before);
            StreamOffset.appendEntry(entry, file, file.position);
            if (after.length() > 0) {
                entry.append(';').append(after);
            }
            sink.line(file, reader, StreamOffset.offset(entry.toString(), finishedMtime));
            count++;
        }
        return count;
    }

    private boolean verifyFingerprint(TrackedFile file) throws IOException {
        if (file.fingerprint.isFull()) {
            return Fingerprint.hashOfHead(file.channel(), Fingerprint.MAX_BYTES) == file.fingerprint.hash();
        }
        Fingerprint now = Fingerprint.read(file.channel());
        if (!file.fingerprint.isPrefixOf(now)) {
            return false;
        }
        file.fingerprint = now;
        return true;
    }

    private boolean mayFinish(TrackedFile file, int index, long now) throws IOException {
        if (file.reader().readPosition() < file.channel().size() || now - file.lastChangeMillis < config.closeInactiveMs) {
            return false;
        }
        if (file.gone) {
            return true;
        }
        for (int j = index + 1; j < files.size(); j++) {
            if (files.get(j).state == TrackedFile.State.LIVE) {
                return true;
            }
        }
        return false;
    }

    private void finish(TrackedFile file) {
        file.close();
        file.state = TrackedFile.State.FINISHED;
        files.remove(file);
        retireCopiesOf(file);
        try {
            file.finishedMtimeMillis = FileKeys.stat(file.path).mtimeMillis();
            finishedMtime = Math.max(finishedMtime, file.finishedMtimeMillis);
        } catch (IOException e) {
            // gone: nothing on disk can be mistaken for it after a restart
        }
        if (!file.gone) {
            finished.put(file.key, file);
        }
        log.info("Stream {}: finished {} at byte {}", pattern, file.path, file.position);
    }

    /**
     * A file that has not been read yet may be a copy of a file of this stream (copytruncate copies
     * before it truncates). READ means it is a file of its own.
     */
    private Decision decideIfCopy(TrackedFile file, long now) throws IOException {
        verifyFingerprint(file);
        for (Owed debt : List.copyOf(owed)) {
            if (debt.fingerprint().isPrefixOf(file.fingerprint)) {
                owed.remove(debt);
                takeOver(file, debt.truncated(), debt.position());
                return Decision.RESTART;
            }
        }
        for (TrackedFile other : files) {
            if (other == file || other.state != TrackedFile.State.LIVE || !other.started || other.fingerprint.length() == 0) {
                continue;
            }
            if (other.fingerprint.isPrefixOf(file.fingerprint)) {
                log.info("Stream {}: {} is a copy of {}; its lines come from there", pattern, file.path, other.path);
                file.state = TrackedFile.State.COPY;
                file.original = other;
                file.close();
                return Decision.SKIP;
            }
            if (file.fingerprint.agreesWith(other.fingerprint) && now - file.lastChangeMillis < COPY_DECISION_MS) {
                return Decision.SKIP;
            }
        }
        return Decision.READ;
    }

    private void onTruncated(TrackedFile file, long now) throws IOException {
        log.info("Stream {}: {} was truncated (copytruncate) after byte {}", pattern, file.path, file.position);
        metrics.rotations.increment();
        Fingerprint before = file.fingerprint;
        long position = file.position;
        TrackedFile copy = files.stream().filter(f -> f.original == file).findFirst().orElse(null);
        if (copy == null) {
            scan(now);
            for (TrackedFile candidate : List.copyOf(files)) {
                if (candidate != file && !candidate.started && candidate.state == TrackedFile.State.LIVE
                        && open(candidate) && before.length() > 0 && before.isPrefixOf(Fingerprint.read(candidate.channel()))) {
                    copy = candidate;
                    break;
                }
            }
        }
        if (copy != null) {
            copy.original = null;
        }
        retireCopiesOf(file);
        if (copy != null) {
            takeOver(copy, file, position);
        } else if (before.length() > 0 && position > 0) {
            owed.add(new Owed(file, before, position, now));
        }
        file.position = 0;
        file.fingerprint = Fingerprint.read(file.channel());
        file.rewind(config.maxLineBytes, config.charset);
    }

    /** Copies of a file that is finished or truncated hold nothing owed; they must not be read later. */
    private void retireCopiesOf(TrackedFile file) {
        for (TrackedFile copy : List.copyOf(files)) {
            if (copy.original == file) {
                files.remove(copy);
                copy.state = TrackedFile.State.FINISHED;
                copy.original = null;
                copy.position = copy.size;
                if (!copy.gone) {
                    finished.put(copy.key, copy);
                }
            }
        }
    }

    /** The copy continues where the truncated file was, and is read before it. */
    private void takeOver(TrackedFile copy, TrackedFile truncated, long position) {
        log.info("Stream {}: reading {} from byte {}, where its original {} was truncated", pattern, copy.path,
                position, truncated.path);
        copy.state = TrackedFile.State.LIVE;
        copy.original = null;
        copy.started = true;
        copy.position = position;
        copy.rewind(config.maxLineBytes, config.charset);
        files.remove(copy);
        int index = files.indexOf(truncated);
        files.add(Math.max(index, 0), copy);
    }

    @Override
    public void close() {
        files.forEach(TrackedFile::close);
    }
}
