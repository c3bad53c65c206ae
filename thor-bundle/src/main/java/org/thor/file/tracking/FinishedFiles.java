package org.thor.file.tracking;

import org.thor.file.find.StreamScanner;
import org.thor.file.identity.FileContent;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A stream's files read to their end: those still there, so they are not read again, and the last
 * few gone, so that a compressed copy of one is known for what it is; with their offset entries.
 */
final class FinishedFiles {

    /** How many finished files are remembered by their first bytes after they are gone. */
    private static final int REMEMBERED = 16;
    /** How many finished files listings stopped showing are remembered, in case they show again. */
    private static final int MISSED_REMEMBERED = 256;

    private final Map<String, TrackedFile> present = new HashMap<>();
    /** The latest finished files, newest first, for recognising their compressed copies once they are gone. */
    private final Deque<TrackedFile> recent = new ArrayDeque<>();
    /**
     * Finished files that listings stopped showing, the latest last: a listing made while files are
     * renamed may miss one twice, and one shown again is still finished, not a new file.
     */
    private final Map<String, TrackedFile> missed = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TrackedFile> eldest) {
            return size() > MISSED_REMEMBERED;
        }
    };
    /** The offset entries of the finished files; null when they changed since they were last written. */
    private String entries;
    private long newestMtime = Long.MIN_VALUE;

    void restore(Map<String, TrackedFile> done, long newestFinishedMtime) {
        present.putAll(done);
        entries = null;
        newestMtime = Math.max(newestFinishedMtime,
                done.values().stream().mapToLong(file -> file.disk().finishedMtimeMillis()).max().orElse(Long.MIN_VALUE));
    }

    /** The modification time of the newest finished file; stored with the offsets. */
    long newestMtime() {
        return newestMtime;
    }

    int count() {
        return present.size();
    }

    /** The offset entries of the finished files that are here, and of the last few gone. */
    String entries() {
        if (entries == null) {
            StringBuilder out = new StringBuilder();
            present.values().forEach(file -> file.appendEntryTo(out));
            recent.stream().filter(file -> present.get(file.key) != file).forEach(file -> file.appendEntryTo(out));
            entries = out.toString();
        }
        return entries;
    }

    /** The finished file {@code key}: one still here, or one listings missed lately, which is here again. */
    TrackedFile get(String key) {
        TrackedFile shownAgain = missed.remove(key);
        if (shownAgain != null) {
            present.put(key, shownAgain);
            entries = null;
        }
        return present.get(key);
    }

    /** {@code file} was read to its end; {@code mtimeMillis} is its modification time then (MIN_VALUE: unknown). */
    void add(TrackedFile file, long mtimeMillis) {
        newestMtime = Math.max(newestMtime, mtimeMillis);
        if (!file.gone()) {
            present.put(file.key, file);
        }
        recent.addFirst(file);
        if (recent.size() > REMEMBERED) {
            recent.removeLast();
        }
        entries = null;
    }

    /** A copy that holds nothing owed, finished where it is without being read. */
    void retire(TrackedFile copy) {
        if (!copy.gone()) {
            present.put(copy.key, copy);
            entries = null;
        }
    }

    /** A finished file that grew again, read again. */
    void reopened(TrackedFile file) {
        present.remove(file.key);
        recent.remove(file);
        entries = null;
    }

    void forget(String key) {
        present.remove(key);
        missed.remove(key);
        entries = null;
    }

    /** Forgets those gone, telling each whether the latest listing showed it; returns whether one is perhaps gone. */
    boolean keep(Predicate<TrackedFile> shown) {
        for (Iterator<TrackedFile> files = present.values().iterator(); files.hasNext(); ) {
            TrackedFile file = files.next();
            if (file.listed(shown.test(file))) {
                files.remove();
                missed.put(file.key, file);
            }
        }
        entries = null;
        return present.values().stream().anyMatch(TrackedFile::perhapsGone);
    }

    /** A finished file, present or recently gone, whose content up to where it was finished {@code content} holds. */
    TrackedFile heldBy(FileContent content) throws IOException {
        for (Collection<TrackedFile> files : List.of(recent, present.values())) {
            for (TrackedFile file : files) {
                if (file.position() > 0 && file.mark().provenBy(content, -1)) {
                    return file;
                }
            }
        }
        return null;
    }

    /** Whether {@code found} is a finished file still there: not a new file that reuses a finished one's inode. */
    boolean knows(StreamScanner.Found found) {
        TrackedFile done = present.get(found.stat().key());
        return done != null && (done.position() == 0 || done.mark().provenBy(found.path(), found.stat().key()));
    }

    /** Those still there. */
    List<TrackedFile> present() {
        return List.copyOf(present.values());
    }

    /** The last few finished, newest first. */
    List<TrackedFile> recent() {
        return List.copyOf(recent);
    }
}
