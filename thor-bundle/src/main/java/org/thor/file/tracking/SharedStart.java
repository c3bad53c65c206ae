package org.thor.file.tracking;

import org.thor.file.identity.FileContent;
import org.thor.file.identity.Fingerprint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;

/**
 * The first bytes a file has in common with the other files of its stream (a banner, a header),
 * looked at up to a limit. A position no further than them proves nothing of which file was read:
 * a header-only file, or one read no further than its banner, is never the original of a copy, and
 * its stored position does not tell it from a file that took its inode.
 */
public final class SharedStart {

    /** Past this, what two files share is left to the digest of what was read. */
    private static final int LIMIT = 64 * 1024;

    private SharedStart() {
    }

    /** Whether {@code file}'s first {@code position} bytes are no more than it shares with one of {@code others}. */
    public static boolean covers(TrackedFile file, long position, Collection<TrackedFile> others) {
        long shared = 0;
        TrackedFile sameStart = null;
        for (TrackedFile other : others) {
            if (other != file) {
                int prefix = file.fingerprint().sharedPrefix(other.fingerprint());
                shared = Math.max(shared, prefix);
                sameStart = prefix == Fingerprint.MAX_BYTES ? other : sameStart;
            }
        }
        if (sameStart != null && position > shared) {
            // a banner longer than the first bytes kept: how far the two really agree decides
            shared = of(file, sameStart, position);
        }
        return position <= shared;
    }

    /** The bytes {@code file} and {@code other} have in common from their start, at most {@code upTo}. */
    private static long of(TrackedFile file, TrackedFile other, long upTo) {
        int length = (int) Math.min(upTo, LIMIT);
        try {
            byte[] mine = file.isOpen() ? read(file.content(), length)
                    : FileContent.readOnce(file.path(), file.key, content -> read(content, length));
            byte[] theirs = FileContent.readOnce(other.path(), other.key, content -> read(content, length));
            int n = Math.min(mine.length, theirs.length);
            int mismatch = Arrays.mismatch(mine, 0, n, theirs, 0, n);
            return mismatch < 0 ? n : mismatch;
        } catch (IOException e) {
            return 0; // the other file cannot tell now: what was read counts as proof, as before
        }
    }

    private static byte[] read(FileContent content, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        return Arrays.copyOf(buffer.array(), content.readFully(buffer, 0));
    }
}
