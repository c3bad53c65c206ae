package org.thor.file.identity;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A 64-bit digest of everything a file held up to a position, kept as the file is read: files
 * that share a banner, a header or the padding of fixed-width records still differ somewhere, and
 * this sees it. It covers the whole 8-byte words before the position ({@link #wordsBefore}); the
 * few bytes after the last whole word are covered by {@link ReadMark}'s tail. Positions are
 * absolute, so the digest of a content can be continued from a stored value without the bytes
 * before it, and compared with the digest of a copy computed anew.
 */
public final class ContentDigest {

    /** The digest of an offset stored before digests were kept, or of a position not read by Thor. */
    public static final long UNKNOWN = -1;
    /** The digest of no bytes. */
    public static final long EMPTY = 0x2545F4914F6CDD1DL & Long.MAX_VALUE;

    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long K1 = 0x9E3779B97F4A7C15L;
    private static final long K2 = 0xC2B2AE3D27D4EB4FL;
    private static final int CHUNK = 64 * 1024;

    private ContentDigest() {
    }

    /** Where the words a digest at {@code position} covers end: the position rounded down to a word. */
    public static long wordsBefore(long position) {
        return position & ~7L;
    }

    /** The digest {@code digest} continued by the word at {@code offset} of {@code bytes}. */
    public static long fold(long digest, byte[] bytes, int offset) {
        long word = (long) WORD.get(bytes, offset);
        return (Long.rotateLeft(digest ^ word * K1, 29) * K2) & Long.MAX_VALUE;
    }

    /** The digest of the words of a content before {@link #wordsBefore}{@code (position)}; {@link #UNKNOWN} when it is shorter. */
    public static long of(FileContent content, long position) throws IOException {
        long end = wordsBefore(position);
        byte[] chunk = new byte[CHUNK];
        long digest = EMPTY;
        long at = 0;
        while (at < end) {
            int want = (int) Math.min(CHUNK, end - at);
            if (content.readFully(ByteBuffer.wrap(chunk, 0, want), at) < want) {
                return UNKNOWN;
            }
            for (int i = 0; i < want; i += 8) {
                digest = fold(digest, chunk, i);
            }
            at += want;
        }
        return digest;
    }
}
