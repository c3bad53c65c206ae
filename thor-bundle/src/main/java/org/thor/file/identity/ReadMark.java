package org.thor.file.identity;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How far a file was read, with what proves it: the hash of its first bytes and the hash of the
 * {@value #TAIL_BYTES} bytes just before the position. Another file holds what was read (it is the
 * same file, or a copy of it: copytruncate's {@code app.log.1}, a compressed {@code app.log.1.gz})
 * only when it is at least that long and both ranges hash the same. First bytes alone prove
 * nothing: logs often start with the same banner or header.
 *
 * @param tailHash {@link #NO_TAIL} for an offset stored before tails were kept: then only the
 *                 first bytes and the length are checked
 */
public record ReadMark(int headLength, long headHash, long position, long tailHash) {

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

    public static ReadMark of(Fingerprint head, long position, long tailHash) {
        return new ReadMark(head.length(), head.hash(), position, tailHash);
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
        return tailHash == NO_TAIL || tailHashAt(content, position) == tailHash;
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
