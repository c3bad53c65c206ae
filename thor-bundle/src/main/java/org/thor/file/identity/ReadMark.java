package org.thor.file.identity;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How far a file was read, with what proves it: the hash of its first bytes, the hash of the
 * {@value #TAIL_BYTES} bytes just before the position, and the {@link ContentDigest} of everything
 * before it. Another file holds what was read (it is the same file, or a copy of it: copytruncate's
 * {@code app.log.1}, a compressed {@code app.log.1.gz}) only when it is at least that long and all
 * three agree. First bytes and a tail alone prove little: logs often start with the same banner or
 * header, and fixed-width records end in the same padding.
 *
 * @param tailHash {@link #NO_TAIL} for an offset stored before tails were kept: then only the
 *                 first bytes and the length are checked
 * @param digest   {@link ContentDigest#UNKNOWN} when the position was not reached by reading (an
 *                 offset stored before digests were kept, a file taken as read at its end)
 */
public record ReadMark(int headLength, long headHash, long position, long tailHash, long digest) {

    public static final int TAIL_BYTES = 64;
    public static final long NO_TAIL = -1;
    /** The tail hash at position 0, where no byte was read. */
    public static final long EMPTY_TAIL = Fingerprint.hash(new byte[0], 0, 0);

    /** How many bytes before {@code position} the tail covers: fewer at the start of a file. */
    public static int tailLength(long position) {
        return (int) Math.min(TAIL_BYTES, position);
    }

    /** The tail hash of a content at {@code position}, or -1 when it does not reach there. */
    public static long tailHashAt(FileContent content, long position) throws IOException {
        int length = tailLength(position);
        return Fingerprint.hashOfRange(content, position - length, length);
    }

    public static ReadMark of(Fingerprint head, long position, long tailHash, long digest) {
        return new ReadMark(head.length(), head.hash(), position, tailHash, digest);
    }

    /** Whether the mark proves what was read by its whole content, not only by its first bytes and tail. */
    public boolean digested() {
        return digest != ContentDigest.UNKNOWN;
    }

    /**
     * Whether {@code content} holds what this mark says was read.
     *
     * @param size the file's size, or -1 when it says nothing of the content's (a compressed file)
     */
    public boolean provenBy(FileContent content, long size) throws IOException {
        if (size >= 0 && size < position) {
            return false;
        }
        if (headLength > 0 && Fingerprint.hashOfHead(content, headLength) != headHash) {
            return false;
        }
        if (tailHash != NO_TAIL && tailHashAt(content, position) != tailHash) {
            return false;
        }
        return digest == ContentDigest.UNKNOWN || ContentDigest.of(content, position) == digest;
    }

    /** As {@link #provenBy(FileContent, long)} for the file {@code key} at {@code path}; false when it cannot be read. */
    public boolean provenBy(Path path, String key) {
        try {
            long size = FileContent.isCompressed(path) ? -1 : FileKeys.stat(path).size();
            return FileContent.readOnce(path, key, content -> provenBy(content, size));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
