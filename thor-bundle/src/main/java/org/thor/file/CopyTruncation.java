package org.thor.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Copies of a stream's files. copytruncate: logrotate copies {@code app.log} to {@code app.log.1},
 * then truncates {@code app.log}. The copy starts with the original's first bytes, so a new file
 * whose start equals a live file's fingerprint is a copy: it is not read on its own (its lines come
 * through the original), and when the original turns out truncated the copy takes over at the
 * original's position, read before what the original holds now. compress: a compressed copy
 * ({@code app.log.1.gz}) of a file that vanished before it was read to its end takes over the same
 * way; one of a finished file takes over at the finished position, so nothing is sent twice.
 */
final class CopyTruncation {

    private static final Logger log = LoggerFactory.getLogger(CopyTruncation.class);
    /**
     * How long a new file whose bytes so far equal another file's start may still become its copy;
     * and how long a compressed file must stay unchanged before it is taken as complete.
     */
    static final long DECISION_MS = 1_000;

    enum Decision {
        /** A file of its own: read it. */
        READ,
        /** A copy, or maybe one: not now. */
        SKIP,
        /** The order of the files changed: start over. */
        RESTART
    }

    /**
     * What a truncated or vanished file had not been read of (from {@code position}), kept for a
     * while in case its copy shows up late; the copy is read before {@code next}.
     */
    private record Owed(TrackedFile file, TrackedFile next, Fingerprint fingerprint, long position, long unreadBytes,
                        long sinceMillis) {
    }

    private final String pattern;
    private final StreamFiles files;
    private final LogFileSourceConfig config;
    private final TaskMetrics metrics;
    private final List<Owed> owed = new ArrayList<>();

    CopyTruncation(String pattern, StreamFiles files, LogFileSourceConfig config, TaskMetrics metrics) {
        this.pattern = pattern;
        this.files = files;
        this.config = config;
        this.metrics = metrics;
    }

    /** Decides about a file none of whose bytes has been sent yet. */
    Decision decide(TrackedFile file, long now) throws IOException {
        file.startUnchanged();
        for (Owed debt : List.copyOf(owed)) {
            if (debt.fingerprint().length() > 0 && debt.fingerprint().isPrefixOf(file.fingerprint)) {
                owed.remove(debt);
                takeOver(file, debt.file(), debt.next(), debt.position());
                return Decision.RESTART;
            }
        }
        for (TrackedFile other : files.snapshot()) {
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
            if (file.fingerprint.agreesWith(other.fingerprint) && now - file.lastChangeMillis < DECISION_MS) {
                return Decision.SKIP;
            }
        }
        TrackedFile finished = file.compressed ? files.finishedWithStart(file.fingerprint) : null;
        if (finished != null) {
            takeOver(file, finished, files.after(file), finished.position);
            return Decision.RESTART;
        }
        return Decision.READ;
    }

    /**
     * A live file that is gone, and was not open: its compressed copy (or, later, any copy)
     * continues it where it was, in its place.
     */
    void vanished(TrackedFile file, long now) {
        TrackedFile next = files.after(file);
        TrackedFile copy = files.copyOf(file);
        if (copy != null) {
            takeOver(copy, file, next, file.position);
        } else if (file.fingerprint.length() > 0) {
            owed.add(new Owed(file, next, file.fingerprint, file.position,
                    file.compressed ? 0 : Math.max(0, file.size - file.position), now));
        }
        files.remove(file);
    }

    /**
     * The file shrank, or its first bytes changed: hand what it owed to its copy and read it anew.
     *
     * @param scan lists the directories now, since the copy was made just before the truncation
     * @param open opens a file, false if it cannot be opened
     */
    void truncated(TrackedFile file, long now, Runnable scan, Predicate<TrackedFile> open) throws IOException {
        log.info("Stream {}: {} was truncated (copytruncate) after byte {}", pattern, file.path, file.position);
        metrics.rotations.increment();
        Fingerprint before = file.fingerprint;
        long position = file.position;
        long sizeBefore = file.size;
        TrackedFile copy = files.copyOf(file);
        if (copy == null && before.length() > 0) {
            scan.run();
            for (TrackedFile candidate : files.snapshot()) {
                if (candidate != file && !candidate.started && candidate.state == TrackedFile.State.LIVE
                        && open.test(candidate) && before.isPrefixOf(Fingerprint.read(candidate.content()))) {
                    copy = candidate;
                    break;
                }
            }
        }
        if (copy != null) {
            copy.original = null;
        }
        files.retireCopiesOf(file);
        if (copy != null) {
            takeOver(copy, file, file, position);
        } else if (before.length() > 0 && position > 0) {
            owed.add(new Owed(file, file, before, position, Math.max(0, sizeBefore - position), now));
        }
        file.position = 0;
        file.fingerprint = Fingerprint.read(file.content());
        file.rewind(config.maxLineBytes, config.charset);
        // what it holds now was written after everything else of the stream, copies found just now included
        files.moveToNewest(file);
    }

    void expire(long now) {
        for (Owed debt : List.copyOf(owed)) {
            if (now - debt.sinceMillis() > Math.max(config.closeInactiveMs, DECISION_MS)) {
                owed.remove(debt);
                if (debt.unreadBytes() > 0) {
                    metrics.bytesLostToRotation.add(debt.unreadBytes());
                    log.warn("Stream {}: {} was truncated or removed {} bytes before its end, and no copy of it"
                            + " appeared; those lines are lost", pattern, debt.file().path, debt.unreadBytes());
                }
            }
        }
    }

    private void takeOver(TrackedFile copy, TrackedFile original, TrackedFile next, long position) {
        log.info("Stream {}: reading {} from byte {}, where {} left off", pattern, copy.path, position, original.path);
        copy.state = TrackedFile.State.LIVE;
        copy.original = null;
        copy.started = true;
        copy.position = position;
        copy.rewind(config.maxLineBytes, config.charset);
        files.placeBefore(copy, next);
    }
}
