package org.thor.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches the files found at start to a stream's stored offset. A stored file is found again by
 * device+inode when its first bytes still hash the same (a reused inode does not); failing that, by
 * its first bytes alone (the copy that copytruncate made, or a compressed copy, while the task was
 * down). Files not in the offset are finished if they are no newer than the newest finished file,
 * else new.
 */
final class StreamRestore {

    private static final Logger log = LoggerFactory.getLogger(StreamRestore.class);

    private final String pattern;
    private final Map<String, StreamScanner.Found> unclaimed = new LinkedHashMap<>();
    private final long now;

    StreamRestore(String pattern, List<StreamScanner.Found> found, long now) {
        this.pattern = pattern;
        this.now = now;
        found.forEach(f -> unclaimed.put(f.stat().key(), f));
    }

    /** A stream without a stored offset: every file from its beginning, or from its end. */
    List<TrackedFile> fresh(boolean fromEnd) {
        return fresh(fromEnd, Long.MIN_VALUE, new HashMap<>());
    }

    /**
     * As {@link #fresh(boolean)}, but files last modified before {@code notBeforeMillis} are
     * finished at their end (put into {@code finished}) instead of read.
     */
    List<TrackedFile> fresh(boolean fromEnd, long notBeforeMillis, Map<String, TrackedFile> finished) {
        List<TrackedFile> files = new ArrayList<>();
        for (StreamScanner.Found found : unclaimed.values()) {
            // an archive has nothing to follow: from the end means it is done
            if (found.stat().mtimeMillis() < notBeforeMillis || fromEnd && FileContent.isCompressed(found.path())) {
                TrackedFile done = track(found, fingerprint(found), 0);
                done.settleAt(found.stat().size());
                done.state = TrackedFile.State.FINISHED;
                done.finishedMtimeMillis = found.stat().mtimeMillis();
                finished.put(done.key, done);
                continue;
            }
            TrackedFile file = track(found, fingerprint(found), 0);
            if (fromEnd) {
                file.settleAt(found.stat().size());
                file.started = true;
            }
            files.add(file);
        }
        return files;
    }

    List<TrackedFile> resume(List<StreamOffset.Entry> entries, long finishedMtime, Map<String, TrackedFile> finished) {
        Map<StreamOffset.Entry, TrackedFile> matched = new HashMap<>();
        for (StreamOffset.Entry entry : entries) {
            StreamScanner.Found found = unclaimed.get(entry.key());
            if (found != null && sameFile(found, entry)) {
                matched.put(entry, claim(found, entry));
            }
        }
        for (StreamOffset.Entry entry : entries) {
            if (matched.containsKey(entry) || entry.fingerprintLength() == 0) {
                continue;
            }
            for (StreamScanner.Found found : List.copyOf(unclaimed.values())) {
                if (sameFile(found, entry)) {
                    log.info("Stream {}: {} holds the rest of a file stored as {}", pattern, found.path(), entry.key());
                    matched.put(entry, claim(found, entry));
                    break;
                }
            }
            if (!matched.containsKey(entry) && entry.position() > 0) {
                log.warn("Stream {}: stored file {} is gone; lines after byte {} it may have held are lost",
                        pattern, entry.key(), entry.position());
            }
        }
        List<TrackedFile> files = new ArrayList<>();
        entries.stream().map(matched::get).filter(f -> f != null).forEach(files::add);
        for (StreamScanner.Found found : unclaimed.values()) {
            if (found.stat().mtimeMillis() <= finishedMtime) {
                TrackedFile done = track(found, fingerprint(found), 0);
                done.settleAt(found.stat().size());
                done.state = TrackedFile.State.FINISHED;
                finished.put(done.key, done);
            } else {
                files.add(track(found, Fingerprint.EMPTY, 0));
            }
        }
        return files;
    }

    private TrackedFile claim(StreamScanner.Found found, StreamOffset.Entry entry) {
        unclaimed.remove(found.stat().key());
        TrackedFile file = track(found, fingerprint(found), 0);
        file.continueFrom(entry.mark());
        return file;
    }

    private TrackedFile track(StreamScanner.Found found, Fingerprint fingerprint, long position) {
        return new TrackedFile(found.stat().key(), found.path(), fingerprint, position, found.stat().size(),
                Math.min(now, found.stat().mtimeMillis()));
    }

    /**
     * Whether the file found holds the stored file's content up to its position: its first bytes
     * and the bytes just before the position ({@link ReadMark}); a stored file that had no first
     * bytes yet is known by its inode alone.
     */
    private static boolean sameFile(StreamScanner.Found found, StreamOffset.Entry entry) {
        if (entry.fingerprintLength() == 0 && entry.position() == 0) {
            return entry.key().equals(found.stat().key());
        }
        return entry.mark().provenBy(found.path(), found.stat().key());
    }

    /** Empty when the file moved under the listing: it then grows as the file is read. */
    private static Fingerprint fingerprint(StreamScanner.Found found) {
        Fingerprint fingerprint = Fingerprint.of(found.path(), found.stat().key());
        return fingerprint == null ? Fingerprint.EMPTY : fingerprint;
    }
}
