package org.thor.file.tracking;

import org.thor.file.identity.FileKeys;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a tracked file is on disk and what the stream saw of it there: its size, when that last
 * changed, and its modification time when it was finished.
 */
public final class DiskState {

    private final String key;
    private Path path;
    /** The size on disk (compressed, for a compressed file). */
    private long size;
    private long lastChangeMillis;
    private long finishedMtimeMillis;
    /** Its modification time when a listing last showed it, to the nanosecond the filesystem keeps. */
    private long lastModifiedNanos;

    DiskState(String key, Path path, long size, long lastChangeMillis) {
        this.key = key;
        this.path = path;
        this.size = size;
        this.lastChangeMillis = lastChangeMillis;
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    long lastChangeMillis() {
        return lastChangeMillis;
    }

    public long finishedMtimeMillis() {
        return finishedMtimeMillis;
    }

    /** Renamed: found under {@code path} now. */
    public void movedTo(Path path) {
        this.path = path;
    }

    long lastModifiedNanos() {
        return lastModifiedNanos;
    }

    /** A listing showed it modified at {@code mtimeNanos}. */
    public void modifiedAt(long mtimeNanos) {
        lastModifiedNanos = mtimeNanos;
    }

    /** Its size on disk changed, at {@code now}. */
    public void changedAt(long size, long now) {
        this.size = size;
        lastChangeMillis = now;
    }

    void sizeNow(long size, long now) {
        if (size != this.size) {
            changedAt(size, now);
        }
    }

    /** Truncated, a change already noted: {@code size} is what it holds now. */
    void truncatedTo(long size) {
        this.size = size;
    }

    /** Its modification time when it was (last seen) finished: a restart tells it changed by it. */
    public void finishedAt(long mtimeMillis) {
        finishedMtimeMillis = mtimeMillis;
    }

    /**
     * Read to its end now: notes its modification time and returns it, or MIN_VALUE when it is
     * gone (nothing on disk can be mistaken for it after a restart).
     */
    long finishNow() {
        try {
            FileKeys.Stat now = statAtPath();
            // renamed where no listing follows it (a copy beside the log, a log the pattern names exactly): its path
            // leads to a newer file now, and its last change as Thor saw it stands for its modification time
            finishedAt(now != null ? now.mtimeMillis() : lastChangeMillis);
            return finishedMtimeMillis;
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    /** Its path's size and times, or null when the path leads to no regular file, or to another file, now. */
    FileKeys.Stat statAtPath() throws IOException {
        FileKeys.Stat now = FileKeys.stat(path);
        return now != null && now.key().equals(key) ? now : null;
    }

    boolean presentAtPath() {
        try {
            return key.equals(FileKeys.of(path));
        } catch (IOException e) {
            return false;
        }
    }
}
