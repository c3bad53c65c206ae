package org.thor.file.tracking;

import org.thor.file.identity.FileContent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * How many first bytes two files of a stream have in common, looked at up to a limit: a banner
 * or header longer than the first bytes a fingerprint keeps still proves nothing of a copy.
 */
final class SharedStart {

    /** Past this, what two files share is left to the digest of what was read. */
    private static final int LIMIT = 64 * 1024;

    private SharedStart() {
    }

    /** The bytes {@code content} and {@code other}'s file have in common from their start, at most {@code upTo}. */
    static long of(FileContent content, TrackedFile other, long upTo) {
        int length = (int) Math.min(upTo, LIMIT);
        try {
            byte[] mine = read(content, length);
            byte[] theirs = FileContent.readOnce(other.path(), other.key, otherContent -> read(otherContent, length));
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
