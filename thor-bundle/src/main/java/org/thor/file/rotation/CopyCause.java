package org.thor.file.rotation;

import org.thor.file.identity.ContentDigest;
import org.thor.file.identity.FileContent;
import org.thor.file.identity.FileKeys;
import org.thor.file.identity.ReadMark;
import org.thor.file.tracking.TrackedFile;

import java.io.IOException;

/**
 * What a file that holds what was read of a live file says of that live file, proven over their
 * whole content ({@link ContentDigest}), not only over first bytes and a tail that a banner or the
 * padding of fixed-width records can make equal. A file does not shed bytes it was written, so a
 * copy of it stays a prefix of it until it is truncated.
 */
final class CopyCause {

    enum Verdict {
        /** The live file no longer holds what was read of it: it was truncated (and perhaps written again). */
        ORIGINAL_REWRITTEN,
        /** The live file holds all of the other: a copy of it not truncated yet, or a {@code cp} of it. */
        PREFIX,
        /** They agree over what was read and part after it: the other is no copy of the live file as it is now. */
        PARTED
    }

    private CopyCause() {
    }

    /**
     * @param candidate the content of a plain file of {@code size} bytes that holds what was read of {@code original}
     */
    static Verdict judge(FileContent candidate, long size, TrackedFile original) throws IOException {
        ReadMark mark = original.mark();
        if (original.isOpen()) {
            return judge(candidate, size, mark, original.content(), original.channel().size());
        }
        return FileContent.readOnce(original.path(), original.key, content -> judge(candidate, size, mark, content, -1));
    }

    /**
     * Whether {@code original}, which agrees with {@code candidate} over what was read of it and
     * parts from it after, was written after the candidate last was: it did not go on from the
     * candidate's content, so it was truncated and written again, and the candidate is its copy
     * from before. (A new file of its own that starts as the original does is written after it.)
     */
    static boolean partedLater(TrackedFile candidate, TrackedFile original) {
        try {
            FileKeys.Stat copy = FileKeys.stat(candidate.path());
            FileKeys.Stat now = FileKeys.stat(original.path());
            return copy != null && now != null && copy.key().equals(candidate.key) && now.key().equals(original.key)
                    && copy.mtimeMillis() < now.mtimeMillis();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * For a compressed copy, whose content length is not known without reading it all: only
     * whether the original still holds what was read of it.
     */
    static Verdict judgeByOriginal(TrackedFile original) throws IOException {
        return original.mark().provenBy(original.content(), original.channel().size()) ? Verdict.PREFIX
                : Verdict.ORIGINAL_REWRITTEN;
    }

    /** @param originalSize -1 when not known: a content shorter than a position then fails its proof */
    private static Verdict judge(FileContent candidate, long size, ReadMark mark, FileContent original, long originalSize)
            throws IOException {
        if (!mark.provenBy(original, originalSize)) {
            return Verdict.ORIGINAL_REWRITTEN;
        }
        if (originalSize >= 0 && originalSize < size) {
            return Verdict.PARTED;
        }
        boolean prefix = ReadMark.tailHashAt(original, size) == ReadMark.tailHashAt(candidate, size)
                && ContentDigest.of(original, size) == ContentDigest.of(candidate, size);
        return prefix ? Verdict.PREFIX : Verdict.PARTED;
    }

    /**
     * Whether a file still being written, shorter than what was read of {@code other}, may be
     * becoming its copy: its bytes so far end as {@code other}'s bytes at the same place.
     */
    static boolean mayBecomeCopy(TrackedFile file, long size, TrackedFile other) {
        if (size >= other.position()) {
            return false;
        }
        try {
            long mine = ReadMark.tailHashAt(file.content(), size);
            long theirs = other.isOpen() ? ReadMark.tailHashAt(other.content(), size)
                    : FileContent.readOnce(other.path(), other.key, content -> ReadMark.tailHashAt(content, size));
            return theirs == -1 || mine == theirs;
        } catch (IOException e) {
            return true; // the original cannot tell now: wait, as for a copy
        }
    }
}
