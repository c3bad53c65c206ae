package org.thor.file.tracking;

import org.thor.file.identity.FileKeys;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * Where a file just found goes among a stream's files: a log that copytruncate rotated while it
 * waited its turn, unread, was written after its copy, which holds its older lines.
 */
public final class NewFileOrder {

    private NewFileOrder() {
    }

    /**
     * Adds {@code file}, modified at {@code mtimeNanos}, after every other, but before those at the
     * end none of whose content was read yet and that were written after it, or in the same tick
     * after being truncated in place (copytruncate: the file found is their copy).
     */
    public static void addByAge(List<TrackedFile> files, TrackedFile file, long mtimeNanos) {
        int at = files.size();
        while (at > 0 && unreadAndWrittenAfter(files.get(at - 1), mtimeNanos)) {
            at--;
        }
        files.add(at, file);
        file.disk().modifiedAt(mtimeNanos);
    }

    private static boolean unreadAndWrittenAfter(TrackedFile file, long mtimeNanos) {
        if (file.state() != TrackedFile.State.LIVE || file.position() > 0 || file.complete()) {
            return false;
        }
        try {
            FileKeys.Stat now = statAtPath(file);
            // renamed on since it was listed (a rotation under way): its time when last seen stands
            long modified = now != null ? now.mtimeNanos() : file.disk().lastModifiedNanos();
            boolean shrank = now != null && now.size() < file.size();
            return modified > mtimeNanos
                    // file times are stamped to the kernel's tick: a copy made in the tick its log was truncated
                    // and written again is older than what the log holds, though their times are equal
                    || modified == mtimeNanos && (file.role().truncatedInPlace() || shrank);
        } catch (IOException e) {
            return false;
        }
    }

    private static FileKeys.Stat statAtPath(TrackedFile file) throws IOException {
        try {
            return file.disk().statAtPath();
        } catch (NoSuchFileException e) {
            return null; // renamed on, and no other file took the name yet
        }
    }
}
