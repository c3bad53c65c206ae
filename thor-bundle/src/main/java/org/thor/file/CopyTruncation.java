package org.thor.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * copytruncate: logrotate copies {@code app.log} to {@code app.log.1}, then truncates
 * {@code app.log}. The copy starts with the original's first bytes, so a new file whose start
 * equals a live file's fingerprint is a copy: it is not read on its own (its lines come through
 * the original), and when the original turns out truncated the copy takes over at the original's
 * position, read before what the original holds now.
 */
final class CopyTruncation {

    private static final Logger log = LoggerFactory.getLogger(CopyTruncation.class);
    /** How long a new file whose bytes so far equal another file's start may still become its copy. */
    private static final long DECISION_MS = 1_000;

    enum Decision {
        /** A file of its own: read it. */
        READ,
        /** A copy, or maybe one: not now. */
        SKIP,
        /** The order of the files changed: start over. */
        RESTART
    }

    /** A truncated file's position, kept for a while in case its copy shows up late. */
    private record Owed(TrackedFile truncated, Fingerprint fingerprint, long position, long sinceMillis) {
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
            if (debt.fingerprint().isPrefixOf(file.fingerprint)) {
                owed.remove(debt);
                takeOver(file, debt.truncated(), debt.position());
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
        return Decision.READ;
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
        TrackedFile copy = files.copyOf(file);
        if (copy == null && before.length() > 0) {
            scan.run();
            for (TrackedFile candidate : files.snapshot()) {
                if (candidate != file && !candidate.started && candidate.state == TrackedFile.State.LIVE
                        && open.test(candidate) && before.isPrefixOf(Fingerprint.read(candidate.channel()))) {
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
            takeOver(copy, file, position);
        } else if (before.length() > 0 && position > 0) {
            owed.add(new Owed(file, before, position, now));
        }
        file.position = 0;
        file.fingerprint = Fingerprint.read(file.channel());
        file.rewind(config.maxLineBytes, config.charset);
        // what it holds now was written after everything else of the stream, copies found just now included
        files.moveToNewest(file);
    }

    void expire(long now) {
        owed.removeIf(o -> now - o.sinceMillis() > Math.max(config.closeInactiveMs, DECISION_MS));
    }

    private void takeOver(TrackedFile copy, TrackedFile truncated, long position) {
        log.info("Stream {}: reading {} from byte {}, where its original {} was truncated", pattern, copy.path,
                position, truncated.path);
        copy.state = TrackedFile.State.LIVE;
        copy.original = null;
        copy.started = true;
        copy.position = position;
        copy.rewind(config.maxLineBytes, config.charset);
        files.placeBefore(copy, truncated);
    }
}
